# tst_ctviews: the window's views of a CT series (series choice, window presets and right-drag,
# wheel, planes), on series written by the test with DCMTK.
moescope_add_test(tst_ctviews LIBS moescope_gui DCMTK::dcmdata)
