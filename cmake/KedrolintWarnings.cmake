# Warnings for kedrolint's own targets only (never for the vendored grammar C).
add_library(kedrolint_warnings INTERFACE)
target_compile_options(kedrolint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${KEDROLINT_WARNINGS_AS_ERRORS}>:-Werror>
  # GCC 12 reports std::string moves inlined from <string> as out of bounds
  # (GCC bugs 105329 and 105651, fixed in 13), more often with precompiled
  # headers; the sanitizer build checks the real accesses.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-array-bounds -Wno-stringop-overflow -Wno-restrict>)
