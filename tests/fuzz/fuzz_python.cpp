// libFuzzer target: a module's source as the pipeline module that
// find_pipelines() imports, evaluated and checked by every rule.
#include "fuzz_project_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kedrolint::fuzz::check_with("src/demo/pipelines/ds/pipeline.py", data, size);
  return 0;
}
