#!/usr/bin/env bash
# End-to-end tracking speed, decode included: a 1280 x 720 H.264 video (a
# generated sequence scaled up, 300 frames) tracked by track-spmtrack-tiny in
# MoEScope (moescope-cli track) and by the recipe's Python tracker on the
# same frames (decoded by the ffmpeg command), in one run.
#   tests/bench/bench_track.sh BUILD_DIR [THREADS]
set -euo pipefail
build=${1:-build}
threads=${2:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
model=$root/resources/models/track-spmtrack-tiny.pt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$root/tests/tracking/make_sequences.py" "$model" "$tmp/seq" --sequences 1 --frames 300 --seed 5 > /dev/null
seq=$tmp/seq/Held_001
ffmpeg -v error -y -framerate 30 -i "$seq/%08d.png" -vf scale=1280:720:flags=bicubic \
  -c:v libx264 -pix_fmt yuv420p -preset fast "$tmp/track-720p.mp4"
# The first ground-truth box, in 720p pixels.
init=$(head -1 "$seq/groundtruth.txt" | awk -F, '{printf "%.3f,%.3f,%.3f,%.3f", $1*5, $2*2.8125, $3*5, $4*2.8125}')
echo "# machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $threads threads, load $(cut -d' ' -f1 /proc/loadavg)"
export MOESCOPE_PLUGIN_PATH=$build/plugins/moescope
for i in 1 2; do
  /usr/bin/time -f "%e" -o "$tmp/wall" "$build/app/moescope-cli" track --model "$model" \
    --input "$tmp/track-720p.mp4" --init "$init" --threads "$threads" --no-store --json > "$tmp/track.json"
  /usr/bin/python3 - "$tmp/track.json" "$(cat "$tmp/wall")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); wall = float(sys.argv[2]); n = len(d["frames"])
print(json.dumps({"runtime": "moescope", "frames": n, "wall_s": wall, "fps_wall": round(n / wall, 1)}))
PY
  /usr/bin/python3 "$here/bench_track_python.py" "$model" "$tmp/track-720p.mp4" "$init" "$threads"
done
