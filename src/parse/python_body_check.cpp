#include "parse/python_body_check.hpp"

#include <vector>

namespace kedrolint::parse::py {
namespace {

/// Thrown on the first construct the check does not accept; caught once,
/// in check_block. Valid code, the common case, never throws.
struct Refused {};

/// What an expression is, as far as assignment cares.
enum class Shape : std::uint8_t {
  Name,     ///< a bare name
  AttrSub,  ///< `a.b` or `a[b]`
  Star,     ///< `*a`, `*a.b`, `*a[b]`
  Seq,      ///< a tuple or list (or parentheses) of targets
  Other,
};

bool is_target(Shape s) { return s == Shape::Name || s == Shape::AttrSub || s == Shape::Seq; }
bool is_single_target(Shape s) { return s == Shape::Name || s == Shape::AttrSub; }

// Deeper nesting is refused (and parsed by tree-sitter): it keeps the
// recursion of this check bounded whatever the input.
constexpr int kMaxNesting = 100;

class Checker {
 public:
  Checker(std::string_view text, std::span<const Token> tokens, std::size_t at) : t_(text), toks_(tokens), i_(at) {}

  std::size_t block_at_top() {
    expect(Tok::Indent);
    do stmt();
    while (peek() != Tok::Dedent);
    return i_;
  }

  /// The expression of an f-string replacement field.
  void field_expression() {
    test();
    while (accept(Tok::Comma)) {
      if (peek() == Tok::End) break;
      test();
    }
    expect(Tok::End);
  }

 private:
  struct Deeper {
    explicit Deeper(Checker& c) : c_(c) {
      if (++c_.depth_ > kMaxNesting) throw Refused{};
    }
    ~Deeper() { --c_.depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
    Checker& c_;
  };

  [[nodiscard]] Tok peek() const { return i_ < toks_.size() ? toks_[i_].kind : Tok::End; }
  [[nodiscard]] Tok peek2() const { return i_ + 1 < toks_.size() ? toks_[i_ + 1].kind : Tok::End; }
  void advance() { ++i_; }
  bool accept(Tok k) {
    if (peek() != k) return false;
    ++i_;
    return true;
  }
  void expect(Tok k) {
    if (!accept(k)) throw Refused{};
  }
  [[noreturn]] static void refuse() { throw Refused{}; }
  [[nodiscard]] bool is_slash() const {
    const Token& tok = toks_[i_];
    return tok.kind == Tok::BinaryOp && tok.end - tok.begin == 1 && t_[tok.begin] == '/';
  }

  [[nodiscard]] bool starts_test() const {
    switch (peek()) {
      case Tok::Name: case Tok::Number: case Tok::String: case Tok::LParen: case Tok::LBracket: case Tok::LBrace:
      case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::Not: case Tok::Lambda: case Tok::Ellipsis:
      case Tok::None: case Tok::True: case Tok::False:
        return true;
      default:
        return false;
    }
  }
  [[nodiscard]] bool starts_expression() const { return peek() == Tok::Star || starts_test(); }

  // Statements.

  void stmt() {
    const Deeper deeper(*this);
    switch (peek()) {
      case Tok::If: return if_stmt();
      case Tok::While: return while_stmt();
      case Tok::For: return for_stmt();
      case Tok::Try: return try_stmt();
      case Tok::With: return with_stmt();
      case Tok::Def: return funcdef();
      case Tok::Class: return classdef();
      case Tok::At: return decorated();
      default: return simple_stmts();
    }
  }

  void suite() {
    expect(Tok::Colon);
    if (!accept(Tok::Newline)) return simple_stmts();
    expect(Tok::Indent);
    do stmt();
    while (peek() != Tok::Dedent);
    advance();
  }

  void else_suite() {
    if (accept(Tok::Else)) suite();
  }

  void simple_stmts() {
    simple();
    while (accept(Tok::Semi)) {
      if (peek() == Tok::Newline) break;
      simple();
    }
    expect(Tok::Newline);
  }

  void simple() {
    switch (peek()) {
      case Tok::Pass: case Tok::Break: case Tok::Continue:
        return advance();
      case Tok::Return:
        advance();
        if (starts_expression()) testlist(true);
        return;
      case Tok::Raise:
        advance();
        if (starts_test()) {
          test();
          if (accept(Tok::From)) test();
        }
        return;
      case Tok::Global: case Tok::Nonlocal:
        advance();
        expect(Tok::Name);
        while (accept(Tok::Comma)) expect(Tok::Name);
        return;
      case Tok::Del:
        advance();
        testlist(false);
        return;
      case Tok::Assert:
        advance();
        test();
        if (accept(Tok::Comma)) test();
        return;
      case Tok::Yield:
        return yield_expr();
      default:
        // `import` and `from` land here and are refused: the imports of a
        // function body are recorded from its tree (model/module_imports_scan).
        return expr_stmt();
    }
  }

  void assigned_value() {
    if (peek() == Tok::Yield) yield_expr();
    else testlist(true);
  }

  void expr_stmt() {
    Shape s = testlist(true);
    if (peek() == Tok::Equal) {
      while (accept(Tok::Equal)) {
        if (!is_target(s)) refuse();
        if (peek() == Tok::Yield) {
          yield_expr();
          s = Shape::Other;
        } else {
          s = testlist(true);
        }
      }
      return;
    }
    if (peek() == Tok::AugAssign) {
      if (!is_single_target(s)) refuse();
      advance();
      return assigned_value();
    }
    if (peek() == Tok::Colon) {
      if (!is_single_target(s)) refuse();
      advance();
      test();
      if (accept(Tok::Equal)) assigned_value();
      return;
    }
    if (s == Shape::Star) refuse();
  }

  void if_stmt() {
    advance();
    named_test();
    suite();
    while (accept(Tok::Elif)) {
      named_test();
      suite();
    }
    else_suite();
  }

  void while_stmt() {
    advance();
    named_test();
    suite();
    else_suite();
  }

  void for_stmt() {
    advance();
    targets();
    expect(Tok::In);
    testlist(false);
    suite();
    else_suite();
  }

  void try_stmt() {
    advance();
    suite();
    if (accept(Tok::Finally)) return suite();
    if (peek() != Tok::Except) refuse();
    while (accept(Tok::Except)) {
      if (peek() != Tok::Colon) {
        test();
        if (accept(Tok::As)) expect(Tok::Name);
      }
      suite();
    }
    else_suite();
    if (accept(Tok::Finally)) suite();
  }

  void with_stmt() {
    advance();
    do {
      if (peek() == Tok::LParen) refuse();  // parenthesized with-items: not followed here
      test();
      if (accept(Tok::As) && !is_single_target(expr())) refuse();
    } while (accept(Tok::Comma));
    suite();
  }

  void funcdef() {
    advance();
    expect(Tok::Name);
    expect(Tok::LParen);  // type parameters (`def f[T]`) are refused here
    parameters(true, Tok::RParen);
    expect(Tok::RParen);
    if (accept(Tok::Arrow)) test();
    suite();
  }

  void classdef() {
    advance();
    expect(Tok::Name);
    if (accept(Tok::LParen)) {
      arguments();
      expect(Tok::RParen);
    }
    suite();
  }

  void decorated() {
    while (accept(Tok::At)) {
      named_test();
      expect(Tok::Newline);
    }
    if (peek() == Tok::Def) return funcdef();
    if (peek() == Tok::Class) return classdef();
    refuse();
  }

  /// Parameters of a def (`typed`: annotations allowed) or a lambda, up to `close`.
  void parameters(bool typed, Tok close) {
    if (peek() == close) return;
    for (;;) {
      if (accept(Tok::Star)) {
        if (accept(Tok::Name) && typed && accept(Tok::Colon)) test();
      } else if (accept(Tok::DoubleStar)) {
        expect(Tok::Name);
        if (typed && accept(Tok::Colon)) test();
      } else if (is_slash()) {
        advance();
      } else {
        expect(Tok::Name);
        if (typed && accept(Tok::Colon)) test();
        if (accept(Tok::Equal)) {
          if (typed) test();
          else or_test();
        }
      }
      if (!accept(Tok::Comma) || peek() == close) return;
    }
  }

  // Expressions.

  /// `targets` of `for` and comprehensions: names, attributes, subscripts,
  /// tuples and lists of them, one starred.
  void targets() {
    auto one = [this] {
      if (accept(Tok::Star)) {
        if (!is_single_target(expr())) refuse();
      } else if (!is_target(expr())) {
        refuse();
      }
    };
    one();
    while (accept(Tok::Comma)) {
      if (peek() == Tok::In) break;
      one();
    }
  }

  /// Comma-separated expressions, unparenthesized; starred items are taken
  /// only where Python takes them and only over a name, an attribute or a
  /// subscript.
  Shape testlist(bool star) {
    auto one = [&]() -> Shape {
      if (peek() != Tok::Star) return test();
      if (!star) refuse();
      advance();
      if (!is_single_target(expr())) refuse();
      return Shape::Star;
    };
    const Shape first = one();
    if (peek() != Tok::Comma) return first;
    bool all_targets = is_target(first) || first == Shape::Star;
    while (accept(Tok::Comma)) {
      if (!(star ? starts_expression() : starts_test())) break;
      const Shape s = one();
      all_targets = all_targets && (is_target(s) || s == Shape::Star);
    }
    return all_targets ? Shape::Seq : Shape::Other;
  }

  void yield_expr() {
    expect(Tok::Yield);
    if (accept(Tok::From)) {
      test();
      return;
    }
    if (starts_expression()) testlist(true);
  }

  Shape named_test() {
    if (peek() == Tok::Name && peek2() == Tok::ColonEqual) {
      i_ += 2;
      test();
      return Shape::Other;
    }
    return test();
  }

  Shape test() {
    const Deeper deeper(*this);
    if (accept(Tok::Lambda)) {
      parameters(false, Tok::Colon);
      expect(Tok::Colon);
      test();
      return Shape::Other;
    }
    const Shape s = or_test();
    if (!accept(Tok::If)) return s;
    or_test();
    expect(Tok::Else);
    test();
    return Shape::Other;
  }

  /// `or` and `and` chains: as in expr(), one loop takes both, since a
  /// check that builds no tree need not tell their precedence apart.
  Shape or_test() {
    Shape s = not_test();
    while (accept(Tok::Or) || accept(Tok::And)) {
      not_test();
      s = Shape::Other;
    }
    return s;
  }

  Shape not_test() {
    if (accept(Tok::Not)) {
      const Deeper deeper(*this);
      not_test();
      return Shape::Other;
    }
    Shape s = expr();
    while (comparison_operator()) {
      expr();
      s = Shape::Other;
    }
    return s;
  }

  bool comparison_operator() {
    switch (peek()) {
      case Tok::Compare: case Tok::In:
        advance();
        return true;
      case Tok::Is:
        advance();
        accept(Tok::Not);
        return true;
      case Tok::Not:
        if (peek2() != Tok::In) return false;
        i_ += 2;
        return true;
      default:
        return false;
    }
  }

  /// Binary operators below comparison: precedence does not matter to a
  /// check that builds no tree, so one loop takes them all.
  Shape expr() {
    Shape s = factor();
    for (;;) {
      switch (peek()) {
        case Tok::BinaryOp: case Tok::Plus: case Tok::Minus: case Tok::Star: case Tok::At:
          advance();
          factor();
          s = Shape::Other;
          continue;
        default:
          return s;
      }
    }
  }

  Shape factor() {
    switch (peek()) {
      case Tok::Plus: case Tok::Minus: case Tok::Tilde: {
        const Deeper deeper(*this);
        advance();
        factor();
        return Shape::Other;
      }
      default:
        break;
    }
    Shape s = atom();
    for (;;) {
      switch (peek()) {
        case Tok::LParen:
          advance();
          arguments();
          expect(Tok::RParen);
          s = Shape::Other;
          continue;
        case Tok::LBracket:
          advance();
          subscripts();
          expect(Tok::RBracket);
          s = Shape::AttrSub;
          continue;
        case Tok::Dot:
          advance();
          expect(Tok::Name);
          s = Shape::AttrSub;
          continue;
        case Tok::DoubleStar: {
          const Deeper deeper(*this);
          advance();
          factor();
          return Shape::Other;
        }
        default:
          return s;
      }
    }
  }

  Shape atom() {
    switch (peek()) {
      case Tok::Name:
        advance();
        return Shape::Name;
      case Tok::Number: case Tok::Ellipsis: case Tok::None: case Tok::True: case Tok::False:
        advance();
        return Shape::Other;
      case Tok::String:
        while (peek() == Tok::String) {
          check_string(toks_[i_]);
          advance();
        }
        return Shape::Other;
      case Tok::LParen: return parenthesized();
      case Tok::LBracket: return bracketed();
      case Tok::LBrace: return braced();
      default:
        refuse();
    }
  }

  /// An element of a display: `*expr` or a test (walrus allowed).
  Shape element(bool& starred) {
    starred = accept(Tok::Star);
    if (!starred) return named_test();
    return is_single_target(expr()) ? Shape::Star : Shape::Other;
  }

  /// The rest of a tuple or list display after its first element, up to `close`.
  Shape sequence_rest(Shape first, bool first_starred, Tok close) {
    if (peek() == Tok::For) {
      if (first_starred) refuse();
      comprehension();
      expect(close);
      return Shape::Other;
    }
    bool all_targets = is_target(first) || first == Shape::Star;
    bool several = false;
    while (accept(Tok::Comma)) {
      several = true;
      if (peek() == close) break;
      bool starred = false;
      const Shape s = element(starred);
      all_targets = all_targets && (is_target(s) || s == Shape::Star);
    }
    expect(close);
    if (close == Tok::RParen && !several && first_starred) refuse();  // `(*a)`
    return all_targets ? Shape::Seq : Shape::Other;
  }

  Shape parenthesized() {
    const Deeper deeper(*this);
    advance();
    if (accept(Tok::RParen)) return Shape::Other;
    if (peek() == Tok::Yield) {
      yield_expr();
      expect(Tok::RParen);
      return Shape::Other;
    }
    bool starred = false;
    const Shape first = element(starred);
    return sequence_rest(first, starred, Tok::RParen);
  }

  Shape bracketed() {
    const Deeper deeper(*this);
    advance();
    if (accept(Tok::RBracket)) return Shape::Other;
    bool starred = false;
    const Shape first = element(starred);
    return sequence_rest(first, starred, Tok::RBracket);
  }

  Shape braced() {
    const Deeper deeper(*this);
    advance();
    if (accept(Tok::RBrace)) return Shape::Other;
    bool dict = false;
    if (accept(Tok::DoubleStar)) {
      expr();
      dict = true;
    } else if (accept(Tok::Star)) {
      expr();
    } else {
      test();
      if (accept(Tok::Colon)) {
        test();
        dict = true;
      }
      if (peek() == Tok::For) {
        comprehension();
        expect(Tok::RBrace);
        return Shape::Other;
      }
    }
    while (accept(Tok::Comma)) {
      if (peek() == Tok::RBrace) break;
      if (!dict) {
        bool starred = false;
        element(starred);
      } else if (accept(Tok::DoubleStar)) {
        expr();
      } else {
        test();
        expect(Tok::Colon);
        test();
      }
    }
    expect(Tok::RBrace);
    return Shape::Other;
  }

  void comprehension() {
    while (accept(Tok::For)) {
      targets();
      expect(Tok::In);
      or_test();
      while (accept(Tok::If)) or_test();
    }
  }

  void subscripts() {
    bool first = true;
    do {
      if (!first && peek() == Tok::RBracket) return;  // a trailing comma
      first = false;
      if (peek() != Tok::Colon) {
        test();
        if (peek() != Tok::Colon) continue;
      }
      advance();
      if (starts_test()) test();
      if (accept(Tok::Colon) && starts_test()) test();
    } while (accept(Tok::Comma));
  }

  /// Call arguments (or class bases) up to `)`.
  void arguments() {
    bool first = true;
    while (peek() != Tok::RParen) {
      if (accept(Tok::Star) || accept(Tok::DoubleStar)) {
        test();
      } else if (peek() == Tok::Name && peek2() == Tok::Equal) {
        i_ += 2;
        test();
      } else {
        named_test();
        if (peek() == Tok::For) {
          // A generator expression is a call's only argument.
          if (!first) refuse();
          comprehension();
          if (peek() != Tok::RParen) refuse();
          return;
        }
      }
      first = false;
      if (!accept(Tok::Comma)) return;
    }
  }

  // f-strings.

  void check_string(const Token& tok) {
    if (!(tok.flags & Token::kFormat)) return;
    std::uint32_t b = tok.begin;
    while (t_[b] != '"' && t_[b] != '\'') ++b;
    const std::uint32_t quotes = (tok.flags & Token::kTriple) ? 3 : 1;
    f_string_content(b + quotes, tok.end - quotes, t_[b]);
  }

  void f_string_content(std::uint32_t i, std::uint32_t end, char quote) {
    while (i < end) {
      const char c = t_[i];
      const char next = i + 1 < end ? t_[i + 1] : '\0';
      if (c == '\\') {
        if (next == '{' || next == '}') refuse();
        i += 2;
      } else if (c == '{' && next == '{') {
        i += 2;
      } else if (c == '}' && next == '}') {
        i += 2;
      } else if (c == '{') {
        i = replacement_field(i + 1, end, quote, 0);
      } else if (c == '}') {
        refuse();  // "single '}' is not allowed"
      } else {
        ++i;
      }
    }
  }

  /// A replacement field whose `{` ends at `i`; returns the index after its `}`.
  std::uint32_t replacement_field(std::uint32_t i, std::uint32_t end, char quote, int level) {
    if (level > 1) refuse();
    std::uint32_t j = i;
    int depth = 0;
    for (;; ++j) {
      if (j >= end) refuse();
      const char c = t_[j];
      const char next = j + 1 < end ? t_[j + 1] : '\0';
      if (c == '\\' || c == '\n' || c == '\r' || c == '#' || c == quote) refuse();
      if (c == '"' || c == '\'') {
        // A string of the other quote inside the field: skip to its end (the
        // tokenizer below reads it properly).
        ++j;
        while (j < end && t_[j] != c) {
          if (t_[j] == '\\') refuse();
          ++j;
        }
        if (j >= end) refuse();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          if (c != '}') refuse();
          break;
        }
        --depth;
      } else if (depth == 0 && (c == ':' || (c == '!' && next != '='))) {
        break;
      } else if (depth == 0 && c == '=' && (next == '}' || next == '!' || next == ':') && j > i) {
        const char before = t_[j - 1];
        if (before != '=' && before != '!' && before != '<' && before != '>') break;
      }
    }
    std::vector<Token> tokens;
    if (!tokenize_expression(t_, i, j, tokens)) refuse();
    Checker inner(t_, tokens, 0);
    inner.depth_ = depth_;
    inner.field_expression();
    if (t_[j] == '=') ++j;
    if (j < end && t_[j] == '!') {
      ++j;
      if (j >= end || (t_[j] != 'r' && t_[j] != 's' && t_[j] != 'a')) refuse();
      ++j;
    }
    if (j < end && t_[j] == ':') {
      ++j;
      while (j < end && t_[j] != '}') {
        const char c = t_[j];
        if (c == '\n' || c == '\r' || c == '\\') refuse();
        if (c == '{') {
          j = replacement_field(j + 1, end, quote, level + 1);
          continue;
        }
        ++j;
      }
    }
    if (j >= end || t_[j] != '}') refuse();
    return j + 1;
  }

  std::string_view t_;
  std::span<const Token> toks_;
  std::size_t i_;
  int depth_ = 0;
};

}  // namespace

bool check_block(std::string_view text, std::span<const Token> tokens, std::size_t at, std::size_t& end) {
  try {
    Checker checker(text, tokens, at);
    end = checker.block_at_top();
    return true;
  } catch (const Refused&) {
    return false;
  }
}

}  // namespace kedrolint::parse::py
