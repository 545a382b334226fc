# KEDROLINT_SANITIZE=address,undefined instruments every target, the grammar
# included, since tree-sitter ownership bugs are the main risk.
option(KEDROLINT_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
if(KEDROLINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KEDROLINT_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage instrumentation everywhere; only the fuzz targets link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(KEDROLINT_SANITIZE)
  # -O1: several times faster than -O0 under ASan, stacks stay readable;
  # line tables are all a sanitizer report needs, and build much faster than -g.
  add_compile_options(-fsanitize=${KEDROLINT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all -O1)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options(-gline-tables-only)
  else()
    add_compile_options(-g1)
  endif()
  add_link_options(-fsanitize=${KEDROLINT_SANITIZE})
endif()
