# Warnings for kedrolint's own targets only (never for the vendored grammar C).
add_library(kedrolint_warnings INTERFACE)
target_compile_options(kedrolint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${KEDROLINT_WARNINGS_AS_ERRORS}>:-Werror>)
