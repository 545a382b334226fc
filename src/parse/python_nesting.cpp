#include "parse/python_nesting.hpp"

#include "parse/python_lexer.hpp"

namespace kedrolint::parse {
namespace {

constexpr int kMaxLevel = 200;

}  // namespace

std::optional<SyntaxError> too_many_nested_parentheses(const core::SourceFile& file) {
  PythonLexer lexer(file.text());
  for (auto token = lexer.next(); token.kind != PythonLexer::Kind::End; token = lexer.next()) {
    if (lexer.depth() > kMaxLevel && (token.is_op("(") || token.is_op("[") || token.is_op("{"))) {
      return SyntaxError{file.span(token.begin, token.end), "too many nested parentheses"};
    }
  }
  return std::nullopt;
}

}  // namespace kedrolint::parse
