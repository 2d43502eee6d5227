# tst_image: loaders and ImageStack against third-party files (Debian's python3-pydicom test
# files, insighttoolkit5-examples); those tests skip when the packages are absent.
moescope_add_test(tst_image LIBS moescope_image DCMTK::dcmdata ${ITK_LIBRARIES})
