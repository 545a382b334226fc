// libFuzzer target: YAML bytes as conf/base/parameters.yml, then every rule.
#include "fuzz_project_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kedrolint::fuzz::check_with("conf/base/parameters.yml", data, size);
  return 0;
}
