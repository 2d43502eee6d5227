# tst_imagestack: ImageStack's own frame access and rendering.
moescope_add_test(tst_imagestack LIBS moescope_image)

# tst_image: loaders against third-party files (Debian's python3-pydicom test
# files, insighttoolkit5-examples); those tests skip when the packages are absent.
moescope_add_test(tst_image LIBS moescope_image DCMTK::dcmdata ${ITK_LIBRARIES})
