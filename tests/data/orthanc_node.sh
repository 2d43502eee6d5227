#!/bin/bash
# A throw-away Orthanc PACS for the DICOM network tests (C-ECHO, C-FIND,
# C-GET, C-MOVE from the MOESCOPE AE), private to one test run.
#
#   orthanc_node.sh run [--load FILE_OR_DIR]... -- COMMAND [ARGS...]
#
# Orthanc 1.10 binds every interface and has no bind-address option, so it
# runs in a fresh network namespace that has only loopback up: nothing of it
# is reachable from, or listens on, the host's interfaces, and the fixed ports
# below cannot clash with anything on the host or with a parallel ctest run
# (each run has its own namespace). COMMAND runs inside the same namespace:
# it is the only thing that can reach the PACS. A PID namespace is added so
# that Orthanc (and whatever COMMAND leaves behind) dies with this script even
# when the script itself is killed (unshare --kill-child).
#
# Steps: write a config into a temporary folder (database and log there too),
# start Orthanc (its output goes only to that folder), wait up to 30 s for a
# C-ECHO to succeed, C-STORE every --load file and every DICOM part-10 file
# under a --load folder, run COMMAND with
#   MOESCOPE_TEST_PACS=ORTHANC@127.0.0.1:4242        (AE title @ host : port)
#   MOESCOPE_TEST_PACS_HTTP=http://127.0.0.1:8042    (REST API, no auth)
#   MOESCOPE_TEST_PACS_MOVE_PORT=11113               (C-MOVE destination
#                                    MOESCOPE is known to Orthanc at this port)
# then stop Orthanc, remove the folder and exit with COMMAND's status.
# Exit 77 (ctest's SKIP_RETURN_CODE) when Orthanc, DCMTK or namespaces are not
# available; exit 1 with one line naming the failed step otherwise.
#
# Root uses `unshare -n`. An ordinary user needs unprivileged user namespaces
# (`unshare -rn`); COMMAND then runs as uid 0 of that user namespace (files it
# writes still belong to the user outside). Where neither works: exit 77.
# /proc is the host's (no mount namespace), so pids inside do not match /proc.
# Loading uses dcmsend, not storescu: storescu (DCMTK 3.6.7) only proposes
# uncompressed transfer syntaxes for files it cannot decode (JPEG 2000, RLE,
# JPEG lossy without codecs) and then fails; dcmsend -dn sends them as stored.
# Folders are filtered with dcmftest, so files without the DICM preamble in a
# folder are ignored; a file named on its own must be valid or the run fails.
set -u
me=orthanc_node
DICOM_PORT=4242 HTTP_PORT=8042 MOVE_PORT=11113 AET=ORTHANC MY_AET=MOESCOPE

skip() { echo "$me: SKIP: $*"; exit 77; }
usage() { echo "usage: $0 run [--load FILE_OR_DIR]... -- COMMAND [ARGS...]" >&2; exit 2; }

[ "${1:-}" = run ] || usage
shift
loads=()
while [ $# -gt 0 ]; do
  case $1 in
    --load) [ $# -ge 2 ] || usage; loads+=("$2"); shift 2 ;;
    --load=*) loads+=("${1#--load=}"); shift ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
[ $# -gt 0 ] || usage
for p in "${loads[@]}"; do
  [ -e "$p" ] || { echo "$me: FAILED: --load $p: no such file or folder" >&2; exit 1; }
done

orthanc=${ORTHANC:-/usr/sbin/Orthanc}
[ -x "$orthanc" ] || orthanc=$(command -v Orthanc) || skip "Orthanc is not installed"
for tool in echoscu dcmsend dcmftest unshare ip; do
  command -v "$tool" >/dev/null || skip "$tool not found (packages dcmtk, util-linux, iproute2)"
done

# Outside: re-run this script in the new namespaces; the marker tells it apart.
if [ -z "${ORTHANC_NODE_INSIDE:-}" ]; then
  if [ "$(id -u)" = 0 ]; then flavours=(-n -rn); else flavours=(-rn); fi
  for f in "${flavours[@]}"; do
    if unshare "$f" -p --kill-child true 2>/dev/null; then
      ORTHANC_NODE_INSIDE=1 ORTHANC="$orthanc" exec unshare "$f" -p --kill-child -- \
        "$BASH" "$0" run "${loads[@]/#/--load=}" -- "$@"
    fi
  done
  skip "cannot create a network namespace (unshare ${flavours[*]} refused; user namespaces disabled?)"
fi
unset ORTHANC_NODE_INSIDE

# Inside: a new network namespace, in which only lo exists (and is down).
ip link set lo up 2>/dev/null || skip "cannot bring loopback up in the new network namespace"
t0=$EPOCHREALTIME
tmp=$(mktemp -d "${TMPDIR:-/tmp}/orthanc_node.XXXXXX") || { echo "$me: FAILED: mktemp" >&2; exit 1; }
orthanc_pid=

fail() {  # one line: the step, then Orthanc's last errors (or last lines)
  local log=
  if [ -s "$tmp/orthanc.log" ] || [ -s "$tmp/orthanc.out" ]; then
    log=$(cat "$tmp/orthanc.log" "$tmp/orthanc.out" 2>/dev/null | grep '^E' | tail -n 3)
    [ -n "$log" ] || log=$(tail -q -n 3 "$tmp/orthanc.log" "$tmp/orthanc.out" 2>/dev/null)
    log="; Orthanc log: $(printf '%s' "$log" | tr '\n' '|')"
  fi
  echo "$me: FAILED: $*${log}" >&2
  exit 1
}
# shellcheck disable=SC2317  # only reached through the trap
cleanup() {
  if [ -n "$orthanc_pid" ]; then
    kill -TERM "$orthanc_pid" 2>/dev/null
    # bash reaps its children as they exit, so kill -0 fails once Orthanc is gone
    for _ in $(seq 100); do kill -0 "$orthanc_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$orthanc_pid" 2>/dev/null
    wait "$orthanc_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# The file list is settled before Orthanc starts, so a bad --load fails fast.
files=()
for p in "${loads[@]}"; do
  if [ -d "$p" ]; then
    n=${#files[@]}
    while IFS= read -r f; do files+=("$f"); done \
      < <(find "$p" -type f -print0 | xargs -0 -r dcmftest | sed -n 's/^yes: //p')
    [ ${#files[@]} -gt "$n" ] || fail "--load $p: no DICOM part-10 file in that folder"
  else
    dcmftest "$p" >/dev/null || fail "--load $p: not a DICOM part-10 file"
    files+=("$p")
  fi
done

# Every option name below is one that `Orthanc --config=FILE` documents for
# 1.10.1. Anything not listed keeps Orthanc's built-in default.
cat >"$tmp/orthanc.json" <<EOF
{
  "Name" : "MoEScope test PACS",
  "StorageDirectory" : "$tmp/db",
  "IndexDirectory" : "$tmp/db",
  "Plugins" : [],
  "LuaScripts" : [],
  "HttpServerEnabled" : true,
  "HttpPort" : $HTTP_PORT,
  "RemoteAccessAllowed" : false,
  "AuthenticationEnabled" : false,
  "WebDavEnabled" : false,
  "DicomServerEnabled" : true,
  "DicomAet" : "$AET",
  "DicomPort" : $DICOM_PORT,
  "DicomCheckCalledAet" : false,
  "DicomCheckModalityHost" : false,
  "DicomAlwaysAllowEcho" : true,
  "DicomAlwaysAllowStore" : true,
  "DicomAlwaysAllowFind" : true,
  "DicomAlwaysAllowGet" : true,
  "DicomAlwaysAllowMove" : true,
  "DicomModalities" : { "$MY_AET" : [ "$MY_AET", "127.0.0.1", $MOVE_PORT ] },
  "DicomAssociationCloseDelay" : 0,
  "SyncStorageArea" : false,
  "SaveJobs" : false
}
EOF
# Association close delay 0: associations that Orthanc opens for REST jobs
# (e.g. POST /modalities/MOESCOPE/store) are released at once instead of
# lingering 5 s against the test's storage SCP (C-MOVE releases at once anyway).
# SyncStorageArea false: no fsync per stored instance, this database is
# thrown away anyway.

# TCP_NODELAY=1: this DCMTK build leaves Nagle's algorithm on unless told
# otherwise, which costs ~90 ms per instance on loopback (34 CT slices: 3 s
# instead of 0.15 s). Only Orthanc and dcmsend get it; COMMAND is left as is.
(cd "$tmp" && TCP_NODELAY=1 exec "$orthanc" --logfile="$tmp/orthanc.log" "$tmp/orthanc.json" \
   </dev/null >"$tmp/orthanc.out" 2>&1) &
orthanc_pid=$!

# Probing the ports with bash's /dev/tcp first keeps the polling cheap.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
echo_ok() { echoscu -to 2 -ta 2 -aet "$MY_AET" -aec "$AET" 127.0.0.1 "$DICOM_PORT" >/dev/null 2>&1; }
deadline=$((SECONDS + 30))
until port_open "$DICOM_PORT" && port_open "$HTTP_PORT" && echo_ok; do
  kill -0 "$orthanc_pid" 2>/dev/null || { orthanc_pid=; fail "Orthanc exited during start-up"; }
  [ $SECONDS -lt $deadline ] || fail "no C-ECHO answer from $AET@127.0.0.1:$DICOM_PORT within 30 s"
  sleep 0.1
done

if [ ${#files[@]} -gt 0 ]; then
  # -dn: send every file in its stored transfer syntax (Orthanc accepts all).
  TCP_NODELAY=1 dcmsend -v -dn -nh -to 10 -aet "$MY_AET" -aec "$AET" 127.0.0.1 "$DICOM_PORT" \
    "${files[@]}" >"$tmp/dcmsend.log" 2>&1
  # dcmsend's exit status ignores refused instances: count from its summary.
  stored=$(awk -F: '/with status (SUCCESS|WARNING)/ { n += $NF } END { print n + 0 }' "$tmp/dcmsend.log")
  if [ "$stored" -ne ${#files[@]} ]; then
    why=$(grep -m1 '^E:' "$tmp/dcmsend.log")
    fail "C-STORE: Orthanc stored $stored of ${#files[@]} files (${why:-see dcmsend -v})"
  fi
fi
t1=$EPOCHREALTIME
echo "$me: Orthanc up on $AET@127.0.0.1:$DICOM_PORT (loopback-only namespace)," \
  "${#files[@]} files stored, $(( (${t1/./} - ${t0/./}) / 1000 )) ms" >&2

export MOESCOPE_TEST_PACS="$AET@127.0.0.1:$DICOM_PORT"
export MOESCOPE_TEST_PACS_HTTP="http://127.0.0.1:$HTTP_PORT"
export MOESCOPE_TEST_PACS_MOVE_PORT=$MOVE_PORT
"$@"
exit $?
