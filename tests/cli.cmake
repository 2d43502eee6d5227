# Models the contract tests refuse, made by a script with Debian's python3-torch.
set(MOESCOPE_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with torch (Debian's python3-torch)")
add_test(NAME make_test_models
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/make_bad_models.py ${CMAKE_BINARY_DIR}/testdata/models)
set_tests_properties(make_test_models PROPERTIES FIXTURES_SETUP test_models TIMEOUT 300)

moescope_add_test(tst_cli LIBS Qt6::Sql Qt6::Gui DCMTK::dcmdata FIXTURES test_models)
target_compile_definitions(tst_cli PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_cli moescope-cli)

# moescope-cli compare: two stored runs' routing side by side (issue 13).
moescope_add_test(tst_compare LIBS Qt6::Gui Qt6::Sql FIXTURES exported_model)
target_compile_definitions(tst_compare PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_compare moescope-cli moescope_tracking_plugin moescope_sar moescope_ultrasound
  moescope_ct_retrieval)

# moescope-cli ablate and the output-change measures (issue 13).
moescope_add_test(tst_ablation LIBS moescope_jobs FIXTURES "test_models;exported_model")
target_compile_definitions(tst_ablation PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_ablation moescope-cli moescope_tracking_plugin moescope_sar moescope_ultrasound
  moescope_ct_retrieval)

# moescope-cli report: a run as PDF, read back with poppler-utils (issue 13).
moescope_add_test(tst_report LIBS Qt6::Gui)
target_compile_definitions(tst_report PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_report moescope-cli moescope_sar)

# Start-up (issue 14): the validation cache, and `run` using it.
moescope_add_test(tst_startup LIBS moescope_jobs)
target_compile_definitions(tst_startup PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_startup moescope-cli)

# moescope-cli batch (issue 14): resumable, shardable, one transaction per file.
moescope_add_test(tst_batch LIBS moescope_jobs Qt6::Gui)
target_compile_definitions(tst_batch PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_batch moescope-cli)

# Issue 15: hostile input through the CLI (--help touches no database; broken
# model files on the model path are listed, never fatal).
moescope_add_test(tst_hostile)
target_compile_definitions(tst_hostile PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_hostile moescope-cli moescope_sar moescope_tracking_plugin moescope_ultrasound)

# Issue 15: SIGKILL during index and a cine run, a full disk (a tmpfs in a
# mount namespace; skipped where unshare -m is not allowed).
moescope_add_test(tst_faults LIBS Qt6::Sql Qt6::Gui)
target_compile_definitions(tst_faults PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_faults moescope-cli moescope_ct_retrieval moescope_ultrasound)
