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

# LibTorch first in a program's library search scope. The dynamic loader
# resolves each of LibTorch's ~150,000 symbol relocations by walking the
# loaded libraries in breadth-first DT_NEEDED order, and the program's own
# dependencies (ITK, DCMTK, Qt, FFmpeg) came first: listed first (and kept
# despite --as-needed), the engine starts ~35 ms sooner. Call it before any
# other target_link_libraries of the program.
function(moescope_torch_first target)
  find_library(MOESCOPE_TORCH_CPU_LIBRARY torch_cpu REQUIRED)
  find_library(MOESCOPE_C10_LIBRARY c10 REQUIRED)
  target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed"
    ${MOESCOPE_TORCH_CPU_LIBRARY} ${MOESCOPE_C10_LIBRARY} "-Wl,--pop-state")
endfunction()
