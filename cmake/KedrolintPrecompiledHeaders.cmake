# Precompiled headers: CLI11 and nlohmann_json are header-only and take most
# of each translation unit's compile time; the model headers come next.
# KEDROLINT_PCH=OFF builds without them (e.g. to check include hygiene).
option(KEDROLINT_PCH "Use precompiled headers" ON)

set(KEDROLINT_PCH_STD
  <algorithm> <cstdint> <filesystem> <functional> <map> <memory> <optional> <set>
  <string> <string_view> <unordered_map> <unordered_set> <utility> <variant> <vector>)

function(kedrolint_precompile target)
  if(KEDROLINT_PCH)
    target_precompile_headers(${target} PRIVATE ${KEDROLINT_PCH_STD} ${ARGN})
  endif()
endfunction()
