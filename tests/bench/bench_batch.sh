#!/usr/bin/env bash
# `moescope-cli batch` over N 224×224 PNGs (FFmpeg's testsrc2, deterministic)
# beside `moescope-cli bench` at the same batch size, in one run, rounds
# interleaved; images/s for each and their ratio, at 1 and 2 LibTorch threads.
#   tests/bench/bench_batch.sh [BUILD_DIR] [ROUNDS] [N] [MODEL]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-2}
count=${3:-1000}
model=${4:-moe-vit-shapes-tiny}
batch=${BATCH:-8}
work=${BENCH_WORK:-/tmp/moescope-bench-batch}
export MOESCOPE_PLUGIN_PATH="$build/plugins/moescope"
cli="$build/app/moescope-cli"
if [[ $(ls "$work/images" 2> /dev/null | wc -l) -ne $count ]]; then
  rm -rf "$work/images" && mkdir -p "$work/images"
  ffmpeg -loglevel error -f lavfi -i "testsrc2=size=224x224:rate=25" -frames:v "$count" \
    "$work/images/img%04d.png"
fi
echo "# machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $model, batch $batch, $count files"
echo "# threads round batch(wall, start-up included) batch(its own files/s) bench ratio(wall) ratio(own)  [images/s]"
for r in $(seq "$rounds"); do
  for threads in 1 2; do
    rm -f "$work/runs.sqlite"*
    s=$(date +%s%N)
    "$cli" batch --model "$model" --input "$work/images" --db "$work/runs.sqlite" --batch "$batch" \
      --threads "$threads" --json > "$work/batch.json"
    e=$(date +%s%N)
    batch_rate=$(/usr/bin/python3 -c "print(round($count / (($e - $s) / 1e9), 1))")
    own_rate=$(/usr/bin/python3 -c "import json; print(round(json.load(open('$work/batch.json'))['files_per_s'], 1))")
    bench_rate=$("$cli" bench --model "$model" --batch "$batch" --threads "$threads" --iterations 60 \
      --no-peak --json | /usr/bin/python3 -c 'import json,sys; print(round(json.load(sys.stdin)["throughput_per_s"], 1))')
    echo "$threads $r $batch_rate $own_rate $bench_rate" \
      "$(/usr/bin/python3 -c "print(round($batch_rate / $bench_rate, 2), round($own_rate / $bench_rate, 2))")"
  done
done
