# Lab scale (docs/lab.md) against the real servers it names, each started by
# the test itself on loopback or Unix sockets only and stopped at the end.

# Slurm job arrays: a single-node cluster (slurmctld, slurmd, munged) and a
# PostgreSQL server, a 4-task array over a study set. Serial: its four tasks
# take both cores.
add_test(NAME slurm_batch
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/check_slurm_batch.sh $<TARGET_FILE:moescope-cli>
          ${PROJECT_SOURCE_DIR})
set_tests_properties(slurm_batch PROPERTIES
  ENVIRONMENT "${MOESCOPE_TEST_ENVIRONMENT}"
  SKIP_RETURN_CODE 77 RUN_SERIAL TRUE TIMEOUT 600)

# Query/retrieve from a real PACS: Orthanc in a network namespace of its own
# (loopback only), loaded by C-STORE (tests/data/check_pacs.sh).
# The test program runs inside the namespace with the server, so it is
# registered by hand rather than by moescope_add_test.
add_executable(tst_pacs tst_pacs.cpp)
target_link_libraries(tst_pacs PRIVATE Qt6::Test moescope_warnings moescope_pacs moescope_image
  DCMTK::dcmdata)
target_compile_definitions(tst_pacs PRIVATE MOESCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_pacs moescope-cli moescope_ct_retrieval)
add_test(NAME tst_pacs
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/check_pacs.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:tst_pacs>)
set_tests_properties(tst_pacs PROPERTIES
  ENVIRONMENT "${MOESCOPE_TEST_ENVIRONMENT}" SKIP_RETURN_CODE 77 TIMEOUT 300)

# File ▸ Open from PACS… against the same Orthanc (a window test).
if(TARGET moescope_gui)
  add_executable(tst_pacsgui tst_pacsgui.cpp)
  target_link_libraries(tst_pacsgui PRIVATE Qt6::Test moescope_warnings moescope_gui)
  add_test(NAME tst_pacsgui
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/check_pacs.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:tst_pacsgui>)
  set_tests_properties(tst_pacsgui PROPERTIES
    ENVIRONMENT "${MOESCOPE_TEST_ENVIRONMENT}" SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
