moescope_add_test(tst_jobs LIBS moescope_jobs moescope_store FIXTURES test_models)
moescope_add_test(tst_mainwindow LIBS moescope_gui FIXTURES us_cines)
# The one image view: zoom, pan, readout, overlay alignment, linking, tiles.
moescope_add_test(tst_sceneview LIBS moescope_gui)
# Two stored runs side by side (issue 13): picked in Runs, linked views, figures, CSV.
moescope_add_test(tst_comparisonwindow LIBS moescope_gui)
target_compile_definitions(tst_comparisonwindow PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_comparisonwindow moescope-cli moescope_sar moescope_ct_retrieval
  moescope_ultrasound moescope_tracking_plugin)
# Explaining routing in the window (issue 13): ablation, stability, expert paths.
moescope_add_test(tst_explaingui LIBS moescope_gui)
target_compile_definitions(tst_explaingui PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_explaingui moescope-cli)
# The artifacts' PNG encoder (libpng): pixels read back the same.
moescope_add_test(tst_pngencoder LIBS moescope_appcommon)
# The everyday workbench (issue 16): proposals, samples, card, settings, recent
# files, layout, bad settings, theme, guide, library versions.
moescope_add_test(tst_workbench LIBS moescope_gui DCMTK::dcmdata Qt6::Xml)
add_dependencies(tst_workbench moescope_sar moescope_ct_retrieval moescope_ultrasound moescope_tracking_plugin)
if(TEST tst_workbench) # a window test: not registered in a build without the window
  set_tests_properties(tst_workbench PROPERTIES TIMEOUT 600)
endif()
