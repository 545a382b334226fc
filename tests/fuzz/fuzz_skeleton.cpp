// libFuzzer target: a Python file parsed with function bodies elided must
// tell what the whole parse tells (tests/unit/skeleton_equivalence.hpp);
// any difference aborts with the reason.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../unit/skeleton_equivalence.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kedrolint::parse::ts::PythonParser parser;
  const kedrolint::core::SourceFile file(0, "/p/m.py", "m.py", std::string(reinterpret_cast<const char*>(data), size));
  const std::string mismatch = kedrolint::testing::skeleton_mismatch(parser, file);
  if (!mismatch.empty()) {
    std::fprintf(stderr, "skeleton parse differs: %s\n", mismatch.c_str());
    std::abort();
  }
  return 0;
}
