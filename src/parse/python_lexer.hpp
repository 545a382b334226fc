#pragma once
#include <cstddef>
#include <string_view>

namespace kedrolint::parse {

/// A minimal Python tokenizer: enough to find statements without building a
/// syntax tree (the import scan) and to count brackets. Strings (with their
/// prefixes, triple quotes and escapes) and comments are skipped as CPython's
/// tokenizer skips them; a newline inside brackets or after a backslash does
/// not end the logical line. Numbers are read as names (nothing here looks
/// inside them).
class PythonLexer {
 public:
  enum class Kind { Name, String, Op, Newline, End };
  struct Token {
    Kind kind = Kind::End;
    std::size_t begin = 0, end = 0;
    std::string_view text;
    [[nodiscard]] bool is_op(std::string_view op) const { return kind == Kind::Op && text == op; }
    [[nodiscard]] bool is_name(std::string_view name) const { return kind == Kind::Name && text == name; }
  };

  explicit PythonLexer(std::string_view text) : text_(text) {}
  Token next();
  /// Open brackets before the next token.
  [[nodiscard]] int depth() const { return depth_; }

 private:
  std::size_t skip_string(std::size_t quote_at) const;
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool line_has_tokens_ = false;
};

}  // namespace kedrolint::parse
