#!/usr/bin/env bash
# Indexing throughput and held-out retrieval quality of the CT reference
# model, MoEScope's CLI beside a plain pydicom + PyTorch script on the same
# files, in one run:
#   1. writes 800 held-out labelled slices (8 classes x 100, generator seed 5,
#      never used in training) with the model's own recipe;
#   2. `moescope-cli index` them into a fresh gallery (images/s), then
#      `retrieve --evaluate` (leave-one-out mAP@10);
#   3. tests/bench/bench_index_python.py on the same folder.
# Usage: tests/bench/bench_index.sh [BUILD_DIR] [PER_CLASS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
per_class=${2:-100}
export OMP_NUM_THREADS=2 MKL_NUM_THREADS=2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
/usr/bin/python3 "$root/resources/models/recipe/ct_retrieval/make_gallery.py" --out "$work/heldout" \
  --per-class "$per_class" --seed 5
cli="$build/app/moescope-cli"
"$cli" index --model ct-hmar-tiny --input "$work/heldout" --db "$work/g.sqlite" --gallery heldout \
  --threads 2 --json > "$work/index.json"
"$cli" retrieve --model ct-hmar-tiny --db "$work/g.sqlite" --gallery heldout --top 10 --evaluate \
  --json > "$work/eval.json"
/usr/bin/python3 "$here/bench_index_python.py" --model "$root/resources/models/ct-hmar-tiny.pt" \
  --input "$work/heldout" --threads 2 --k 10 > "$work/python.json"
/usr/bin/python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
i = json.load(open(w + "/index.json")); e = json.load(open(w + "/eval.json")); p = json.load(open(w + "/python.json"))
print("| runtime | slices | seconds | images/s | mAP@10 (leave-one-out) | P@1 |")
print("| --- | --- | --- | --- | --- | --- |")
print(f"| MoEScope `index` + `retrieve --evaluate` | {i['items_added']} | {i['seconds']:.1f} | {i['images_per_s']:.1f} | {e['map_at_k']:.3f} | {e['precision_at_1']:.3f} |")
print(f"| Python (pydicom + PyTorch, no database) | {p['images']} | {p['seconds']:.1f} | {p['images_per_s']:.1f} | {p['map_at_k']:.3f} | {p['precision_at_1']:.3f} |")
print(f"MoEScope: forward {i['forward_ms'] / max(1, i['items_added']):.1f} ms/slice; evaluation {e['seconds']:.2f} s, {e['search_ms_mean']:.3f} ms per search")
PY
