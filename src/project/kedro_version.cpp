#include "project/kedro_version.hpp"

#include <cctype>

namespace kedrolint::project {

std::optional<KedroVersion> parse_kedro_version(std::string_view text) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (count < 3 && i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    int value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > 100000) return std::nullopt;
      ++i;
    }
    parts[count++] = value;
    if (i < text.size() && text[i] == '.') {
      ++i;
    } else {
      break;
    }
  }
  if (count < 2) return std::nullopt;
  KedroVersion v;
  v.major = parts[0];
  v.minor = parts[1];
  v.patch = parts[2];
  v.text = std::string(text);
  return v;
}

KedroVersion latest_known_kedro() { return KedroVersion{}; }

}  // namespace kedrolint::project
