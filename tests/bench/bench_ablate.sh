#!/usr/bin/env bash
# The cost of an ablation sweep (issue 13: "one layer of 8 experts costs
# <= 1.1 x the 9 forward passes it needs"), in one run: the V-MoE example of
# docs/export.md (8 experts a layer, exported with expert_mask=True) and
# moe-vit-shapes-tiny (4), each as `moescope-cli bench` (median forward pass,
# batch 1) and as `moescope-cli ablate --layer 0` (its total beside its own
# forward passes). Usage: tests/bench/bench_ablate.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
cli="$build/app/moescope-cli"
image="$root/resources/samples/shapes-square.png"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export MOESCOPE_PLUGIN_PATH=${MOESCOPE_PLUGIN_PATH:-$build/plugins/moescope}
export OMP_NUM_THREADS=2

echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ)"
/usr/bin/python3 "$root/tests/data/export_example.py" "$tmp" > /dev/null
for model in "$tmp/vmoe-example.pt" moe-vit-shapes-tiny; do
  for round in 1 2 3; do
    "$cli" bench --model "$model" --device cpu --threads 2 --batch 1 --iterations 100 --warmup 10 --json \
      | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"model": r.get("model"), "forward_median_ms": r["median_ms"]}))'
    "$cli" ablate --model "$model" --input "$image" --layer 0 --threads 2 --json \
      | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"model": r["model"], "passes": r["passes"], "sweep_forward_ms": r["forward_ms"], "sweep_total_ms": r["total_ms"]}))'
  done
done
