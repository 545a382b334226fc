#include "parse/python_indentation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kedrolint::parse {
namespace {

// Only these nodes hold blocks; lambdas and expressions never do, so the walk
// stays on statements.
// CPython's wording: "expected an indented block after 'if' statement on line 3".
std::string header_name(ts::Node owner) {
  const std::string_view t = owner.type();
  if (t == "function_definition") return "function definition";
  if (t == "class_definition") return "class definition";
  if (t == "except_group_clause") return "'except*' statement";
  if (t == "case_clause") return "'case' statement";
  if (t == "match_statement") return "'match' statement";
  auto word = std::string(t.substr(0, t.find('_')));
  return "'" + word + "' statement";
}

class IndentChecker {
 public:
  explicit IndentChecker(const core::SourceFile& file) : file_(file), text_(file.text()) {}

  std::optional<SyntaxError> run(ts::Node module) {
    // (node, the statement that owns it): tree-sitter 0.20's parent() is
    // unreliable for the zero-width block of an empty body.
    std::vector<std::pair<ts::Node, ts::Node>> stack{{module, {}}};
    while (!stack.empty()) {
      const auto [n, owner] = stack.back();
      stack.pop_back();
      if (n.is("module") || n.is("block")) check_body(n, owner);
      const auto children = n.named_children();
      for (auto c = children.rbegin(); c != children.rend(); ++c) {
        if (may_hold_statements(c->type())) stack.emplace_back(*c, n);
      }
    }
    return std::move(first_);
  }

 private:
  /// The leading whitespace of `offset`'s line, when only whitespace precedes it.
  std::optional<std::string_view> indent_before(std::uint32_t offset) const {
    std::uint32_t b = offset;
    while (b > 0 && (text_[b - 1] == ' ' || text_[b - 1] == '\t' || text_[b - 1] == '\f')) --b;
    if (b > 0 && text_[b - 1] != '\n' && text_[b - 1] != '\r') return std::nullopt;
    return text_.substr(b, offset - b);
  }

  std::string_view indent_of_line_ending_at(std::uint32_t end) const {
    std::uint32_t b = end;
    while (b > 0 && text_[b - 1] != '\n' && text_[b - 1] != '\r') --b;
    std::uint32_t e = b;
    while (e < text_.size() && (text_[e] == ' ' || text_[e] == '\t' || text_[e] == '\f')) ++e;
    return text_.substr(b, e - b);
  }

  static std::size_t width(std::string_view indent, std::size_t tab_size) {
    std::size_t col = 0;
    for (const char c : indent) {
      if (c == '\t') col = (col / tab_size + 1) * tab_size;
      else if (c == ' ') ++col;
      else col = 0;  // a form feed resets the column, as in CPython
    }
    return col;
  }
  static int compare(std::size_t a, std::size_t b) { return a < b ? -1 : a > b ? 1 : 0; }

  void check_body(ts::Node body, ts::Node owner) {
    std::vector<ts::Node> statements;
    for (const ts::Node c : body.named_children()) {
      if (!c.is("comment") && !c.is_error() && !c.is_missing()) statements.push_back(c);
    }
    if (body.is("block") && statements.empty()) {
      report_empty_block(body, owner);
      return;
    }
    std::optional<std::string_view> level;
    if (body.is("module")) level = std::string_view{};
    for (std::size_t k = 0; k < statements.size(); ++k) {
      const ts::Node s = statements[k];
      const auto indent = indent_before(s.start());
      if (!indent) continue;  // after `;` or on the header's line
      if (!level) {
        level = *indent;
        continue;
      }
      if (*indent == *level) continue;
      // CPython measures with tabs to 8 columns and checks that tabs to 1
      // column order the lines the same way (tokenizer.c, `altcol`).
      const int by8 = compare(width(*indent, 8), width(*level, 8));
      if (by8 != compare(width(*indent, 1), width(*level, 1))) {
        report(s.start(), "inconsistent use of tabs and spaces in indentation");
        continue;
      }
      if (by8 == 0) continue;
      const bool dedent =
          k > 0 && width(*indent, 8) < width(indent_of_line_ending_at(statements[k - 1].end()), 8);
      report(s.start(), dedent ? "unindent does not match any outer indentation level" : "unexpected indent");
    }
  }

  void report_empty_block(ts::Node block, ts::Node owner) {
    // CPython points at the first token after the header, or the end of the file.
    std::uint32_t at = block.start();
    while (at < text_.size()) {
      const char c = text_[at];
      if (c == '#') {
        while (at < text_.size() && text_[at] != '\n') ++at;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++at;
      } else {
        break;
      }
    }
    const auto line = owner ? file_.position(owner.start()).line : 1;
    report(at, "expected an indented block after " + (owner ? header_name(owner) : std::string("statement")) +
                   " on line " + std::to_string(line));
  }

  void report(std::uint32_t at, std::string message) {
    if (first_ && first_->span.begin <= at) return;
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(at + 1, text_.size()));
    first_ = SyntaxError{file_.span(at, end), std::move(message)};
  }

  const core::SourceFile& file_;
  std::string_view text_;
  std::optional<SyntaxError> first_;
};

}  // namespace

std::optional<SyntaxError> first_indentation_error(const core::SourceFile& file, ts::Node module) {
  return IndentChecker(file).run(module);
}

}  // namespace kedrolint::parse
