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
