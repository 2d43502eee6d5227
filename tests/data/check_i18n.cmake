# Every user-visible string goes through a context lupdate sees, and the same
# context is used at run time: lupdate extracts the tree into a scratch .ts,
# which must hold the contexts whose errors reach people (store, loaders,
# jobs, plugins, CLI, window); and no file may translate through a helper
# function lupdate cannot map (`QString tr(const char *text)`, the old way).
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DOUT=... -P check_i18n.cmake
execute_process(COMMAND ${LUPDATE} -locations none -silent -tr-function-alias translate+=modelText
                        ${SOURCE_DIR}/app ${SOURCE_DIR}/core ${SOURCE_DIR}/plugins -ts ${OUT}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ ${OUT} ts)
foreach(ctx moescope::store::Database moescope::ImageLoader moescope::cli moescope::ModelSession
            moescope::Analysis moescope::Retrieval moescope::PluginRegistry moescope::TaskPlugin
            moescope::RunController moescope::ImageDocument moescope::gui::MainWindow
            moescope::gui::SceneView moescope::ct::CtRetrievalPlugin moescope::model::Engine
            moescope::model::Contract moescope::model::Json moescope::routing::Check)
  string(FIND "${ts}" "<name>${ctx}</name>" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no strings in translation context ${ctx}")
  endif()
endforeach()
file(GLOB_RECURSE sources ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/core/*.cpp
     ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/plugins/*.cpp ${SOURCE_DIR}/plugins/*.h)
foreach(f ${sources})
  file(STRINGS ${f} hits REGEX "QString tr\\(const char")
  if(hits)
    message(FATAL_ERROR "${f}: translates through a helper lupdate cannot see; use a class with Q_DECLARE_TR_FUNCTIONS")
  endif()
endforeach()
string(REGEX MATCHALL "<message>" messages "${ts}")
list(LENGTH messages count)
message(STATUS "i18n: ${count} strings in contexts lupdate sees")
