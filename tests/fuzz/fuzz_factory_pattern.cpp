// libFuzzer target: the dataset factory matcher. The input is a pattern, a
// NUL byte, then dataset names separated by newlines.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/factory_pattern.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find('\0');
  const std::string pattern(input.substr(0, split));
  std::string error;
  const auto compiled = kedrolint::model::FactoryPattern::compile(pattern, error);
  if (!compiled || split == std::string_view::npos) return 0;
  std::string_view names = input.substr(split + 1);
  while (!names.empty()) {
    const auto nl = names.find('\n');
    (void)compiled->match(names.substr(0, nl));
    if (nl == std::string_view::npos) break;
    names.remove_prefix(nl + 1);
  }
  (void)kedrolint::model::find_placeholders(pattern);
  return 0;
}
