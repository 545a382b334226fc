#include "suppress/directives.hpp"

#include <cctype>
#include <optional>

#include "core/text.hpp"

namespace kedrolint::suppress {
namespace {

struct Comment {
  std::uint32_t begin;  ///< offset of '#'
  std::uint32_t end;
  bool own_line;  ///< only whitespace before it on its line
};

bool only_space_before(std::string_view text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] != '\n' && text[pos - 1] != '\r') {
    if (text[pos - 1] != ' ' && text[pos - 1] != '\t') return false;
    --pos;
  }
  return true;
}

std::size_t line_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}

// Python: skips string literals (any prefix, single or triple quoted).
std::vector<Comment> python_comments(std::string_view text) {
  std::vector<Comment> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#') {
      const std::size_t end = line_end(text, i);
      out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), only_space_before(text, i)});
      i = end;
      continue;
    }
    if (c == '\'' || c == '"') {
      const bool triple = text.substr(i, 3) == std::string(3, c);
      const std::size_t q = triple ? 3 : 1;
      // Raw prefixes keep backslashes literal, but \" still does not end the
      // string in Python, so escapes are skipped either way.
      i += q;
      while (i < text.size()) {
        if (text[i] == '\\') {
          i += 2;
          continue;
        }
        if (!triple && (text[i] == '\n' || text[i] == '\r')) break;
        if (text.substr(i, q) == std::string(q, c)) {
          i += q;
          break;
        }
        ++i;
      }
      continue;
    }
    ++i;
  }
  return out;
}

// YAML and TOML: '#' starts a comment at line start or after whitespace,
// outside quoted scalars on that line.
std::vector<Comment> hash_comments(std::string_view text) {
  std::vector<Comment> out;
  std::size_t i = 0;
  char quote = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      quote = 0;
      ++i;
      continue;
    }
    if (quote) {
      if (quote == '"' && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) quote = 0;
      ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == 0 || std::string_view(" \t:[{,-\n").find(text[i - 1]) != std::string_view::npos)) {
      quote = c;
      ++i;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      const std::size_t end = line_end(text, i);
      out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), only_space_before(text, i)});
      i = end;
      continue;
    }
    ++i;
  }
  return out;
}

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  const auto t = core::trim(line);
  return t.empty() || t.front() == '#';
}

int bracket_delta(std::string_view line) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#') break;
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
  }
  return depth;
}

// The lines an own-line `ignore` covers: the next statement (Python: until
// its brackets close) or the next YAML entry with everything nested in it.
std::pair<std::uint32_t, std::uint32_t> next_block(const core::SourceFile& file, std::uint32_t after, Syntax syntax) {
  const auto count = static_cast<std::uint32_t>(file.lines().line_count());
  std::uint32_t first = after + 1;
  while (first <= count && blank_or_comment(file.line_text(first))) ++first;
  if (first > count) return {after, after};
  std::uint32_t last = first;
  if (syntax == Syntax::Python) {
    int depth = bracket_delta(file.line_text(first));
    std::string_view text = core::trim(file.line_text(first));
    while (last < count && (depth > 0 || (!text.empty() && text.back() == '\\'))) {
      ++last;
      text = core::trim(file.line_text(last));
      depth += bracket_delta(file.line_text(last));
    }
  } else {
    const std::size_t indent = indent_of(file.line_text(first));
    while (last < count) {
      const auto next = file.line_text(last + 1);
      if (!blank_or_comment(next) && indent_of(next) <= indent) break;
      ++last;
    }
    while (last > first && blank_or_comment(file.line_text(last))) --last;
  }
  return {first, last};
}

// Reads `[KL301, KL302]` at body[pos] into `d`, moving `pos` past the `]`.
// Returns what is wrong, if anything.
std::optional<std::string> read_codes(const core::SourceFile& file, const Comment& comment, std::string_view body,
                                      std::size_t& pos, Directive& d, const std::string& example) {
  const auto close = body.find(']', pos);
  if (close == std::string_view::npos) return std::string("missing `]` after the rule codes");
  for (std::size_t item = pos + 1; item < close;) {
    while (item < close && (body[item] == ' ' || body[item] == ',')) ++item;
    std::size_t item_end = item;
    while (item_end < close && body[item_end] != ',' && body[item_end] != ' ') ++item_end;
    if (item_end > item) {
      d.codes.emplace_back(body.substr(item, item_end - item));
      d.code_spans.push_back(file.span(comment.begin + static_cast<std::uint32_t>(item),
                                       comment.begin + static_cast<std::uint32_t>(item_end)));
    }
    item = item_end;
  }
  if (d.codes.empty()) return "empty rule list; name the codes, e.g. " + example;
  pos = close + 1;
  return std::nullopt;
}

std::optional<Directive> parse_directive(const core::SourceFile& file, const Comment& comment, Syntax syntax) {
  std::string_view body = file.text().substr(comment.begin, comment.end - comment.begin);
  // "# kedrolint: ..." (also accepted inside another comment: "# noqa # kedrolint: ...")
  // Only where a comment starts: "# see kedrolint: docs" is prose, not a directive.
  std::size_t at = std::string_view::npos;
  for (auto hit = body.find("kedrolint:"); hit != std::string_view::npos; hit = body.find("kedrolint:", hit + 1)) {
    std::size_t before = hit;
    while (before > 0 && body[before - 1] == ' ') --before;
    if (before > 0 && body[before - 1] == '#') {
      at = hit;
      break;
    }
  }
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t pos = at + 10;
  while (pos < body.size() && body[pos] == ' ') ++pos;
  Directive d;
  const auto start = comment.begin + static_cast<std::uint32_t>(at);
  d.span = file.span(start, comment.end);
  std::size_t word_end = pos;
  while (word_end < body.size() && (std::isalpha(static_cast<unsigned char>(body[word_end])) || body[word_end] == '-')) {
    ++word_end;
  }
  const std::string_view word = body.substr(pos, word_end - pos);
  if (word == "ignore") d.kind = Directive::Kind::Ignore;
  else if (word == "disable") d.kind = Directive::Kind::Disable;
  else if (word == "enable") d.kind = Directive::Kind::Enable;
  else if (word == "file-ignore") d.kind = Directive::Kind::FileIgnore;
  else {
    d.kind = Directive::Kind::Malformed;
    d.problem = word.empty() ? "expected `ignore`, `disable`, `enable` or `file-ignore` after `kedrolint:`"
                             : "unknown directive `" + std::string(word) + "`";
    return d;
  }
  pos = word_end;
  while (pos < body.size() && body[pos] == ' ') ++pos;
  const std::string example = "`" + std::string(word) + "[KL301]`";
  const std::string_view after_word = core::trim(body.substr(pos));
  const bool nothing_follows =
      after_word.empty() || after_word.substr(0, 2) == "--" || after_word.front() == '#';
  if (d.kind == Directive::Kind::Ignore && nothing_follows) {
    // A bare `ignore` covers every rule on its line (like a bare `# noqa`);
    // KL003 reports it when nothing it covers is reported.
    pos = body.size() - after_word.size();
  } else if (pos >= body.size() || body[pos] != '[') {
    d.kind = Directive::Kind::Malformed;
    d.problem = "`" + std::string(word) + "` needs rule codes in brackets, e.g. " + example;
    return d;
  } else {
    if (auto problem = read_codes(file, comment, body, pos, d, example)) {
      d.kind = Directive::Kind::Malformed;
      d.problem = std::move(*problem);
      return d;
    }
  }
  // What may follow the codes: nothing, a ` -- reason`, or another comment.
  const std::string_view rest = core::trim(body.substr(pos));
  if (!rest.empty() && rest.substr(0, 2) != "--" && rest.front() != '#') {
    d.kind = Directive::Kind::Malformed;
    d.problem = "unexpected text after the rule codes; write a reason after ` -- `";
    return d;
  }
  if (rest.substr(0, 2) == "--") d.reason = std::string(core::trim(rest.substr(2)));
  const std::uint32_t line = file.position(comment.begin).line;
  if (comment.own_line && d.kind == Directive::Kind::Ignore) {
    std::tie(d.first_line, d.last_line) = next_block(file, line, syntax);
  } else {
    d.first_line = d.last_line = line;
  }
  return d;
}

}  // namespace

std::vector<Directive> lex_directives(const core::SourceFile& file, Syntax syntax) {
  std::vector<Directive> out;
  if (file.text().find("kedrolint:") == std::string_view::npos) return out;
  const auto comments = syntax == Syntax::Python ? python_comments(file.text()) : hash_comments(file.text());
  for (const auto& c : comments) {
    if (auto d = parse_directive(file, c, syntax)) out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace kedrolint::suppress
