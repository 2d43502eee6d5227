#!/usr/bin/env bash
# One picture, one process, as a user runs it once: `moescope-cli run --out`
# against the notebook path (pydicom + torch + matplotlib, a fresh Python:
# notebook_oneshot.py) on the same 640×480 DICOM and the same model, rounds
# interleaved so drift on the machine hits both alike. Wall times in seconds.
#   tests/bench/bench_oneshot.sh [BUILD_DIR] [ROUNDS] [MODEL.pt]
# The model defaults to the V-MoE example of docs/export.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-5}
work=${BENCH_WORK:-/tmp/moescope-bench-oneshot}
mkdir -p "$work"
model=${3:-$work/vmoe-example.pt}
[[ -f "$model" ]] || /usr/bin/python3 "$root/tests/data/export_example.py" "$work" > /dev/null 2>&1
[[ -f "$work/us.dcm" ]] || /usr/bin/python3 "$here/make_us_dicom.py" "$work/us.dcm"
export MOESCOPE_PLUGIN_PATH="$build/plugins/moescope"
cli="$build/app/moescope-cli"
wall() {
  local s e
  s=$(date +%s%N)
  "$@" > /dev/null || { echo "bench_oneshot: failed: $*" >&2; exit 1; }
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 ))"
}
echo "# machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), model $(basename "$model"), $rounds rounds"
echo "# round  moescope(first ever, cache empty)  moescope(model known)  notebook  [ms]"
for r in $(seq "$rounds"); do
  rm -rf "$work/cache" "$work/out" "$work/nb"
  first=$(XDG_CACHE_HOME="$work/cache" wall "$cli" run --model "$model" --input "$work/us.dcm" \
          --out "$work/out" --no-store)
  known=$(XDG_CACHE_HOME="$work/cache" wall "$cli" run --model "$model" --input "$work/us.dcm" \
          --out "$work/out" --no-store)
  notebook=$(wall /usr/bin/python3 "$here/notebook_oneshot.py" "$model" "$work/us.dcm" "$work/nb")
  echo "$r $first $known $notebook"
done
