#!/usr/bin/env bash
# A private single-node Slurm cluster for tests: munged + slurmctld + slurmd,
# every file (key, sockets, state, spool, logs, pid files, slurm.conf) under
# DIR, so it never touches /etc/slurm, /etc/munge or a system Slurm.
#   slurm_cluster.sh start DIR   exit 0 once the node is idle, 1 on failure
#                                (whatever it started is stopped again), 77
#                                (ctest's skip code) when Slurm/munge is absent
#   slurm_cluster.sh stop DIR    idempotent; also safe after a failed start
# Then `source DIR/env` (sets SLURM_CONF) and use sbatch/squeue/scancel.
#
# What listens where:
#   munged     Unix socket DIR/munge/munge.socket only (no network at all);
#              clients find it through AuthInfo in DIR/slurm.conf.
#   slurmctld  TCP SlurmctldPort, slurmd TCP SlurmdPort: two free ports picked
#              at each start (20000-59999), so a system Slurm on 6817/6818 is
#              not disturbed. Slurm 22.05 has no bind-address setting: the
#              daemons bind the wildcard address, but every client and the
#              controller<->node traffic is pointed at 127.0.0.1
#              (SlurmctldHost=NAME(127.0.0.1), NodeAddr=127.0.0.1), so nothing
#              is ever sent off the machine.
#   slurmstepd Unix sockets in DIR/spool.
#
# Caveats: DIR must be short (munge's socket path must fit 108 bytes) and free
# of spaces. Jobs run unconfined (proctrack/linuxproc, task/none, no cgroups,
# no accounting: no sacct). The node is named after this host (slurmd -C) but
# addressed as 127.0.0.1, so no DNS is needed. As root the daemons run as root
# (munged needs --force for that). As an ordinary user SlurmUser/SlurmdUser
# become that user, which works for that user's own jobs only (slurmd cannot
# switch users). Where pid 1 reaps orphans lazily (containers), pgrep may list
# <defunct> daemons for a second after stop. Daemon logs carry harmless
# "pmix" plugin errors (the plugin loads even with MpiDefault=none).
set -u

cmd=${1:-}
dir=${2:-}
if [[ $cmd != start && $cmd != stop ]] || [[ -z $dir ]]; then
  echo "usage: $0 start|stop DIR" >&2; exit 2
fi
mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || { echo "slurm_cluster: cannot use $dir" >&2; exit 1; }
conf=$dir/slurm.conf
sock=$dir/munge/munge.socket

# Pids to stop: those in the pid files, plus any daemon that died before
# writing one (found by its command line). A pid counts only while its command
# line names a file in DIR, so a stale pid file never gets a stranger killed.
ours() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$dir/"; }
# Orphans are reaped by whatever runs as pid 1, which in a container may be
# slow to do it: a zombie counts as gone.
alive() {  # pid...: true while any one of them runs
  local p
  for p; do grep -q '^State:[[:space:]]*[^Z]' "/proc/$p/status" 2>/dev/null && return 0; done
  return 1
}
daemon_pids() {  # pidfile, pgrep -f pattern
  local pid
  for pid in $(cat "$1" 2>/dev/null) $(pgrep -f -- "$2"); do
    [[ $pid =~ ^[0-9]+$ ]] && ours "$pid" && echo "$pid"
  done
}
tree_of() {  # pid: its descendants, then itself
  local c
  for c in $(pgrep -P "$1"); do tree_of "$c"; done
  echo "$1"
}

do_stop() {
  local pids pid i
  if [[ -n $(daemon_pids "$dir/slurmctld.pid" "slurmctld -f $conf") ]]; then
    # Cancel what is still queued or running so no job outlives the cluster.
    SLURM_CONF=$conf timeout 5 scancel -p debug >/dev/null 2>&1
    for ((i = 0; i < 25; i++)); do
      [[ -z $(SLURM_CONF=$conf timeout 3 squeue -h 2>/dev/null) ]] && break; sleep 0.2
    done
  fi
  pids=$(daemon_pids "$dir/slurmd.pid" "slurmd -f $conf"; daemon_pids "$dir/slurmctld.pid" "slurmctld -f $conf"
         daemon_pids "$dir/munge/munged.pid" "munged .*--socket=$sock")
  # Jobs scancel could not reach (slurmctld already dead): slurmstepd is not a
  # child of slurmd, but ours carry SLURM_CONF=DIR/slurm.conf, inherited from
  # the environment slurmd is started with below. A stepd shrugs off SIGTERM
  # and leaves its job behind when killed, so job first, both with SIGKILL.
  local steps=
  for pid in $(pgrep -x slurmstepd); do
    tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "SLURM_CONF=$conf" && steps+=" $(tree_of "$pid")"
  done
  [[ -n ${steps// } ]] && kill -KILL $steps 2>/dev/null
  # All at once: each daemon takes 1-2 s to exit, none needs the others to.
  pids=$(printf '%s\n' $pids | sort -un)
  if [[ -n $pids ]]; then
    kill -TERM $pids 2>/dev/null
    for ((i = 0; i < 150; i++)); do alive $pids || break; sleep 0.1; done
    kill -KILL $pids 2>/dev/null && sleep 0.2
  fi
  rm -f "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid" "$sock" "$sock.lock" "$dir/env"
}

if [[ $cmd == stop ]]; then do_stop; exit 0; fi

# ---------------------------------------------------------------- start
for t in munged munge slurmctld slurmd sbatch sinfo squeue scancel; do
  command -v "$t" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin command -v "$t" >/dev/null 2>&1 ||
    { echo "slurm_cluster: SKIP: $t not installed (apt install slurm-wlm munge)"; exit 77; }
done
export PATH=$PATH:/usr/sbin:/sbin
# slurm.conf cannot quote a path with spaces in it.
[[ $dir =~ [[:space:]] ]] && { echo "slurm_cluster: DIR must not contain spaces: $dir" >&2; exit 1; }
t0=$SECONDS
do_stop  # a cluster left running, or killed half-way, from an earlier start
rm -rf "$dir/state" "$dir/spool" "$dir/munge" "$dir"/*.log "$dir/env"
# munged refuses a key or socket directory that others may write to, and
# every job's user must be able to reach the socket (so 755, key 600).
mkdir -p "$dir/state" "$dir/spool" "$dir/munge" && chmod 755 "$dir/munge" && chmod go-w "$dir" ||
  { echo "slurm_cluster: cannot set up $dir" >&2; exit 1; }

fail() {  # daemon, log, reason: one line, then the log's tail, then clean up
  echo "slurm_cluster: start failed: $1 $3 (log: $2)" >&2
  [[ -f $2 ]] && tail -n 15 "$2" | sed 's/^/  | /' >&2
  do_stop; exit 1
}

# munge: its own key, socket, pid, log and seed files.
mlog=$dir/munge/munged.log
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none && chmod 600 "$dir/munge/munge.key" ||
  fail munged "$mlog" "could not get a key written"
force=(); [[ $(id -u) == 0 ]] && force=(--force)  # munged will not run as root without it
munged "${force[@]}" --socket="$sock" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$mlog" --seed-file="$dir/munge/munged.seed" \
  </dev/null >>"$mlog" 2>&1 || fail munged "$mlog" "did not start"
for ((i = 0; i < 50; i++)); do munge -n -S "$sock" >/dev/null 2>&1 && break; sleep 0.1; done
munge -n -S "$sock" | unmunge -S "$sock" >/dev/null 2>&1 || fail munged "$mlog" "does not answer on $sock"

# Two free TCP ports: none listed in /proc/net/tcp{,6}, in any state.
used=$(cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | while read -r _ local _; do
  [[ $local =~ :([0-9A-F]{4})$ ]] && echo $((16#${BASH_REMATCH[1]})); done)
pick() { local p; while :; do p=$((20000 + RANDOM % 40000)); grep -qx "$p" <<<"$used" || { used+=$'\n'$p; echo "$p"; return; }; done; }
cport=$(pick); dport=$(pick)

# The node as slurmd itself sees it, so slurmd does not drain it for a mismatch.
hw=$(slurmd -C 2>/dev/null | head -n 1)
node=$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' <<<"$hw")
[[ -n $node ]] || fail slurmd "$dir/slurmd.log" "-C printed no node line ($hw)"
user=$(id -un)
cat >"$conf" <<EOF
# Written by $0 for a private test cluster; see that script.
ClusterName=moescope-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$cport
SlurmdPort=$dport
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# The main scheduling pass runs every 60 s by default; tests want seconds.
SchedulerParameters=sched_interval=1
# Cancelled jobs get SIGKILL 5 s after SIGTERM, not 30: stop stays quick.
KillWait=5
${hw/NodeName=$node/NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$node} State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
: >"$dir/plugstack.conf"  # keep /etc/slurm/plugstack.conf's SPANK plugins out

# Both daemonise and write their pid files; -c drops any saved job state.
SLURM_CONF=$conf slurmctld -f "$conf" -c </dev/null >>"$dir/slurmctld.log" 2>&1 ||
  fail slurmctld "$dir/slurmctld.log" "exited at once"
SLURM_CONF=$conf slurmd -f "$conf" -N "$node" </dev/null >>"$dir/slurmd.log" 2>&1 ||
  fail slurmd "$dir/slurmd.log" "exited at once"

export SLURM_CONF=$conf
state=
t1=$SECONDS
while ((SECONDS - t1 < 60)); do
  # A daemon that died after forking (a port taken, a fatal config error).
  for d in slurmctld slurmd; do
    pid=$(cat "$dir/$d.pid" 2>/dev/null)
    if [[ $pid =~ ^[0-9]+$ ]] && ! alive "$pid" || { [[ -z $pid ]] && ((SECONDS - t1 > 5)); }; then
      fail "$d" "$dir/$d.log" "is not running"
    fi
  done
  state=$(timeout 3 sinfo -h -n "$node" -o %T 2>/dev/null)
  [[ $state == idle ]] && break
  # ReturnToService=2 should bring the node up at once; still down means a
  # real mismatch (memory, CPUs) that slurmctld reports as the reason.
  if [[ $state == down* || $state == drain* ]] && ((SECONDS - t1 > 10)); then
    fail slurmd "$dir/slurmd.log" "node $node is $state: $(timeout 3 sinfo -h -R -o %E 2>/dev/null)"
  fi
  sleep 0.2
done
[[ $state == idle ]] || fail slurmctld "$dir/slurmctld.log" "node $node not idle after 60 s (state '${state:-no answer}')"

echo "export SLURM_CONF=$conf" >"$dir/env"
echo "slurm_cluster: node $node idle in $((SECONDS - t0)) s (slurmctld :$cport, slurmd :$dport, SLURM_CONF=$conf)"
