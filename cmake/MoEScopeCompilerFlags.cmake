# Warnings every MoEScope target builds with. Third-party headers (LibTorch,
# ITK, DCMTK) come in as SYSTEM includes so their warnings stay theirs.
add_library(moescope_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(moescope_warnings INTERFACE -Wall -Wextra)
endif()

# Targets that include torch headers: Qt's `slots`/`signals`/`emit` macros
# clash with names inside LibTorch (pytorch issue #19405).
function(moescope_torch_facing target)
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
endfunction()
