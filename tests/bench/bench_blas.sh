#!/usr/bin/env bash
# The BLAS behind Debian's LibTorch, measured: every bundled model, the export
# example (vmoe-example) and a ViT-Base-sized MoE (make_vit_base_moe.py) at
# batch 1 and 8 on 2 threads, under each BLAS Debian offers (selected per
# process with LD_LIBRARY_PATH, the system's alternatives left alone), with the
# BLAS's own threads left at their default and set to 1. Each cell is the best
# median of ROUNDS processes. Prints a Markdown table and the GEMM peak of each
# BLAS (1024^3, 2 threads).
# Usage: tests/bench/bench_blas.sh [BUILD_DIR] [ROUNDS] [WORK_DIR]
# Needs libopenblas0-openmp, libopenblas0-pthread and libblis4-openmp.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-2}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
lib=/usr/lib/x86_64-linux-gnu
cli="$build/app/moescope-cli"
export MOESCOPE_PLUGIN_PATH="$build/plugins/moescope" OMP_NUM_THREADS=2
[[ -f "$work/vmoe-example.pt" ]] || /usr/bin/python3 "$root/tests/data/export_example.py" "$work" > /dev/null 2>&1
[[ -f "$work/vmoe-base.pt" ]] || /usr/bin/python3 "$here/make_vit_base_moe.py" "$work/vmoe-base.pt" > /dev/null 2>&1
out="$work/blas.jsonl"
: > "$out"
# name:libblas folder:liblapack folder
variants=(reference:blas:lapack openblas-pthread:openblas-pthread:openblas-pthread
          openblas-openmp:openblas-openmp:openblas-openmp blis-openmp:blis-openmp:lapack)
models=("$root"/resources/models/*.pt "$work/vmoe-example.pt" "$work/vmoe-base.pt")
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%dT%H:%MZ), $rounds rounds, 2 threads"
one() { # variant blasdir lapackdir model batch policy iterations warmup [extra args]
  local v=$1 b=$2 l=$3 m=$4 batch=$5 policy=$6 it=$7 wu=$8; shift 8
  local extra=()
  [[ $policy == 1 ]] && extra+=(--blas-threads 1)
  LD_LIBRARY_PATH="$lib/$b:$lib/$l" "$cli" bench --model "$m" --device cpu --threads 2 --batch "$batch" \
      --iterations "$it" --warmup "$wu" --json "${extra[@]}" "$@" \
    | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); r.update(variant=sys.argv[1], policy=sys.argv[2], file=sys.argv[3]); print(json.dumps(r))' \
        "$v" "$policy" "$(basename "$m" .pt)" >> "$out"
}
for spec in "${variants[@]}"; do
  IFS=: read -r v b l <<< "$spec"
  one "$v" "$b" "$l" "${models[0]}" 1 default 5 2          # carries the GEMM peak
  for m in "${models[@]}"; do
    for batch in 1 8; do
      for policy in default 1; do
        if [[ $(basename "$m") == vmoe-base.pt ]]; then
          [[ $v == reference && $policy == 1 ]] && continue   # netlib has no threads
          if [[ $v == reference ]]; then it=1; else it=3; fi
          one "$v" "$b" "$l" "$m" "$batch" "$policy" "$it" 1 --no-peak
        else
          for ((r = 0; r < rounds; ++r)); do
            one "$v" "$b" "$l" "$m" "$batch" "$policy" $((batch == 1 ? 30 : 10)) 3 --no-peak
          done
        fi
      done
    done
  done
done
/usr/bin/python3 "$here/blas_table.py" "$out"
