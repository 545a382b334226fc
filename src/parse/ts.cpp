#include "parse/ts.hpp"

#include <unordered_map>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace kedrolint::parse::ts {

namespace {

// One cursor per thread, reset onto each node: walking siblings with it is
// linear, and reusing it spares the allocation of its stack on every call.
struct ThreadCursor {
  TSTreeCursor cursor{};
  bool ready = false;
  ~ThreadCursor() {
    if (ready) ts_tree_cursor_delete(&cursor);
  }
  TSTreeCursor& on(TSNode node) {
    if (ready) {
      ts_tree_cursor_reset(&cursor, node);
    } else {
      cursor = ts_tree_cursor_new(node);
      ready = true;
    }
    return cursor;
  }
};

std::vector<Node> children_of(TSNode node, bool named_only) {
  std::vector<Node> out;
  if (ts_node_is_null(node)) return out;
  const std::uint32_t count = named_only ? ts_node_named_child_count(node) : ts_node_child_count(node);
  if (count == 0) return out;
  out.reserve(count);
  thread_local ThreadCursor thread_cursor;
  TSTreeCursor& cursor = thread_cursor.on(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (!named_only || ts_node_is_named(child)) out.emplace_back(child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  return out;
}

using FieldIds = std::unordered_map<std::string_view, TSFieldId>;

FieldIds build_field_ids() {
  FieldIds ids;
  const TSLanguage* language = tree_sitter_python();
  const std::uint32_t count = ts_language_field_count(language);
  for (TSFieldId id = 1; id <= count; ++id) {
    if (const char* name = ts_language_field_name_for_id(language, id)) ids.emplace(name, id);
  }
  return ids;
}

std::vector<std::string_view> build_symbol_names() {
  const TSLanguage* language = tree_sitter_python();
  std::vector<std::string_view> names(ts_language_symbol_count(language));
  for (TSSymbol symbol = 0; symbol < names.size(); ++symbol) {
    if (const char* name = ts_language_symbol_name(language, symbol)) names[symbol] = name;
  }
  return names;
}

}  // namespace

std::string_view Node::type() const {
  if (null()) return {};
  static const std::vector<std::string_view> names = build_symbol_names();
  const TSSymbol symbol = ts_node_symbol(raw_);
  // ERROR and the other built-in symbols lie outside the grammar's table.
  return symbol < names.size() ? names[symbol] : std::string_view(ts_node_type(raw_));
}

Node Node::field(std::string_view name) const {
  static const FieldIds ids = build_field_ids();
  const auto it = ids.find(name);
  if (it == ids.end() || null()) return Node();
  return Node(ts_node_child_by_field_id(raw_, it->second));
}

std::vector<Node> Node::named_children() const { return children_of(raw_, true); }
std::vector<Node> Node::children() const { return children_of(raw_, false); }

PythonParser::PythonParser() { start(); }

void PythonParser::start() {
  raw_.reset(ts_parser_new());
  ready_ = ts_parser_set_language(raw_.get(), tree_sitter_python());
  // Bounded time on hostile input: tree-sitter gives up after this long.
  ts_parser_set_timeout_micros(raw_.get(), 20'000'000);
}

// tree-sitter-python 0.23's scanner keeps one flag across parses: "inside
// an f-string", which its reset does not clear. A file that ends inside an
// f-string (a syntax error) left it set, and the next file the parser read
// lost its DEDENT tokens until its first string: a valid file was reported
// as a syntax error, depending on which file the thread had parsed before.
// Only a tree with an error can leave the flag set, so after one the next
// parse gets a new parser.
void PythonParser::renew_if_needed() {
  if (!renew_) return;
  renew_ = false;
  start();
}

Tree PythonParser::finished(Tree tree) {
  const Node root = tree.root();
  renew_ = root.null() || root.has_error();
  return tree;
}

Tree PythonParser::parse(std::string_view source) {
  renew_if_needed();
  if (!ready_) return Tree();
  ts_parser_reset(raw_.get());
  return finished(
      Tree(ts_parser_parse_string(raw_.get(), nullptr, source.data(), static_cast<std::uint32_t>(source.size()))));
}

Tree PythonParser::parse_range(std::string_view source, std::uint32_t begin, std::uint32_t end, TSPoint begin_point,
                               TSPoint end_point) {
  renew_if_needed();
  if (!ready_) return Tree();
  ts_parser_reset(raw_.get());
  const TSRange range{begin_point, end_point, begin, end};
  if (!ts_parser_set_included_ranges(raw_.get(), &range, 1)) return Tree();
  Tree tree(ts_parser_parse_string(raw_.get(), nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
  (void)ts_parser_set_included_ranges(raw_.get(), nullptr, 0);  // the whole source again
  return finished(std::move(tree));
}

std::uint32_t PythonParser::grammar_abi() { return ts_language_version(tree_sitter_python()); }
std::uint32_t PythonParser::runtime_abi() { return TREE_SITTER_LANGUAGE_VERSION; }

}  // namespace kedrolint::parse::ts
