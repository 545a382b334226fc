#include "parse/python_tokens.hpp"

#include <cstring>

namespace kedrolint::parse::py {
namespace {

// The nesting check (python_nesting.hpp) reports brackets deeper than this.
constexpr std::size_t kMaxDepth = 200;

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_quote(char c) { return c == '"' || c == '\''; }

Tok keyword(std::string_view w) {
  struct Entry {
    std::string_view word;
    Tok tok;
  };
  static constexpr Entry kWords[] = {
      {"False", Tok::False},   {"None", Tok::None},         {"True", Tok::True},       {"and", Tok::And},
      {"as", Tok::As},         {"assert", Tok::Assert},     {"async", Tok::Unsupported},
      {"await", Tok::Unsupported}, {"break", Tok::Break},   {"class", Tok::Class},     {"continue", Tok::Continue},
      {"def", Tok::Def},       {"del", Tok::Del},           {"elif", Tok::Elif},       {"else", Tok::Else},
      {"except", Tok::Except}, {"exec", Tok::Unsupported},  {"finally", Tok::Finally}, {"for", Tok::For},
      {"from", Tok::From},     {"global", Tok::Global},     {"if", Tok::If},           {"import", Tok::Import},
      {"in", Tok::In},         {"is", Tok::Is},             {"lambda", Tok::Lambda},   {"nonlocal", Tok::Nonlocal},
      {"not", Tok::Not},       {"or", Tok::Or},             {"pass", Tok::Pass},       {"raise", Tok::Raise},
      {"return", Tok::Return}, {"try", Tok::Try},           {"while", Tok::While},     {"with", Tok::With},
      {"yield", Tok::Yield},   {"__future__", Tok::Unsupported},
  };
  // Keywords are 2 to 10 letters, all lower case but three: most names fail
  // the first test.
  if (w.size() < 2 || w.size() > 10) return Tok::Name;
  for (const auto& e : kWords) {
    if (e.word.size() == w.size() && e.word[0] == w[0] && e.word == w) return e.tok;
  }
  return Tok::Name;
}

/// Flags of a string prefix Python accepts (case-insensitive: r, u, f, b,
/// br, rb, fr, rf), or -1.
int prefix_flags(std::string_view p) {
  int flags = 0;
  bool bytes = false, unicode = false;
  for (const char raw : p) {
    const char c = static_cast<char>(raw | 0x20);
    if (c == 'r' && !(flags & Token::kRaw)) flags |= Token::kRaw;
    else if (c == 'f' && !(flags & Token::kFormat)) flags |= Token::kFormat;
    else if (c == 'b' && !bytes) bytes = true;
    else if (c == 'u' && !unicode) unicode = true;
    else return -1;
  }
  if (unicode && p.size() > 1) return -1;
  if (bytes && (flags & Token::kFormat)) return -1;
  return flags;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& out, std::vector<std::uint32_t>* shallow)
      : t_(text), out_(out), shallow_(shallow) {}

  bool file() {
    std::size_t i = 0;
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    std::vector<std::uint32_t> indents{0};
    bool line_start = true;
    while (true) {
      if (line_start && brackets_.empty()) {
        std::uint32_t col = 0;
        while (i < t_.size() && t_[i] == ' ') ++i, ++col;
        if (i == t_.size()) break;
        const char c = t_[i];
        if (c == '\n') { ++i; continue; }
        if (c == '\r') {
          if (i + 1 < t_.size() && t_[i + 1] == '\n') { i += 2; continue; }
          return false;
        }
        if (c == '#') {
          if (col < indents.back()) shallow_->push_back(static_cast<std::uint32_t>(i));
          i = line_end(i);
          continue;
        }
        if (c == '\t' || c == '\f' || c == '\\') return false;
        if (col > indents.back()) {
          indents.push_back(col);
          push(Tok::Indent, i, i);
        }
        while (col < indents.back()) {
          indents.pop_back();
          push(Tok::Dedent, i, i);
        }
        if (col != indents.back()) return false;  // "unindent does not match any outer indentation level"
        line_start = false;
      }
      if (i >= t_.size()) break;
      const char c = t_[i];
      if (c == '\n' || c == '\r') {
        if (c == '\r' && (i + 1 >= t_.size() || t_[i + 1] != '\n')) return false;
        if (brackets_.empty()) {
          push(Tok::Newline, i, i + 1);
          line_start = true;
        }
        i += c == '\r' ? 2 : 1;
        if (!brackets_.empty()) note_shallow_line(i, indents.back());
        continue;
      }
      if (!token(i)) return false;
    }
    if (!brackets_.empty()) return false;
    if (!line_start) push(Tok::Newline, t_.size(), t_.size());
    for (std::size_t k = 1; k < indents.size(); ++k) push(Tok::Dedent, t_.size(), t_.size());
    push(Tok::End, t_.size(), t_.size());
    return true;
  }

  /// Tokens of `t_[begin, end)` with no line structure; newlines refused.
  bool expression(std::size_t begin, std::size_t end) {
    t_ = t_.substr(0, end);
    std::size_t i = begin;
    while (i < t_.size()) {
      if (t_[i] == '\n' || t_[i] == '\r' || t_[i] == '#' || t_[i] == '\\') return false;
      if (!token(i)) return false;
    }
    if (!brackets_.empty()) return false;
    push(Tok::End, t_.size(), t_.size());
    return true;
  }

 private:
  void push(Tok kind, std::size_t b, std::size_t e, std::uint8_t flags = 0) {
    out_.push_back(Token{kind, flags, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
  }

  /// A line inside brackets indented less than its block: tree-sitter's
  /// scanner may end the block there (a DEDENT) where Python does not.
  void note_shallow_line(std::size_t i, std::uint32_t block_indent) {
    std::uint32_t col = 0;
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t')) ++i, ++col;
    if (i < t_.size() && t_[i] != '\n' && t_[i] != '\r' && col < block_indent) {
      shallow_->push_back(static_cast<std::uint32_t>(i));
    }
  }

  std::size_t line_end(std::size_t i) const {
    while (i < t_.size() && t_[i] != '\n' && t_[i] != '\r') ++i;
    return i;
  }

  /// One token (or blank, comment, continuation) at `i`, which is not a line
  /// break; advances `i`.
  bool token(std::size_t& i) {
    const char c = t_[i];
    if (c == ' ' || c == '\t') { ++i; return true; }
    if (c == '#') { i = line_end(i); return true; }
    if (c == '\\') {
      // A backslash joins lines only right before the line break.
      if (i + 1 < t_.size() && t_[i + 1] == '\n') { i += 2; return i < t_.size(); }
      if (i + 2 < t_.size() && t_[i + 1] == '\r' && t_[i + 2] == '\n') { i += 3; return i < t_.size(); }
      return false;
    }
    if (is_quote(c)) return string(i, i, 0);
    if (is_name_start(c)) return name(i);
    if (is_digit(c) || (c == '.' && i + 1 < t_.size() && is_digit(t_[i + 1]))) return number(i);
    return op(i);
  }

  bool name(std::size_t& i) {
    const std::size_t b = i;
    while (i < t_.size() && is_name_char(t_[i])) ++i;
    if (i < t_.size() && static_cast<unsigned char>(t_[i]) >= 0x80) return false;  // a non-ASCII name
    const std::string_view w = t_.substr(b, i - b);
    if (i < t_.size() && is_quote(t_[i])) {
      const int flags = prefix_flags(w);
      if (flags < 0) return false;
      return string(i, b, static_cast<std::uint8_t>(flags));
    }
    push(keyword(w), b, i);
    return true;
  }

  /// A string literal whose quote is at `i` and whose prefix starts at `b`.
  bool string(std::size_t& i, std::size_t b, std::uint8_t flags) {
    const char q = t_[i];
    const bool triple = i + 2 < t_.size() && t_[i + 1] == q && t_[i + 2] == q;
    if (triple) flags |= Token::kTriple;
    i += triple ? 3 : 1;
    while (true) {
      if (i >= t_.size()) return false;
      const char c = t_[i];
      if (c == '\\') {
        // Raw or not, a backslash keeps the next character (a quote, a line
        // break) inside the string.
        if (i + 1 >= t_.size()) return false;
        if (t_[i + 1] == '\r') {
          if (i + 2 >= t_.size() || t_[i + 2] != '\n') return false;
          i += 3;
        } else {
          i += 2;
        }
        continue;
      }
      if (c == '\r' && (i + 1 >= t_.size() || t_[i + 1] != '\n')) return false;
      if (!triple && (c == '\n' || c == '\r')) return false;
      if (c == q) {
        if (!triple) { ++i; break; }
        if (i + 2 < t_.size() && t_[i + 1] == q && t_[i + 2] == q) { i += 3; break; }
      }
      ++i;
    }
    push(Tok::String, b, i, flags);
    return true;
  }

  /// `digits ("_" digits)*` of a base; false when none.
  bool digits(std::size_t& i, int base) {
    auto ok = [&](char c) {
      if (base == 16) return is_digit(c) || (static_cast<char>(c | 0x20) >= 'a' && static_cast<char>(c | 0x20) <= 'f');
      if (base == 8) return c >= '0' && c <= '7';
      if (base == 2) return c == '0' || c == '1';
      return is_digit(c);
    };
    if (i >= t_.size() || !ok(t_[i])) return false;
    while (i < t_.size()) {
      if (ok(t_[i])) { ++i; continue; }
      if (t_[i] == '_' && i + 1 < t_.size() && ok(t_[i + 1])) { i += 2; continue; }
      break;
    }
    return true;
  }

  bool number(std::size_t& i) {
    const std::size_t b = i;
    if (t_[i] == '0' && i + 1 < t_.size() && std::strchr("xXoObB", t_[i + 1]) && t_[i + 1] != '\0') {
      const char base = static_cast<char>(t_[i + 1] | 0x20);
      i += 2;
      if (i < t_.size() && t_[i] == '_') ++i;
      if (!digits(i, base == 'x' ? 16 : base == 'o' ? 8 : 2)) return false;
    } else {
      bool fraction = false, exponent = false;
      const bool whole = t_[i] != '.';
      if (whole) digits(i, 10);
      const std::size_t whole_end = i;
      if (i < t_.size() && t_[i] == '.') {
        fraction = true;
        ++i;
        if (i < t_.size() && is_digit(t_[i])) digits(i, 10);
      }
      if (i < t_.size() && (t_[i] == 'e' || t_[i] == 'E')) {
        exponent = true;
        ++i;
        if (i < t_.size() && (t_[i] == '+' || t_[i] == '-')) ++i;
        if (!digits(i, 10)) return false;
      }
      const bool imaginary = i < t_.size() && (t_[i] == 'j' || t_[i] == 'J');
      if (imaginary) ++i;
      // "leading zeros in decimal integer literals are not permitted"
      if (whole && t_[b] == '0' && !fraction && !exponent && !imaginary) {
        for (std::size_t k = b; k < whole_end; ++k) {
          if (t_[k] != '0' && t_[k] != '_') return false;
        }
      }
    }
    // `1if`, `1.real`, `0x1g`: legal or not, not read here.
    if (i < t_.size() && (is_name_char(t_[i]) || t_[i] == '.' || static_cast<unsigned char>(t_[i]) >= 0x80)) {
      return false;
    }
    push(Tok::Number, b, i);
    return true;
  }

  bool open(char c) {
    brackets_.push_back(c);
    return brackets_.size() <= kMaxDepth;
  }
  bool close(char c) {
    const char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (brackets_.empty() || brackets_.back() != want) return false;
    brackets_.pop_back();
    return true;
  }

  bool op(std::size_t& i) {
    const char c = t_[i];
    const char n = i + 1 < t_.size() ? t_[i + 1] : '\0';
    const char n2 = i + 2 < t_.size() ? t_[i + 2] : '\0';
    auto emit = [&](Tok kind, std::size_t len) {
      push(kind, i, i + len);
      i += len;
      return true;
    };
    switch (c) {
      case '(': return open(c) && emit(Tok::LParen, 1);
      case '[': return open(c) && emit(Tok::LBracket, 1);
      case '{': return open(c) && emit(Tok::LBrace, 1);
      case ')': return close(c) && emit(Tok::RParen, 1);
      case ']': return close(c) && emit(Tok::RBracket, 1);
      case '}': return close(c) && emit(Tok::RBrace, 1);
      case ',': return emit(Tok::Comma, 1);
      case ';': return emit(Tok::Semi, 1);
      case '~': return emit(Tok::Tilde, 1);
      case ':': return n == '=' ? emit(Tok::ColonEqual, 2) : emit(Tok::Colon, 1);
      case '.': return n == '.' && n2 == '.' ? emit(Tok::Ellipsis, 3) : n == '.' ? false : emit(Tok::Dot, 1);
      case '=': return n == '=' ? emit(Tok::Compare, 2) : emit(Tok::Equal, 1);
      case '!': return n == '=' ? emit(Tok::Compare, 2) : false;
      case '+': return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::Plus, 1);
      case '-':
        if (n == '>') return emit(Tok::Arrow, 2);
        return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::Minus, 1);
      case '*':
        if (n == '*') return n2 == '=' ? emit(Tok::AugAssign, 3) : emit(Tok::DoubleStar, 2);
        return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::Star, 1);
      case '/':
        if (n == '/') return n2 == '=' ? emit(Tok::AugAssign, 3) : emit(Tok::BinaryOp, 2);
        return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::BinaryOp, 1);
      case '%': case '&': case '|': case '^':
        return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::BinaryOp, 1);
      case '@': return n == '=' ? emit(Tok::AugAssign, 2) : emit(Tok::At, 1);
      case '<':
      case '>':
        if (n == c) return n2 == '=' ? emit(Tok::AugAssign, 3) : emit(Tok::BinaryOp, 2);
        if (c == '<' && n == '>') return false;  // Python 2's `<>`
        return n == '=' ? emit(Tok::Compare, 2) : emit(Tok::Compare, 1);
      default:
        return false;  // `$`, `?`, a backquote, a form feed, any non-ASCII byte
    }
  }

  std::string_view t_;
  std::vector<Token>& out_;
  std::vector<std::uint32_t>* shallow_;
  std::vector<char> brackets_;
};

}  // namespace

bool tokenize(std::string_view text, TokenizedFile& out) {
  out.tokens.clear();
  out.shallow_lines.clear();
  // A file far larger than any Python module would overflow the offsets.
  if (text.size() >= 0xFFFFFFF0u) return false;
  // tree-sitter's scanner takes a NUL for the end of the input, inside a
  // string too (CPython refuses the file: "source code cannot contain null
  // bytes").
  if (text.find('\0') != std::string_view::npos) return false;
  return Tokenizer(text, out.tokens, &out.shallow_lines).file();
}

bool tokenize_expression(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out) {
  out.clear();
  return Tokenizer(text, out, nullptr).expression(begin, end);
}

}  // namespace kedrolint::parse::py
