#include "parse/ts.hpp"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace kedrolint::parse::ts {

namespace {

// Below this many children indexing is cheaper than a cursor, which allocates.
constexpr std::uint32_t kIndexedChildren = 24;

std::vector<Node> children_of(TSNode node, bool named_only) {
  std::vector<Node> out;
  if (ts_node_is_null(node)) return out;
  const std::uint32_t count = ts_node_child_count(node);
  out.reserve(count);
  if (count <= kIndexedChildren) {
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode child = ts_node_child(node, i);
      if (!named_only || ts_node_is_named(child)) out.emplace_back(child);
    }
    return out;
  }
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (!named_only || ts_node_is_named(child)) out.emplace_back(child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace

std::vector<Node> Node::named_children() const { return children_of(raw_, true); }
std::vector<Node> Node::children() const { return children_of(raw_, false); }

PythonParser::PythonParser() : raw_(ts_parser_new()) {
  ready_ = ts_parser_set_language(raw_.get(), tree_sitter_python());
  // Bounded time on hostile input: tree-sitter gives up after this long.
  ts_parser_set_timeout_micros(raw_.get(), 20'000'000);
}

Tree PythonParser::parse(std::string_view source) {
  if (!ready_) return Tree();
  ts_parser_reset(raw_.get());
  return Tree(ts_parser_parse_string(raw_.get(), nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
}

std::uint32_t PythonParser::grammar_abi() { return ts_language_version(tree_sitter_python()); }
std::uint32_t PythonParser::runtime_abi() { return TREE_SITTER_LANGUAGE_VERSION; }

}  // namespace kedrolint::parse::ts
