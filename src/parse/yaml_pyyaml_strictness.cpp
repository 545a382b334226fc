#include "parse/yaml_pyyaml_strictness.hpp"

#include <string_view>

namespace kedrolint::parse {
namespace {

class Scanner {
 public:
  Scanner(const core::SourceFile& file, const std::unordered_set<std::uint32_t>& quoted_starts)
      : file_(file), text_(file.text()), quoted_starts_(quoted_starts) {}

  std::optional<YamlError> run() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == '\n' || c == '\r') {
        new_line();
        continue;
      }
      if (c == ' ') {
        ++i_;
        continue;
      }
      if (c == '\t') {
        return error(i_, "found character '\\t' that cannot start any token (PyYAML, which Kedro uses, "
                         "allows tabs only inside quoted scalars, block scalars and comments)");
      }
      if (c == '#' && (i_ == 0 || text_[i_ - 1] == ' ' || text_[i_ - 1] == '\t' || text_[i_ - 1] == '\n')) {
        skip_to_line_end();
        continue;
      }
      if (token_start_ && (c == '\'' || c == '"')) {
        if (auto e = skip_quoted(c)) return e;
        token_start_ = false;
        continue;
      }
      if (token_start_ && flow_depth_ == 0 && (c == '|' || c == '>')) {
        skip_block_scalar();
        continue;
      }
      if (token_start_ && (c == '&' || c == '!')) {
        while (i_ < text_.size() && !is_space_or_break(text_[i_])) ++i_;
        continue;
      }
      step_over(c);
    }
    return std::nullopt;
  }

 private:
  static bool is_space_or_break(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  bool followed_by_space(std::size_t at) const {
    return at + 1 >= text_.size() || is_space_or_break(text_[at + 1]);
  }

  void step_over(char c) {
    if (c == '[' || c == '{') ++flow_depth_;
    if ((c == ']' || c == '}') && flow_depth_ > 0) --flow_depth_;
    token_start_ = c == '[' || c == '{' || c == ',' ||
                   ((c == ':' || c == '-' || c == '?') && (followed_by_space(i_) || flow_depth_ > 0));
    ++i_;
  }

  void new_line() {
    if (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
    ++i_;
    line_start_ = i_;
    token_start_ = true;
  }

  void skip_to_line_end() {
    while (i_ < text_.size() && text_[i_] != '\n' && text_[i_] != '\r') ++i_;
  }

  std::optional<YamlError> skip_quoted(char quote) {
    const std::size_t open = i_++;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (quote == '"' && c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && i_ + 1 < text_.size() && text_[i_ + 1] == '\'') {
          i_ += 2;
          continue;
        }
        ++i_;
        return std::nullopt;
      }
      ++i_;
    }
    if (quoted_starts_.count(static_cast<std::uint32_t>(open)) == 0) return std::nullopt;
    return error(open, std::string("the quoted scalar opened here is never closed (found the end of the file); ") +
                           "close it with " + (quote == '\'' ? "'" : "\""));
  }

  std::size_t indent_of_line(std::size_t start) const {
    std::size_t n = 0;
    while (start + n < text_.size() && text_[start + n] == ' ') ++n;
    return n;
  }

  // The body of `|` or `>` is every following line indented deeper than the
  // line holding the indicator, plus blank lines in between.
  void skip_block_scalar() {
    const std::size_t parent = indent_of_line(line_start_);
    skip_to_line_end();
    while (i_ < text_.size()) {
      std::size_t next = i_;
      if (text_[next] == '\r' && next + 1 < text_.size() && text_[next + 1] == '\n') ++next;
      ++next;
      if (next >= text_.size()) break;
      const std::size_t indent = indent_of_line(next);
      const char first = next + indent < text_.size() ? text_[next + indent] : '\n';
      const bool blank = first == '\n' || first == '\r';
      if (!blank && indent <= parent) break;
      i_ = next;
      line_start_ = next;
      skip_to_line_end();
    }
  }

  YamlError error(std::size_t at, std::string message) const {
    const auto offset = static_cast<std::uint32_t>(at);
    return YamlError{file_.span(offset, offset + 1), std::move(message)};
  }

  const core::SourceFile& file_;
  std::string_view text_;
  const std::unordered_set<std::uint32_t>& quoted_starts_;
  std::size_t i_ = 0;
  std::size_t line_start_ = 0;
  int flow_depth_ = 0;
  bool token_start_ = true;
};

}  // namespace

std::optional<YamlError> pyyaml_rejection(const core::SourceFile& file,
                                          const std::unordered_set<std::uint32_t>& quoted_starts) {
  // Most files have neither a tab nor an odd number of quotes: skip the scan.
  if (file.text().find('\t') == std::string_view::npos && quoted_starts.empty()) return std::nullopt;
  return Scanner(file, quoted_starts).run();
}

}  // namespace kedrolint::parse
