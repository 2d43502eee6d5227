if(NOT TARGET moescope OR MOESCOPE_SANITIZE)
  return() # the package holds the window, built without sanitizers
endif()
# The Debian package (issue 16): built with cpack, unpacked and run without
# environment variables, installed with dpkg and run from /usr/bin where the
# test runs as root (CI), removed again. Skipped (77) for the install part
# otherwise.
add_test(NAME package_deb COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/check_package.sh
  ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/testdata/package)
set_tests_properties(package_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 RUN_SERIAL ON)
