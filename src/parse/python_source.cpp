#include "parse/python_source.hpp"

#include <algorithm>
#include <vector>

#include "parse/python_indentation.hpp"
#include "parse/python_nesting.hpp"

namespace kedrolint::parse {
namespace {

std::string describe_error(ts::Node node, std::string_view text) {
  if (node.is_missing()) return "expected `" + std::string(node.type()) + "`";
  // Describe the first token tree-sitter could not place.
  ts::Node leaf = node;
  while (leaf.child_count() > 0) leaf = leaf.child(0);
  std::string token(leaf.text(text));
  if (const auto nl = token.find('\n'); nl != std::string::npos) token.resize(nl);
  if (token.size() > 40) token = token.substr(0, 40) + "...";
  if (token.empty()) return "invalid syntax";
  return "invalid syntax near `" + token + "`";
}

}  // namespace

bool may_hold_statements(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "module", "block", "function_definition", "class_definition", "decorated_definition", "if_statement",
      "elif_clause", "else_clause", "for_statement", "while_statement", "try_statement", "except_clause",
      "except_group_clause", "finally_clause", "with_statement", "match_statement", "case_clause"};
  for (const auto t : kTypes) {
    if (t == type) return true;
  }
  return false;
}

const ElidedBody* elided_body_at(const std::vector<ElidedBody>& bodies, std::uint32_t begin, std::uint32_t end) {
  if (bodies.empty()) return nullptr;
  // The first body ending after `begin`; bodies do not overlap.
  auto it = std::upper_bound(bodies.begin(), bodies.end(), begin,
                             [](std::uint32_t at, const ElidedBody& b) { return at < b.end; });
  if (it == bodies.end()) return nullptr;
  return it->begin < std::max(end, begin + 1) ? &*it : nullptr;
}

PythonSource parse_python(ts::PythonParser& parser, const core::SourceFile& file) {
  return python_source_of(parser.parse(file.text()), file);
}

PythonSource python_source_of(ts::Tree tree, const core::SourceFile& file, bool brackets_checked) {
  PythonSource out;
  out.file = &file;
  out.tree = std::move(tree);
  const ts::Node root = out.tree.root();
  if (!out.tree || root.null()) {
    out.error = SyntaxError{file.span(0, 0), "the Python parser gave up on this file (too large or too deep)"};
    return out;
  }
  out.error = first_indentation_error(file, root);
  if (!brackets_checked) {
    auto nesting = too_many_nested_parentheses(file);
    if (nesting && (!out.error || nesting->span.begin < out.error->span.begin)) out.error = std::move(nesting);
  }
  if (!root.has_error()) return out;
  // Iterative walk: input may nest thousands of levels deep.
  std::vector<ts::Node> stack{root};
  while (!stack.empty()) {
    const ts::Node n = stack.back();
    stack.pop_back();
    if (n.is_error() || n.is_missing()) {
      std::uint32_t end = n.end();
      if (n.is_missing() || end == n.start()) end = n.start();
      // Keep whichever error comes first in the file, as CPython stops there.
      if (!out.error || n.start() < out.error->span.begin) {
        out.error = SyntaxError{file.span(n.start(), end), describe_error(n, file.text())};
      }
      return out;
    }
    if (!n.has_error()) continue;
    const auto children = n.children();
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  if (!out.error) out.error = SyntaxError{file.span(0, 0), "invalid syntax"};
  return out;
}

}  // namespace kedrolint::parse
