#!/usr/bin/env bash
# Comparing two stored runs (issue 13): two runs of a 224×224 picture through
# moe-vit-shapes-tiny (B with expert 1 of layer 0 off), then, in one run,
# opening their comparison in the window (bench_compare_open: median of 10
# after a first, cold one) and the same figures and maps from a fresh
# `moescope-cli compare --out` process. Usage: tests/bench/bench_compare.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
cli="$build/app/moescope-cli"
image="$root/resources/samples/shapes-square.png"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export MOESCOPE_PLUGIN_PATH=${MOESCOPE_PLUGIN_PATH:-$build/plugins/moescope}

echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ)"
"$cli" run --model moe-vit-shapes-tiny --input "$image" --db "$tmp/runs.sqlite" > /dev/null
"$cli" run --model moe-vit-shapes-tiny --input "$image" --db "$tmp/runs.sqlite" --disable-expert 0:1 > /dev/null
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/tests/bench_compare_open" --db "$tmp/runs.sqlite" --run 1 --run 2 --repeat 10 2> /dev/null
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$cli" compare --run 1 --run 2 --db "$tmp/runs.sqlite" --out "$tmp/maps$i" --json > /dev/null
  echo "{\"cli_compare_ms\": $(( ($(date +%s%N) - start) / 1000000 ))}"
done
