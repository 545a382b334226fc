#pragma once
// A strict Python tokenizer for the body check (python_body_check.hpp). It
// follows CPython's tokenizer, but refuses whatever it is not sure that
// tree-sitter-python reads the same way (tabs or form feeds in indentation,
// lone carriage returns, non-ASCII names, unusual number forms, string
// prefixes Python rejects): a refusal only means that nothing of the file is
// elided, and tree-sitter parses it whole, as it always did. A file with a
// NUL byte is refused whole.
#include <cstdint>
#include <string_view>
#include <vector>

namespace kedrolint::parse::py {

enum class Tok : std::uint8_t {
  End, Newline, Indent, Dedent, Name, Number, String,
  // Keywords.
  False, None, True, And, As, Assert, Break, Class, Continue, Def, Del, Elif, Else, Except, Finally, For, From,
  Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While, With, Yield,
  /// A name that tree-sitter-python treats as a keyword of its own (`async`,
  /// `await`, `exec`, `__future__`): the body check does not follow them.
  Unsupported,
  // Delimiters and operators.
  LParen, RParen, LBracket, RBracket, LBrace, RBrace, Colon, Comma, Semi, Dot, Ellipsis, Arrow, ColonEqual, At,
  Equal, AugAssign, Plus, Minus, Star, DoubleStar, Tilde, BinaryOp, Compare,
};

struct Token {
  Tok kind = Tok::End;
  std::uint8_t flags = 0;  ///< for strings: kFormat, kRaw, kTriple
  std::uint32_t begin = 0, end = 0;

  static constexpr std::uint8_t kFormat = 1, kRaw = 2, kTriple = 4;
};

/// The tokens of a whole file, with INDENT and DEDENT as CPython makes them.
struct TokenizedFile {
  std::vector<Token> tokens;
  /// Where lines start that are indented less than the block around them:
  /// own-line comments, and lines inside brackets. tree-sitter may end the
  /// block before such a line where Python does not. In document order.
  std::vector<std::uint32_t> shallow_lines;
};

/// Tokenizes `text`; false when the tokenizer refuses (see above) or the text
/// does not tokenize (unterminated string, unbalanced brackets, a bad
/// dedent, brackets nested deeper than 200 levels).
bool tokenize(std::string_view text, TokenizedFile& out);

/// Tokenizes the expression of an f-string replacement field, `text[begin,
/// end)`, which holds no newline: no NEWLINE, INDENT or DEDENT are made.
bool tokenize_expression(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out);

}  // namespace kedrolint::parse::py
