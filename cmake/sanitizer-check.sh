#!/usr/bin/env bash
# The checking build (issue 15), as CI runs it after the README's test command:
# clang with AddressSanitizer and UndefinedBehaviorSanitizer on every MoEScope
# library, plugin and program (not the window: -DMOESCOPE_BUILD_GUI=OFF) and
# libFuzzer's instrumentation. It runs every test that needs no window, the
# fuzzers' regression corpus, and each libFuzzer harness for a fixed number of
# mutations from a fixed seed (about 20 s each; tests/fuzz.cmake).
#   cmake/sanitizer-check.sh [BUILD_DIR]      (after cmake/setup-debian.sh --tests)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
start=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DMOESCOPE_FUZZ=ON -DMOESCOPE_BUILD_GUI=OFF
cmake --build "$build" -j2
built=$(date +%s)
# Tests registered with add_test directly (the Python fixtures, export checks
# that run the CLI) get the sanitizers' options from here.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0:quarantine_size_mb=32
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j2
end=$(date +%s)
echo "sanitizer-check: build $((built - start)) s, tests $((end - built)) s"
