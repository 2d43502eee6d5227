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

# The checking build. Third-party libraries stay uninstrumented (Debian's);
# ASan still sees every allocation they make through its malloc. UBSan's vptr
# check is left out: it needs the RTTI of types that Qt, ITK and LibTorch hide.
if(MOESCOPE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MOESCOPE_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  set(MOESCOPE_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(MOESCOPE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()

# Debian's ITK 5.2 generated its compiler detection for GCC alone: any other
# compiler meets "#error Unsupported compiler". For clang (the fuzzing build),
# a copy that reads clang as GCC is included first; its include guard keeps
# ITK's own copy out. Call after find_package(ITK).
function(moescope_itk_for_clang)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    return()
  endif()
  find_file(_itk_detection itk_compiler_detection.h PATHS ${ITK_INCLUDE_DIRS} NO_DEFAULT_PATH)
  if(NOT _itk_detection)
    return()
  endif()
  file(READ ${_itk_detection} _text)
  get_filename_component(_itk_dir ${_itk_detection} DIRECTORY)
  # The GCC feature table tests __GNUC__, which clang sets to 4.2: it reads
  # the table as GCC 12 (clang 14 has every feature listed).
  string(REPLACE "#  if ITK_COMPILER_IS_GNU\n\n#    include \"compilers/ITK_COMPILER_INFO_GNU_CXX.h\""
    "#  if ITK_COMPILER_IS_GNU || ITK_COMPILER_IS_Clang\n#    pragma push_macro(\"__GNUC__\")\n#    undef __GNUC__\n#    define __GNUC__ 12\n#    include \"${_itk_dir}/compilers/ITK_COMPILER_INFO_GNU_CXX.h\"\n#    pragma pop_macro(\"__GNUC__\")"
    _text "${_text}")
  set(_copy ${CMAKE_BINARY_DIR}/itk-clang/itk_compiler_detection.h)
  file(WRITE ${_copy} "${_text}")
  add_compile_options("SHELL:-include ${_copy}")
endfunction()
