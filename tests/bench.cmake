# Benchmarks: built with the tests, run by hand or by tests/bench/run.sh, never
# timed inside unit tests. Not in a sanitizer build or one without the window.
if(MOESCOPE_SANITIZE OR NOT TARGET moescope_gui)
  return()
endif()
add_executable(bench_ui_stall bench/bench_ui_stall.cpp)
target_link_libraries(bench_ui_stall PRIVATE moescope_gui Qt6::Test moescope_warnings)

add_executable(bench_run_breakdown bench/bench_run_breakdown.cpp)
target_link_libraries(bench_run_breakdown PRIVATE moescope_appcommon moescope_jobs moescope_store
  moescope_warnings)
moescope_torch_facing(bench_run_breakdown)

add_executable(bench_cine bench/bench_cine.cpp)
target_link_libraries(bench_cine PRIVATE moescope_gui Qt6::Test moescope_warnings)

# Gallery search beside FAISS's flat index (libfaiss-dev, when installed) and
# opening a large gallery.
add_executable(bench_retrieval bench/bench_retrieval.cpp)
target_link_libraries(bench_retrieval PRIVATE moescope_retrieval moescope_store moescope_warnings)
find_package(faiss CONFIG QUIET)
find_package(OpenMP QUIET)
if(faiss_FOUND AND OpenMP_CXX_FOUND)
  target_link_libraries(bench_retrieval PRIVATE faiss OpenMP::OpenMP_CXX)
  target_compile_definitions(bench_retrieval PRIVATE MOESCOPE_HAVE_FAISS)
endif()

# Galleries of millions: exact search, MoEScope's IVF-PQ and FAISS's HNSW.
add_executable(bench_ann bench/bench_ann.cpp)
target_link_libraries(bench_ann PRIVATE moescope_retrieval faiss OpenMP::OpenMP_CXX Qt6::Core
  moescope_warnings)

# Opening and querying a large gallery in the window.
add_executable(bench_gallery_open bench/bench_gallery_open.cpp)
target_link_libraries(bench_gallery_open PRIVATE moescope_gui Qt6::Test moescope_warnings)

# Opening the comparison of two stored runs in the window (issue 13).
add_executable(bench_compare_open bench/bench_compare_open.cpp)
target_link_libraries(bench_compare_open PRIVATE moescope_gui Qt6::Test moescope_warnings)
