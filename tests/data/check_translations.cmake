# German and Simplified Chinese are complete: lupdate merges the sources'
# strings into copies of translations/*.ts (as the moescope-cli_lupdate target
# does), and ts_tool.py check fails on any message left unfinished (a new
# string nobody translated) or a translation that lost a placeholder or tag.
#   cmake -DLUPDATE=... -DPYTHON=... -DSOURCE_DIR=... -DOUT=... -P check_translations.cmake
file(MAKE_DIRECTORY ${OUT})
set(failed "")
foreach(lang de zh_CN)
  set(ts ${OUT}/moescope_${lang}.ts)
  file(COPY_FILE ${SOURCE_DIR}/translations/moescope_${lang}.ts ${ts})
  execute_process(COMMAND ${LUPDATE} -locations none -no-obsolete -silent -tr-function-alias translate+=modelText
                          ${SOURCE_DIR}/app ${SOURCE_DIR}/core ${SOURCE_DIR}/plugins -ts ${ts}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}) on ${ts}")
  endif()
  execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/translations/ts_tool.py check ${ts}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message("${out}")
  if(NOT rc EQUAL 0)
    list(APPEND failed ${lang})
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "translations incomplete: ${failed}. Run `cmake --build build --target "
                      "moescope-cli_lupdate`, then fill translations/moescope_*.ts "
                      "(translations/ts_tool.py todo/apply, or Qt Linguist).")
endif()
