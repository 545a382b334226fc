// libFuzzer target: YAML bytes as conf/base/catalog.yml, then every rule.
#include "fuzz_project_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kedrolint::fuzz::check_with("conf/base/catalog.yml", data, size);
  return 0;
}
