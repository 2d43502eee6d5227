#!/usr/bin/env bash
# A private PostgreSQL server for the store tests, started and stopped by
# ctest (fixture "postgres", tests/store.cmake).
#   postgres_server.sh start DIR   initdb into DIR/data, start, wait until ready
#   postgres_server.sh stop DIR    stop it and remove DIR
# It listens on a Unix socket in DIR only (listen_addresses is empty: no TCP
# port at all), trusts the socket (only this machine's users can reach it,
# and DIR is the test's), and keeps nothing after stop. PostgreSQL refuses to
# run as root, so under root the server runs as the unprivileged user
# "nobody"; root reaches the socket all the same. Its logs stay in DIR and
# are quoted only when it fails.
set -uo pipefail
action=${1:-}
dir=${2:-}
if [[ -z $action || -z $dir ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "postgres_server: PostgreSQL is not installed (Debian's postgresql; cmake/setup-debian.sh --tests)"
  exit 77
fi

as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

stop() {
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      kill -9 "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null
  fi
  rm -rf "$dir"
}

case $action in
stop)
  stop
  exit 0
  ;;
start)
  stop # a server left by an interrupted run
  mkdir -p "$dir" || exit 1
  if [[ $(id -u) -eq 0 ]]; then
    chown nobody:nogroup "$dir"
    chmod 0755 "$dir"
  fi
  if ! as_server "$bindir/initdb" -D "$dir/data" -U moescope --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "postgres_server: initdb failed in $dir/data: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
    stop
    exit 1
  fi
  # fsync off: a test server's data may be lost in a crash, and it is 10x
  # faster on a small CI disk. 64 connections: the batch and thread tests.
  if ! as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=64" \
      start >/dev/null 2>&1; then
    echo "postgres_server: the server did not start: $(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
    stop
    exit 1
  fi
  echo "postgres_server: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $dir/.s.PGSQL.5432"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
