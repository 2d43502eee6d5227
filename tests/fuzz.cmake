# Fuzzing (issue 15). Every harness in tests/fuzz is built in two ways:
#  - always, with fuzzreplay.cpp, as fuzzreplay_<name>: ctest runs its corpus
#    (tests/fuzz/corpus/<name>: the inputs libFuzzer kept for coverage and
#    every input that ever crashed a harness) once, as a regression test;
#  - with -DMOESCOPE_FUZZ=ON (clang, which implies MOESCOPE_SANITIZE) as the
#    libFuzzer program fuzz_<name>: ctest runs it over its corpus and then
#    for a fixed number of mutations from a fixed seed (about 20 s each here),
#    so that the budget is the same run on every machine and CI is never red
#    by chance; what it finds lands in <build>/fuzz-findings. Searching for
#    new findings is tests/fuzz/run.sh's, for minutes (docs/reliability.md).
# Memory: -rss_limit_mb=2048 fails an input that makes the process use more
# than 2 GB (GDCM zero-filling a 1.1 GB element a 3 kB file claimed was one);
# -malloc_limit_mb=4096 only fails single allocations beyond any 32-bit
# length, because DCMTK reserves a deflated element's claimed length with
# new(nothrow) before inflating it and never touches what the file lacks.
# Mutations per harness in ctest: about 20 s each under ASan on this machine.
set(_fuzz_runs_dicom 2000)
set(_fuzz_runs_volume 500)
set(_fuzz_runs_picture 8000)
set(_fuzz_runs_contract 200000)
set(_fuzz_runs_archive 2500)
set(_fuzz_runs_store 6000)

set(_fuzz_libs_dicom moescope_image)
set(_fuzz_libs_volume moescope_image)
set(_fuzz_libs_picture moescope_image)
set(_fuzz_libs_contract moescope_contract)
set(_fuzz_libs_archive moescope_contract)
set(_fuzz_libs_store moescope_store)

# An object library: libFuzzer refers to LLVMFuzzerInitialize weakly, which
# would not pull it out of a static archive.
add_library(moescope_fuzzsupport OBJECT fuzz/fuzzsupport.cpp fuzz/fuzzsupport.h
  fuzz/imageharness.h)
target_link_libraries(moescope_fuzzsupport PUBLIC Qt6::Core PRIVATE moescope_warnings)

foreach(name dicom volume picture contract archive store)
  set(_corpus ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name})
  add_executable(fuzzreplay_${name} fuzz/fuzz_${name}.cpp fuzz/fuzzreplay.cpp)
  target_link_libraries(fuzzreplay_${name} PRIVATE moescope_fuzzsupport ${_fuzz_libs_${name}}
    moescope_warnings)
  add_test(NAME fuzz_corpus_${name} COMMAND fuzzreplay_${name} ${_corpus})
  set_tests_properties(fuzz_corpus_${name} PROPERTIES TIMEOUT 300
    ENVIRONMENT "${MOESCOPE_TEST_ENVIRONMENT}")

  if(MOESCOPE_FUZZ)
    add_executable(fuzz_${name} fuzz/fuzz_${name}.cpp)
    target_link_libraries(fuzz_${name} PRIVATE moescope_fuzzsupport ${_fuzz_libs_${name}}
      moescope_warnings)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    set(_work ${CMAKE_BINARY_DIR}/fuzz-budget/${name})
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz-findings)
    # The new inputs go to a folder emptied first: the corpus in the source
    # tree is never written, and every run starts from the same inputs.
    add_test(NAME fuzz_budget_${name} COMMAND sh -c
      "rm -rf \"$0\" && mkdir -p \"$0\" && exec \"$@\"" ${_work} $<TARGET_FILE:fuzz_${name}>
      -seed=1 -runs=${_fuzz_runs_${name}} -rss_limit_mb=2048 -malloc_limit_mb=4096 -timeout=20
      -print_final_stats=1 -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz-findings/${name}-
      ${_work} ${_corpus})
    # Leaks are checked per input here, except Debian libraries' own on
    # damaged files (fuzz/lsan.supp).
    set_tests_properties(fuzz_budget_${name} PROPERTIES TIMEOUT 600 ENVIRONMENT
      "${MOESCOPE_TEST_ENVIRONMENT};ASAN_OPTIONS=abort_on_error=1:quarantine_size_mb=32;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/lsan.supp:print_suppressions=0")
  endif()
endforeach()
