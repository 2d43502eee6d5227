# Benchmarks: built with the tests, run by hand or by tests/bench/run.sh, never
# timed inside unit tests.
add_executable(bench_ui_stall bench/bench_ui_stall.cpp)
target_link_libraries(bench_ui_stall PRIVATE moescope_gui Qt6::Test moescope_warnings)
