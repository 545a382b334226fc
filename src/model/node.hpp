#pragma once
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::model {

/// A parameter of a Python function, as `inspect.signature` reports it.
struct Param {
  enum class Kind { PositionalOnly, PositionalOrKeyword, VarPositional, KeywordOnly, VarKeyword };
  std::string name;
  Kind kind = Kind::PositionalOrKeyword;
  bool has_default = false;
  std::string annotation;  ///< resolved dotted name or source text; empty if none
};

struct Signature {
  bool known = false;  ///< false for functions outside the project
  std::vector<Param> params;
};

/// What kedrolint knows about a node's callable.
struct FuncInfo {
  std::string module;    ///< `__module__` of the function object
  std::string name;      ///< `__name__`
  std::string qualname;  ///< `__qualname__`
  bool is_partial = false;  ///< a functools.partial object (Kedro names it `partial(<inner_name>)`)
  std::string inner_name;   ///< for partials: `__name__` of the function they wrap
  bool has_name = true;     ///< false for a partial without update_wrapper: no `__name__`
  bool is_lambda = false;
  /// Defined outside the project: `module` is the import path, which may not
  /// be the real `__module__`, and the signature is unknown.
  bool external = false;
  Signature signature;  ///< as `inspect.signature(func, follow_wrapped=False)` sees it
  std::string return_annotation;
  core::Span def_span;  ///< the function's name in its `def`, when in the project
  /// What `inspect.getsource` shows of the function a decorator wraps: the
  /// `def` with its decorators, or the lambda; empty for partials and
  /// functions outside the project.
  core::Span source_span;
  /// The `def` of the function object itself, a decorator's wrapper for a
  /// decorated function (`inspect.getfile` reads its file).
  core::Span object_span;

  /// "module:qualname" as the oracle writes it, or empty (null) when unknown.
  [[nodiscard]] std::string qualified() const {
    if (external || module.empty() || qualname.empty()) return {};
    return module + ":" + qualname;
  }
};

/// The FuncInfo of a node before its callable is known; shared, so that a
/// node's `func` is never null.
inline const std::shared_ptr<const FuncInfo>& no_func() {
  static const auto empty = std::make_shared<const FuncInfo>();
  return empty;
}

/// A dataset name as written, with where it came from.
struct DatasetRef {
  std::string name;
  core::Span span;
};

/// The raw `inputs=` / `outputs=` argument shape.
enum class IoForm { None, String, List, Dict };

/// A Kedro node, equal to what `kedro.pipeline.node()` builds.
struct Node {
  std::string name;  ///< `node.name`: namespace-prefixed, explicit or default
  std::optional<std::string> explicit_name;
  /// Shared by every node of one function and by the copies that renaming
  /// and tagging make: it never changes once the node is built.
  std::shared_ptr<const FuncInfo> func = no_func();
  IoForm inputs_form = IoForm::None;
  IoForm outputs_form = IoForm::None;
  std::vector<std::string> input_keys;   ///< dict keys for IoForm::Dict, in given order
  std::vector<std::string> output_keys;
  std::vector<DatasetRef> inputs;   ///< `node.inputs` order (dict inputs bound to the signature)
  std::vector<DatasetRef> outputs;  ///< `node.outputs` order
  /// Dict inputs in the order written (for renaming and Kedro's node
  /// equality). For the other forms the order written is `inputs`, and this
  /// stays empty once `order_dict_inputs` ran: read it with written_inputs().
  std::vector<DatasetRef> raw_inputs;
  std::vector<std::string> tags;    ///< sorted, unique
  std::vector<DatasetRef> confirms;
  std::string namespace_;  ///< empty: no namespace
  core::Span span;         ///< the `node(...)` call
  core::Span name_span;    ///< the `name=` argument, or the call
  core::Span tags_span;
  std::vector<core::Span> tag_spans;  ///< where each of `tags` was first added, index for index
  /// True when the order of dict inputs could not be derived from a signature.
  bool inputs_order_uncertain = false;
  /// The hash of Kedro's node equality (name, raw inputs, raw outputs),
  /// computed by `set_identity` whenever the name or datasets change. A hash
  /// rather than the key itself: the key took about 160 bytes a node.
  std::size_t identity_hash = 0;
};
using NodePtr = std::shared_ptr<const Node>;

/// Where `tag` was first added to the node, or an invalid span.
inline core::Span tag_origin(const Node& node, std::string_view tag) {
  const auto it = std::lower_bound(node.tags.begin(), node.tags.end(), tag);
  if (it == node.tags.end() || *it != tag) return {};
  const auto i = static_cast<std::size_t>(it - node.tags.begin());
  return i < node.tag_spans.size() ? node.tag_spans[i] : core::Span{};
}

/// The inputs in the order the node was given them: dict inputs in the order
/// written, the others as `inputs`.
inline const std::vector<DatasetRef>& written_inputs(const Node& node) {
  return node.inputs_form == IoForm::Dict ? node.raw_inputs : node.inputs;
}

/// A writable FuncInfo of its own for a node built by hand (tests); copies
/// the shared one on every call.
inline FuncInfo& own_func(Node& node) {
  auto copy = std::make_shared<FuncInfo>(*node.func);
  FuncInfo& writable = *copy;
  node.func = std::move(copy);
  return writable;
}

/// Kedro's `_strip_transcoding`: the part before '@'.
std::string_view strip_transcoding(std::string_view name);

}  // namespace kedrolint::model
