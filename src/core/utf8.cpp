#include "core/utf8.hpp"

namespace kedrolint::core {
namespace {

// WHATWG's UTF-8 decoder (what Node, browsers and codeql-action use): the
// valid range of the second byte depends on the lead, so that overlong forms,
// surrogates and code points past U+10FFFF are rejected at the first byte
// that proves them wrong; a maximal invalid prefix is one U+FFFD.
struct Lead {
  int length = 0;  ///< 0: the byte cannot start a sequence
  unsigned char second_low = 0x80, second_high = 0xBF;
};

Lead lead_of(unsigned char b) {
  if (b >= 0xC2 && b <= 0xDF) return {2};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};
  if (b >= 0xE1 && b <= 0xEF) return {3};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};
  if (b >= 0xF1 && b <= 0xF3) return {4};
  return {};
}

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& i) {
  const auto first = static_cast<unsigned char>(text[i]);
  if (first < 0x80) {
    ++i;
    return first;
  }
  const Lead lead = lead_of(first);
  if (lead.length == 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = first & (0x7F >> lead.length);
  std::size_t at = i + 1;
  for (int k = 1; k < lead.length; ++k, ++at) {
    if (at >= text.size()) {
      i = at;
      return 0xFFFD;
    }
    const auto c = static_cast<unsigned char>(text[at]);
    const unsigned char low = k == 1 ? lead.second_low : 0x80;
    const unsigned char high = k == 1 ? lead.second_high : 0xBF;
    if (c < low || c > high) {
      i = at;  // the offending byte starts the next sequence
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i = at;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (decode_utf8(text, i) == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      return start;
    }
  }
  return std::nullopt;
}

std::size_t codepoint_count(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace kedrolint::core
