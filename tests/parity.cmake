# Python torch's outputs for the bundled models and the valid fixtures; the
# C++ engine must match them.
file(GLOB _reference_models CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/models/*.pt)
add_test(NAME make_parity_reference
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/make_parity_reference.py
          ${CMAKE_BINARY_DIR}/testdata/parity ${_reference_models}
          ${CMAKE_BINARY_DIR}/testdata/models/good.pt
          ${CMAKE_BINARY_DIR}/testdata/models/index-input.pt)
set_tests_properties(make_parity_reference PROPERTIES
  FIXTURES_SETUP parity_reference FIXTURES_REQUIRED test_models TIMEOUT 300)
moescope_add_test(tst_parity LIBS moescope_model FIXTURES parity_reference)
