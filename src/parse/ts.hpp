#pragma once
// Move-only RAII wrappers over the tree-sitter C API. No raw ts_* call or
// handle leaves src/parse/.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace kedrolint::parse::ts {

/// A syntax node. Valid only while the Tree it came from is alive; the
/// evaluator keeps every Tree of a run alive until the run ends.
class Node {
 public:
  Node() = default;
  explicit Node(TSNode raw) : raw_(raw) {}

  [[nodiscard]] bool null() const { return ts_node_is_null(raw_); }
  explicit operator bool() const { return !null(); }
  /// The node's type name, from a table built once (ts_node_type's C string
  /// would be measured on every comparison).
  [[nodiscard]] std::string_view type() const;
  [[nodiscard]] bool is(std::string_view t) const { return !null() && type() == t; }
  [[nodiscard]] bool named() const { return ts_node_is_named(raw_); }
  [[nodiscard]] bool is_error() const { return !null() && type() == "ERROR"; }
  [[nodiscard]] bool is_missing() const { return ts_node_is_missing(raw_); }
  [[nodiscard]] bool has_error() const { return ts_node_has_error(raw_); }
  [[nodiscard]] std::uint32_t start() const { return ts_node_start_byte(raw_); }
  [[nodiscard]] std::uint32_t end() const { return ts_node_end_byte(raw_); }
  [[nodiscard]] std::uint32_t child_count() const { return ts_node_child_count(raw_); }
  [[nodiscard]] std::uint32_t named_child_count() const { return ts_node_named_child_count(raw_); }
  [[nodiscard]] Node child(std::uint32_t i) const { return Node(ts_node_child(raw_, i)); }
  [[nodiscard]] Node named_child(std::uint32_t i) const { return Node(ts_node_named_child(raw_, i)); }
  /// The named children in order. Loop over these, not named_child(i):
  /// tree-sitter 0.20 finds child i by walking from the first, so indexing
  /// a 3-million-item list literal item by item never finishes.
  [[nodiscard]] std::vector<Node> named_children() const;
  /// All children in order, anonymous tokens included (same reason).
  [[nodiscard]] std::vector<Node> children() const;
  /// The child in field `name`. The name is mapped to the grammar's field id
  /// through a table built once: tree-sitter's own lookup compares the name
  /// with every field of the grammar, and the evaluator asks on every call.
  [[nodiscard]] Node field(std::string_view name) const;
  /// The field name of child `i`, or empty.
  [[nodiscard]] std::string_view field_name_of_child(std::uint32_t i) const {
    const char* name = ts_node_field_name_for_child(raw_, i);
    return name ? std::string_view(name) : std::string_view{};
  }
  [[nodiscard]] Node parent() const { return Node(ts_node_parent(raw_)); }
  /// The deepest node under this one that spans [begin, end).
  [[nodiscard]] Node descendant_for(std::uint32_t begin, std::uint32_t end) const {
    return Node(ts_node_descendant_for_byte_range(raw_, begin, end));
  }
  [[nodiscard]] Node next_named_sibling() const { return Node(ts_node_next_named_sibling(raw_)); }
  [[nodiscard]] std::string_view text(std::string_view source) const {
    return source.substr(start(), end() - start());
  }
  [[nodiscard]] TSPoint start_point() const { return ts_node_start_point(raw_); }
  friend bool operator==(const Node& a, const Node& b) { return ts_node_eq(a.raw_, b.raw_); }

 private:
  TSNode raw_{};
};

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

class Tree {
 public:
  Tree() = default;
  explicit Tree(TSTree* raw) : raw_(raw) {}
  [[nodiscard]] Node root() const { return raw_ ? Node(ts_tree_root_node(raw_.get())) : Node(); }
  explicit operator bool() const { return static_cast<bool>(raw_); }

 private:
  std::unique_ptr<TSTree, TreeDeleter> raw_;
};

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

/// A Python parser. Not thread-safe: use one per thread.
class PythonParser {
 public:
  PythonParser();
  /// False when the runtime rejected the grammar (ABI mismatch).
  [[nodiscard]] bool ready() const { return ready_; }
  [[nodiscard]] Tree parse(std::string_view source);
  /// Parses only `source[begin, end)`, whose ends are at the given points
  /// (0-based row, byte column): nodes keep their offsets in the whole source.
  [[nodiscard]] Tree parse_range(std::string_view source, std::uint32_t begin, std::uint32_t end, TSPoint begin_point,
                                 TSPoint end_point);
  /// The grammar's ABI version and the runtime's accepted range, for errors.
  static std::uint32_t grammar_abi();
  static std::uint32_t runtime_abi();

 private:
  /// A new TSParser, set to Python.
  void start();
  /// A new TSParser when the last tree had an error (see parse).
  void renew_if_needed();
  Tree finished(Tree tree);

  std::unique_ptr<TSParser, ParserDeleter> raw_;
  bool ready_ = false;
  bool renew_ = false;
};

}  // namespace kedrolint::parse::ts
