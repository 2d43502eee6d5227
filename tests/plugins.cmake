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

# The shape probes: a tiled and a stateful plugin (each a real Qt plugin in a
# folder of its own, found through MOESCOPE_PLUGIN_PATH), one written for
# a plugin API this host does not serve, and one whose metadata misstates its
# capabilities.
set(MOESCOPE_PROBE_PLUGIN_DIR ${CMAKE_BINARY_DIR}/testdata/probe-plugins)
set(MOESCOPE_FUTURE_PLUGIN_DIR ${CMAKE_BINARY_DIR}/testdata/future-plugins)
set(MOESCOPE_LIAR_PLUGIN_DIR ${CMAKE_BINARY_DIR}/testdata/liar-plugins)
foreach(probe tiledprobe trackprobe future liar)
  qt_add_plugin(tst_${probe}plugin SHARED CLASS_NAME ${probe})
  target_sources(tst_${probe}plugin PRIVATE plugin/${probe}plugin.cpp)
  target_link_libraries(tst_${probe}plugin PRIVATE moescope_plugin moescope_warnings)
  set(_dir ${MOESCOPE_PROBE_PLUGIN_DIR})
  if(probe STREQUAL "future")
    set(_dir ${MOESCOPE_FUTURE_PLUGIN_DIR})
  elseif(probe STREQUAL "liar")
    set(_dir ${MOESCOPE_LIAR_PLUGIN_DIR})
  endif()
  set_target_properties(tst_${probe}plugin PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${_dir}
    POSITION_INDEPENDENT_CODE ON)
  add_dependencies(tst_plugins tst_${probe}plugin)
endforeach()
# The tracking probe has a window side too (TaskPluginGui).
target_link_libraries(tst_trackprobeplugin PRIVATE moescope_plugin_gui)
# Every task plugin built here, to check their metadata against their code.
get_property(_task_plugins GLOBAL PROPERTY MOESCOPE_TASK_PLUGINS)
if(_task_plugins)
  add_dependencies(tst_plugins ${_task_plugins})
endif()
target_compile_definitions(tst_plugins PRIVATE
  MOESCOPE_FUTURE_PLUGIN_DIR="${MOESCOPE_FUTURE_PLUGIN_DIR}"
  MOESCOPE_LIAR_PLUGIN_DIR="${MOESCOPE_LIAR_PLUGIN_DIR}"
  MOESCOPE_PROBE_PLUGIN_DIR="${MOESCOPE_PROBE_PLUGIN_DIR}"
  MOESCOPE_TASK_PLUGIN_DIR="${MOESCOPE_PLUGIN_DIR}")

add_test(NAME make_probe_models
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/make_probe_models.py ${CMAKE_BINARY_DIR}/testdata/models)
set_tests_properties(make_probe_models PROPERTIES FIXTURES_SETUP test_models TIMEOUT 300)

# Tiled and stateful runs through the real host: runAnalysis, the session's
# job thread, the store and moescope-cli.
moescope_add_test(tst_shapes LIBS moescope_jobs moescope_store FIXTURES test_models)
target_include_directories(tst_shapes PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/plugin)
target_compile_definitions(tst_shapes PRIVATE
  MOESCOPE_PROBE_PLUGIN_DIR="${MOESCOPE_PROBE_PLUGIN_DIR}"
  MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_shapes tst_tiledprobeplugin tst_trackprobeplugin moescope-cli)

# The same probes through the window (offscreen).
moescope_add_test(tst_shapesgui LIBS moescope_gui FIXTURES test_models)
target_include_directories(tst_shapesgui PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/plugin)
target_compile_definitions(tst_shapesgui PRIVATE
  MOESCOPE_PROBE_PLUGIN_DIR="${MOESCOPE_PROBE_PLUGIN_DIR}")
add_dependencies(tst_shapesgui tst_tiledprobeplugin tst_trackprobeplugin)
