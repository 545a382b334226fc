#pragma once
// Whether parsing a file with function bodies elided (parse_python_skeleton)
// tells the same as parsing it whole (parse_python): the same syntax error,
// the same nodes outside the elided bodies, elided bodies that parse whole
// without error or import, and top-level functions that parse alone into the
// same subtree. Used by the unit tests over snippets and fixtures, and by the
// fuzz_skeleton target over arbitrary input.
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "parse/python_skeleton.hpp"

namespace kedrolint::testing {

using NodeKey = std::tuple<std::string, std::uint32_t, std::uint32_t>;

inline bool starts_in_elided(const std::vector<parse::ElidedBody>& bodies, std::uint32_t begin) {
  for (const auto& b : bodies) {
    if (begin >= b.begin && begin < b.end) return true;
  }
  return false;
}

/// Every node under `root` in document order, but those that start inside
/// `bodies`. (A comment right after a body may belong to a statement of the
/// body in the whole tree and to the function's block in the elided one:
/// the statements around it start inside the body, so they are left out,
/// and the comment is kept.)
inline std::vector<NodeKey> nodes_outside(parse::ts::Node root, const std::vector<parse::ElidedBody>& bodies) {
  std::vector<NodeKey> out;
  std::vector<parse::ts::Node> stack{root};
  while (!stack.empty()) {
    const parse::ts::Node n = stack.back();
    stack.pop_back();
    if (n.null()) continue;
    if (!starts_in_elided(bodies, n.start())) out.emplace_back(std::string(n.type()), n.start(), n.end());
    const auto children = n.children();
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  return out;
}

inline parse::ts::Node definition_at(const parse::ts::Tree& tree, std::uint32_t begin, std::uint32_t end) {
  parse::ts::Node n = tree.root().descendant_for(begin, end);
  while (!n.null() && !(n.is("function_definition") && n.start() == begin && n.end() == end)) n = n.parent();
  return n;
}

inline bool holds(parse::ts::Node root, bool (*pred)(parse::ts::Node)) {
  std::vector<parse::ts::Node> stack{root};
  while (!stack.empty()) {
    const parse::ts::Node n = stack.back();
    stack.pop_back();
    if (pred(n)) return true;
    const auto children = n.children();
    stack.insert(stack.end(), children.begin(), children.end());
  }
  return false;
}

/// Empty when the skeleton parse of `file` is equivalent to the whole parse,
/// else what differs.
inline std::string skeleton_mismatch(parse::ts::PythonParser& parser, const core::SourceFile& file) {
  const parse::PythonSource whole = parse::parse_python(parser, file);
  const parse::PythonSource skeleton = parse::parse_python_skeleton(parser, file);
  std::ostringstream why;
  if (whole.error.has_value() != skeleton.error.has_value()) {
    why << "syntax error " << (whole.error ? "only in the whole parse: " + whole.error->message
                                           : "only in the skeleton parse: " + skeleton.error->message);
    return why.str();
  }
  if (whole.error && (whole.error->span.begin != skeleton.error->span.begin ||
                      whole.error->span.end != skeleton.error->span.end ||
                      whole.error->message != skeleton.error->message)) {
    why << "different syntax errors: " << whole.error->message << " at " << whole.error->span.begin << " against "
        << skeleton.error->message << " at " << skeleton.error->span.begin;
    return why.str();
  }
  if (skeleton.elided.empty()) return {};
  if (whole.error) return "bodies elided in a file with a syntax error";
  if (nodes_outside(whole.tree.root(), skeleton.elided) != nodes_outside(skeleton.tree.root(), skeleton.elided)) {
    return "the trees differ outside the elided bodies";
  }
  for (const auto& body : skeleton.elided) {
    const parse::ts::Node def = definition_at(whole.tree, body.def_begin, body.def_end);
    if (def.null()) return "no function_definition at " + std::to_string(body.def_begin) + " in the whole parse";
    const bool bad = holds(def, [](parse::ts::Node n) {
      return n.is_error() || n.is_missing() || n.is("import_statement") || n.is("import_from_statement") ||
             n.is("future_import_statement");
    });
    if (bad) return "an elided body holds an error or an import, at " + std::to_string(body.begin);
    if (!body.top_level) continue;
    const parse::PythonSource alone = parse::parse_python_function(parser, file, body);
    if (!alone.tree) return "the function at " + std::to_string(body.def_begin) + " does not parse alone";
    parse::ts::Node def_alone = definition_at(alone.tree, body.def_begin, body.def_end);
    parse::ts::Node statement = def;
    if (def.parent().is("decorated_definition")) {
      statement = def.parent();
      def_alone = def_alone.parent();
    }
    if (nodes_outside(statement, {}) != nodes_outside(def_alone, {})) {
      return "the function at " + std::to_string(body.def_begin) + " parses alone into another tree";
    }
  }
  return {};
}

}  // namespace kedrolint::testing
