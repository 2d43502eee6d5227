# A real Qt plugin in its own folder, for the registry's tests.
set(MOESCOPE_TEST_PLUGIN_DIR ${CMAKE_BINARY_DIR}/testdata/plugins)
qt_add_plugin(tst_echoplugin SHARED CLASS_NAME EchoTaskPlugin)
target_sources(tst_echoplugin PRIVATE plugin/echoplugin.cpp)
target_link_libraries(tst_echoplugin PRIVATE moescope_plugin moescope_warnings)
set_target_properties(tst_echoplugin PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${MOESCOPE_TEST_PLUGIN_DIR}
  POSITION_INDEPENDENT_CODE ON)

moescope_add_test(tst_plugins LIBS moescope_plugin)
target_compile_definitions(tst_plugins PRIVATE MOESCOPE_TEST_PLUGIN_DIR="${MOESCOPE_TEST_PLUGIN_DIR}")
add_dependencies(tst_plugins tst_echoplugin)
moescope_add_test(tst_preprocess LIBS moescope_plugin)
