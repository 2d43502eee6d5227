# Translatable strings are reachable (lupdate sees every context used at run time).
find_program(MOESCOPE_LUPDATE NAMES lupdate HINTS /usr/lib/qt6/bin ${QT6_INSTALL_PREFIX}/bin)
add_test(NAME i18n_contexts
  COMMAND ${CMAKE_COMMAND} -DLUPDATE=${MOESCOPE_LUPDATE} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DOUT=${CMAKE_BINARY_DIR}/testdata/i18n-check.ts -P ${PROJECT_SOURCE_DIR}/tests/data/check_i18n.cmake)
