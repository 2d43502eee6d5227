#!/usr/bin/env bash
# Lab scale end to end (docs/lab.md): moescope-cli batch --slurm --submit on a
# real single-node Slurm cluster started here (slurm_cluster.sh), a 4-task
# job array over a small study set, every task storing into one PostgreSQL
# server started here (postgres_server.sh); then the same array with one
# SQLite file per shard, merged by moescope-cli merge. Checks that every
# file was analysed exactly once and every run is in the store.
#   check_slurm_batch.sh MOESCOPE_CLI SOURCE_DIR
# Exit 77 (skip) only where Slurm, munge or PostgreSQL is not installed.
set -uo pipefail
cli=$1
src=$2
files=10
tasks=4

# Short (munge's socket path must fit 108 bytes) and traversable by the
# unprivileged user PostgreSQL runs as under root.
work=$(mktemp -d /tmp/moescope-lab.XXXXXX)
chmod 0755 "$work"
cleanup() {
  "$src/tests/data/slurm_cluster.sh" stop "$work/slurm" >/dev/null 2>&1
  "$src/tests/data/postgres_server.sh" stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "check_slurm_batch: $*"
  for log in "$work"/logs/*.out; do
    [[ -f $log ]] && { echo "--- $log"; tail -n 5 "$log"; }
  done
  exit 1
}

"$src/tests/data/slurm_cluster.sh" start "$work/slurm" || exit $?
"$src/tests/data/postgres_server.sh" start "$work/pg" || exit $?
# shellcheck disable=SC1091
source "$work/slurm/env"
command -v psql >/dev/null || { echo "check_slurm_batch: psql is not installed"; exit 77; }

# The study set: distinct pictures (FFmpeg's test pattern, one frame a second).
mkdir -p "$work/study" "$work/logs"
ffmpeg -v error -f lavfi -i "testsrc=size=96x96:rate=1" -frames:v $files \
  "$work/study/study%02d.png" || fail "ffmpeg could not write the study set"

# Waits for every task of job array $1 to end (squeue empties a moment
# before scontrol has every task's final state) and checks that each ended
# COMPLETED with exit code 0.
wait_array() {
  local job=$1 done=0 info
  for _ in $(seq 600); do
    info=$(scontrol -o show job "$job" 2>/dev/null)
    done=$(grep -c 'JobState=\(COMPLETED\|FAILED\|CANCELLED\|TIMEOUT\|NODE_FAIL\|OUT_OF_MEMORY\)' <<<"$info")
    [[ $done -ge $tasks ]] && break
    sleep 0.5
  done
  [[ $done -ge $tasks ]] || fail "job array $job: $done of $tasks tasks ended after 300 s"
  [[ $(grep -c 'JobState=COMPLETED.*ExitCode=0:0' <<<"$info") -eq $tasks ]] ||
    fail "job array $job: not every task completed: $(grep -o 'ArrayTaskId=[0-9]* .*JobState=[A-Z_]*' <<<"$info" | sed 's/ .*JobState=/ /' | tr '\n' ' ')"
}

submit() { # batch arguments...; prints the job id
  local out
  out=$("$cli" batch --model moe-vit-shapes-tiny --input "$work/study" --array $tasks \
        --partition debug --time 10 --submit "$@") || fail "batch --slurm failed: $out"
  echo "$out" | grep -o 'job array [0-9]*' | awk '{print $3}'
}

# 1. One PostgreSQL store shared by every task.
url="postgresql:///lab?host=$work/pg&user=moescope"
job=$(submit --db "$url" --slurm "$work/logs/shared.sbatch") || exit 1
[[ -n $job ]] || fail "no job id from sbatch"
# The script names the shard of each task and the shared store.
grep -q -- '--shard "$SLURM_ARRAY_TASK_ID/4"' "$work/logs/shared.sbatch" ||
  fail "the sbatch script has no --shard: $(cat "$work/logs/shared.sbatch")"
grep -q "#SBATCH --array=1-$tasks" "$work/logs/shared.sbatch" || fail "no --array line"
wait_array "$job"
read -r runs images hosts < <(psql -h "$work/pg" -U moescope -d lab -At -F ' ' -c \
  "SELECT count(*), count(DISTINCT i.sha256), count(DISTINCT r.created_on)
     FROM runs r JOIN images i ON i.id = r.image_id")
[[ $runs == "$files" && $images == "$files" ]] ||
  fail "PostgreSQL store: $runs runs of $images images, expected $files of $files"
[[ $hosts == 1 ]] || fail "PostgreSQL store: runs from $hosts hosts"
listed=$("$cli" runs --db "$url" --json | grep -c "\"created_on\": \"$(hostname)\"")
[[ $listed == "$files" ]] || fail "moescope-cli runs lists $listed runs made on $(hostname), expected $files"
echo "slurm array $job: $files files in $tasks tasks -> $runs runs in PostgreSQL, each file once"

# 2. One SQLite file per task, merged afterwards.
job=$(submit --db "$work/lab.sqlite" --slurm "$work/logs/shards.sbatch") || exit 1
wait_array "$job"
sum=0
for shard in $(seq $tasks); do
  f="$work/lab.shard$shard.sqlite"
  [[ -f $f ]] || fail "task $shard wrote no $f"
  n=$(sqlite3 "$f" "SELECT count(*) FROM runs")
  sum=$((sum + n))
done
[[ $sum == "$files" ]] || fail "the shards hold $sum runs together, expected $files"
"$cli" merge --db "$work/lab.sqlite" "$work"/lab.shard*.sqlite --json | grep -q "\"copied\": $files" ||
  fail "merge did not copy $files runs"
again=$("$cli" merge --db "$work/lab.sqlite" "$work"/lab.shard*.sqlite --json)
echo "$again" | grep -q '"copied": 0' || fail "merging twice copied runs again: $again"
distinct=$(sqlite3 "$work/lab.sqlite" \
  "SELECT count(*) || ' ' || count(DISTINCT image_id) FROM runs")
[[ $distinct == "$files $files" ]] || fail "merged store: $distinct (runs, images)"
echo "slurm array $job: $tasks SQLite shards ($sum runs) merged into one store, each file once"
