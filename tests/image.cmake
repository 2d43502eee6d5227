# tst_imagestack: ImageStack's own frame access and rendering.
moescope_add_test(tst_imagestack LIBS moescope_image)

# tst_image: loaders against third-party files (Debian's python3-pydicom test
# files, insighttoolkit5-examples); those tests skip when the packages are absent.
moescope_add_test(tst_image LIBS moescope_image DCMTK::dcmdata ${ITK_LIBRARIES})

# tst_volumes: ITK's example volumes (insighttoolkit5-examples), volumes ITK
# writes and reorients, and the views of a CT.
moescope_add_test(tst_volumes LIBS moescope_image ${ITK_LIBRARIES})

# tst_dicomseries: series folders; tst_loaders: errors, bad files, every
# pydicom file, concurrent loads.
moescope_add_test(tst_dicomseries LIBS moescope_image DCMTK::dcmdata)
moescope_add_test(tst_loaders LIBS moescope_image DCMTK::dcmdata)

# tst_hostileimages (issue 15): header edits, decompression bombs and cut
# files, generated from pydicom's test files and ITK-written volumes.
moescope_add_test(tst_hostileimages LIBS moescope_image DCMTK::dcmdata ${ITK_LIBRARIES})
