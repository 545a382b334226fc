#include "parse/python_nesting.hpp"

#include <cctype>
#include <cstddef>

namespace kedrolint::parse {
namespace {

constexpr int kMaxLevel = 200;

bool is_prefix_letter(char c) {
  const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == 'r' || l == 'b' || l == 'u' || l == 'f';
}

bool starts_identifier(std::string_view text, std::size_t at) {
  if (at == 0) return false;
  const auto c = static_cast<unsigned char>(text[at - 1]);
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

// The offset just after the string literal whose opening quote is at `at`.
std::size_t skip_string(std::string_view text, std::size_t at) {
  const char quote = text[at];
  const bool triple = at + 2 < text.size() && text[at + 1] == quote && text[at + 2] == quote;
  std::size_t i = at + (triple ? 3 : 1);
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      i += 2;  // even in raw strings a backslash keeps the next quote inside
      continue;
    }
    if (!triple && (c == '\n' || c == '\r')) return i;  // unterminated: the tokenizer reports it
    if (c == quote && (!triple || (i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote))) {
      return i + (triple ? 3 : 1);
    }
    ++i;
  }
  return i;
}

}  // namespace

std::optional<SyntaxError> too_many_nested_parentheses(const core::SourceFile& file) {
  const std::string_view text = file.text();
  int level = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      i = skip_string(text, i);
      continue;
    }
    if (is_prefix_letter(c) && !starts_identifier(text, i)) {
      // r"...", rb'...', f"""...""": a string only when quotes follow the letters.
      std::size_t j = i;
      while (j < text.size() && j - i < 2 && is_prefix_letter(text[j])) ++j;
      if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
        i = skip_string(text, j);
        continue;
      }
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
      i = j;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      if (level >= kMaxLevel) return SyntaxError{file.span(i, i + 1), "too many nested parentheses"};
      ++level;
    } else if ((c == ')' || c == ']' || c == '}') && level > 0) {
      --level;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace kedrolint::parse
