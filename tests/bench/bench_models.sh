#!/usr/bin/env bash
# Every bundled reference model at batch 1 on 2 CPU threads: MoEScope's
# LibTorch engine (`moescope-cli bench`) and Python PyTorch on the same .pt,
# interleaved in one run, then a table of medians and images/s.
# Usage: tests/bench/bench_models.sh [BUILD_DIR] [ITERATIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
iterations=${2:-100}
export OMP_NUM_THREADS=2 MKL_NUM_THREADS=2
cli="$build/app/moescope-cli"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ), $iterations iterations, batch 1, 2 threads"
for model in "$root"/resources/models/*.pt; do
  for round in 1 2; do
    "$cli" bench --model "$model" --device cpu --threads 2 --batch 1 --iterations "$iterations" --warmup 10 --json \
      | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"model": sys.argv[1], "runtime": "moescope", "median_ms": r["median_ms"]}))' "$(basename "$model" .pt)" >> "$out"
    /usr/bin/python3 "$here/bench_python.py" --model "$model" --threads 2 --batch 1 --iterations "$iterations" --warmup 10 --json \
      | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"model": sys.argv[1], "runtime": "python", "median_ms": r["median_ms"]}))' "$(basename "$model" .pt)" >> "$out"
  done
done
/usr/bin/python3 - "$out" <<'PY'
import json, sys, collections
rows = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows[r["model"]][r["runtime"]].append(r["median_ms"])
print("| model | MoEScope (LibTorch) median ms | images/s | Python PyTorch median ms | images/s | ratio |")
print("| --- | --- | --- | --- | --- | --- |")
for model, by in rows.items():
    m, p = min(by["moescope"]), min(by["python"])
    print(f"| {model} | {m:.1f} | {1000/m:.0f} | {p:.1f} | {1000/p:.0f} | {m/p:.2f} |")
PY
