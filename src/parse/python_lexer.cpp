#include "parse/python_lexer.hpp"

namespace kedrolint::parse {
namespace {

bool is_identifier_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u >= 0x80;
}

bool is_prefix_letter(char c) {
  switch (c) {
    case 'r': case 'R': case 'b': case 'B': case 'u': case 'U': case 'f': case 'F':
      return true;
    default:
      return false;
  }
}

bool is_quote(char c) { return c == '"' || c == '\''; }

}  // namespace

std::size_t PythonLexer::skip_string(std::size_t at) const {
  const char quote = text_[at];
  const bool triple = at + 2 < text_.size() && text_[at + 1] == quote && text_[at + 2] == quote;
  std::size_t i = at + (triple ? 3 : 1);
  while (i < text_.size()) {
    const char c = text_[i];
    if (c == '\\') {
      i += 2;  // even in raw strings a backslash keeps the next quote inside
      continue;
    }
    if (!triple && (c == '\n' || c == '\r')) return i;  // unterminated: the tokenizer reports it
    if (c == quote && (!triple || (i + 2 < text_.size() && text_[i + 1] == quote && text_[i + 2] == quote))) {
      return i + (triple ? 3 : 1);
    }
    ++i;
  }
  return text_.size();
}

PythonLexer::Token PythonLexer::next() {
  const auto make = [&](Kind kind, std::size_t begin, std::size_t end) {
    pos_ = end;
    if (kind != Kind::Newline) line_has_tokens_ = true;
    return Token{kind, begin, end, text_.substr(begin, end - begin)};
  };
  while (pos_ < text_.size()) {
    const std::size_t at = pos_;
    const char c = text_[at];
    if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      continue;
    }
    if (c == '\\' && at + 1 < text_.size() && (text_[at + 1] == '\n' || text_[at + 1] == '\r')) {
      pos_ = at + 2 + (text_[at + 1] == '\r' && at + 2 < text_.size() && text_[at + 2] == '\n' ? 1 : 0);
      continue;
    }
    if (c == '\n' || c == '\r') {
      ++pos_;
      if (depth_ == 0 && line_has_tokens_) {
        line_has_tokens_ = false;
        return Token{Kind::Newline, at, at + 1, text_.substr(at, 1)};
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
      continue;
    }
    if (is_quote(c)) return make(Kind::String, at, skip_string(at));
    if (is_identifier_byte(c)) {
      std::size_t j = at;
      if (is_prefix_letter(c)) {
        // r"...", rb'...', f"""...""": a string only when quotes follow the letters.
        while (j < text_.size() && j - at < 2 && is_prefix_letter(text_[j])) ++j;
        if (j < text_.size() && is_quote(text_[j])) return make(Kind::String, at, skip_string(j));
      }
      while (j < text_.size() && is_identifier_byte(text_[j])) ++j;
      return make(Kind::Name, at, j);
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth_;
    } else if ((c == ')' || c == ']' || c == '}') && depth_ > 0) {
      --depth_;
    }
    if (c == '.' && at + 2 < text_.size() && text_[at + 1] == '.' && text_[at + 2] == '.') {
      return make(Kind::Op, at, at + 3);
    }
    return make(Kind::Op, at, at + 1);
  }
  if (line_has_tokens_) {
    line_has_tokens_ = false;
    return Token{Kind::Newline, text_.size(), text_.size(), {}};
  }
  return Token{Kind::End, text_.size(), text_.size(), {}};
}

}  // namespace kedrolint::parse
