#!/usr/bin/env bash
# Tiled SAR inference over a SIZE x SIZE scene: what tiling, reading,
# stitching and writing the rasters cost on top of the model's own forward
# time at the same batch size (`moescope-cli bench`), and peak memory
# (/usr/bin/time -v), in one run. Prints JSON lines and a summary line.
# Usage: tests/bench/bench_sar.sh [BUILD_DIR] [SIZE...]   (default 8192)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
shift || true
sizes=${*:-8192}
batch=${BATCH:-4}
threads=${THREADS:-2}
export OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads
export MOESCOPE_PLUGIN_PATH=${MOESCOPE_PLUGIN_PATH:-$build/plugins/moescope}
cli="$build/app/moescope-cli"
model=$root/resources/models/sar-crossearth-tiny.pt
tmp=${TMPDIR_SAR:-$(mktemp -d)}
echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ), batch $batch, $threads threads, load $(cut -d' ' -f1 /proc/loadavg)"
bench=$("$cli" bench --model "$model" --device cpu --threads "$threads" --batch "$batch" --iterations 40 --warmup 5 --json)
echo "$bench"
for size in $sizes; do
  scene=$tmp/scene-$size.tif
  [[ -f $scene ]] || /usr/bin/python3 "$here/make_sar_scene.py" "$size" "$scene"
  rm -rf "$tmp/out-$size"
  /usr/bin/time -v "$cli" run --model "$model" --input "$scene" --device cpu --threads "$threads" \
    --batch "$batch" --no-store --out "$tmp/out-$size" --json > "$tmp/run-$size.json" 2> "$tmp/time-$size.txt"
  /usr/bin/python3 - "$bench" "$tmp/run-$size.json" "$tmp/time-$size.txt" "$size" "$batch" <<'PY'
import json, re, sys
bench = json.loads(sys.argv[1]); run = json.load(open(sys.argv[2]))
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[3]).read()).group(1))
size, batch = int(sys.argv[4]), int(sys.argv[5])
t = run["timings"]; tiles = run["run_summary"]["tiles"]
calls = -(-tiles // batch)
bench_forward_s = bench["median_ms"] * calls / 1000
wall_s = run["wall_ms"] / 1000
row = {
    "scene": size, "tiles": tiles, "batch": batch, "forward_calls": calls,
    "bench_median_ms_per_call": round(bench["median_ms"], 2),
    "bench_forward_s": round(bench_forward_s, 1),
    "run_forward_s": round(t["forward_ms"] / 1000, 1),
    "read_convert_s": round(t["preprocess_ms"] / 1000, 2),
    "stitch_write_s": round(t["postprocess_ms"] / 1000, 2),
    "routing_s": round(t["routing_ms"] / 1000, 2),
    "artifacts_s": round(t["artifacts_ms"] / 1000, 2),
    "housekeeping_s": round(t.get("housekeeping_ms", 0) / 1000, 2),
    "model_load_s": round(t["model_load_ms"] / 1000, 2),
    "wall_s": round(wall_s, 1),
    "overhead_vs_bench_pct": round(100 * ((wall_s - t["model_load_ms"] / 1000) / bench_forward_s - 1), 1),
    "overhead_vs_own_forward_pct": round(100 * ((wall_s - t["model_load_ms"] / 1000) * 1000 / t["forward_ms"] - 1), 1),
    "peak_rss_mib": round(rss_kb / 1024),
}
print(json.dumps(row))
PY
  # The notebook path on the same scene, model, batch and threads
  # (PYTHON_SIZES, default the first size only).
  [[ " ${PYTHON_SIZES:-${sizes%% *}} " == *" $size "* ]] || continue
  rm -rf "$tmp/py-$size"
  /usr/bin/time -v /usr/bin/python3 "$here/bench_sar_python.py" "$model" "$scene" "$tmp/py-$size" \
    --batch "$batch" --threads "$threads" > "$tmp/py-$size.json" 2> "$tmp/pytime-$size.txt"
  /usr/bin/python3 -c 'import json,re,sys; r=json.load(open(sys.argv[1])); r["scene"]=int(sys.argv[3]); r["peak_rss_mib"]=round(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read()).group(1))/1024); print(json.dumps(r))' \
    "$tmp/py-$size.json" "$tmp/pytime-$size.txt" "$size"
done
