#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a MOESCOPE_FUZZ build for longer than ctest
# does, and prints each one's executions, coverage and findings (the figures in
# docs/reliability.md).
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [HARNESS...]
#
# New inputs land in BUILD_DIR/fuzz-work/<name>; crashes in
# BUILD_DIR/fuzz-findings. To keep what a run found, minimise it into the
# committed corpus with
#   BUILD_DIR/tests/fuzz_<name> -merge=1 tests/fuzz/corpus/<name> BUILD_DIR/fuzz-work/<name>
# and copy each crash that is fixed into tests/fuzz/corpus/<name>/crash-<what>.
# Memory: -rss_limit_mb=2048 fails an input that makes the process use more
# than 2 GB (GDCM zero-filling a 1.1 GB element a 3 kB file claimed was one);
# -malloc_limit_mb=4096 only fails single allocations beyond any 32-bit
# length, because DCMTK reserves a deflated element's claimed length with
# new(nothrow) before inflating it and never touches what the file lacks.
set -euo pipefail
build=$(realpath "$1")
seconds=$2
shift 2
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(dicom volume picture contract archive store)
source=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-findings"
for name in "${harnesses[@]}"; do
  work=$build/fuzz-work/$name
  mkdir -p "$work"
  log=$build/fuzz-findings/$name.log
  set +e
  ASAN_OPTIONS=abort_on_error=1 LSAN_OPTIONS=suppressions=$source/lsan.supp:print_suppressions=0 \
    "$build/tests/fuzz_$name" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -malloc_limit_mb=4096 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-findings/$name-" "$work" "$source/corpus/$name" >"$log" 2>&1
  status=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -a -o 'cov: [0-9]*' "$log" | tail -1)
  echo "$name: exit $status, ${execs:-?} executions (${rate:-?}/s), ${cov:-cov: ?}, log $log"
done
