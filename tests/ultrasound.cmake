# Ultrasound cines with known pixels, written by pydicom and compressed by
# DCMTK's own encoders (python3-pydicom and dcmtk come with the test set-up).
add_test(NAME make_us_cines
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/make_us_cines.py ${CMAKE_BINARY_DIR}/testdata/uscines)
set_tests_properties(make_us_cines PROPERTIES FIXTURES_SETUP us_cines TIMEOUT 300)

moescope_add_test(tst_ultrasound LIBS moescope_plugin moescope_image FIXTURES us_cines)
target_compile_definitions(tst_ultrasound PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_ultrasound moescope-cli moescope_ultrasound)
