moescope_add_test(tst_jobs LIBS moescope_jobs moescope_store FIXTURES test_models)
moescope_add_test(tst_mainwindow LIBS moescope_gui FIXTURES us_cines)
# The one image view: zoom, pan, readout, overlay alignment, linking, tiles.
moescope_add_test(tst_sceneview LIBS moescope_gui)
