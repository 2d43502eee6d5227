#!/usr/bin/env bash
# Runs MoEScope's benchmarks side by side with the alternative a user would
# pick (Python PyTorch on the same .pt), in one run, on the same machine, and
# prints JSON lines. Usage: tests/bench/run.sh [BUILD_DIR] [MODEL] [IMAGE]
#   threads: LibTorch and PyTorch both get 2 intra-op threads (OMP too).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
model=${2:-$root/resources/models/moe-vit-shapes-tiny.pt}
image=${3:-$root/resources/samples/shapes-circle.png}
iterations=${ITERATIONS:-200}
export OMP_NUM_THREADS=2 MKL_NUM_THREADS=2
cli="$build/app/moescope-cli"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ)"
# Interleave the two runtimes so drift on the machine hits both alike.
for round in 1 2 3; do
  for batch in 1 8; do
    "$cli" bench --model "$model" --device cpu --threads 2 --batch "$batch" --iterations "$iterations" --warmup 10 --json
    /usr/bin/python3 "$here/bench_python.py" --model "$model" --threads 2 --batch "$batch" --iterations "$iterations" --warmup 10 --json
  done
done
# What `run` costs besides the forward pass (decode, preprocess, routing, PNGs, DB).
for i in 1 2 3 4 5; do
  "$cli" run --model "$model" --input "$image" --device cpu --threads 2 --db "$tmp/runs.sqlite" --out "$tmp/out$i" --json \
    | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); t=r["timings"]; t["elapsed_ms"]=r["elapsed_ms"]; print(json.dumps({"run_breakdown": t}))'
done
if [[ -x "$build/tests/bench_ui_stall" ]]; then
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/tests/bench_ui_stall" --model "$model" --input "$image" --runs 20
fi
