# Benchmarks: built with the tests, run by hand or by tests/bench/run.sh, never
# timed inside unit tests.
add_executable(bench_ui_stall bench/bench_ui_stall.cpp)
target_link_libraries(bench_ui_stall PRIVATE moescope_gui Qt6::Test moescope_warnings)

add_executable(bench_run_breakdown bench/bench_run_breakdown.cpp)
target_link_libraries(bench_run_breakdown PRIVATE moescope_appcommon moescope_jobs moescope_store
  moescope_warnings)
moescope_torch_facing(bench_run_breakdown)

add_executable(bench_cine bench/bench_cine.cpp)
target_link_libraries(bench_cine PRIVATE moescope_gui Qt6::Test moescope_warnings)
