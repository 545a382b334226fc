#pragma once
// Kedro's pipeline algebra on model nodes (kedro/pipeline/pipeline.py):
// namespacing and mapping, set operations, tags and filters.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/node.hpp"
#include "model/pipeline.hpp"
#include "project/kedro_version.hpp"

namespace kedrolint::model {

/// Node equality as Kedro defines it: (name, raw inputs, raw outputs), dict
/// inputs and outputs compared as sets of pairs.
bool same_node(const Node& a, const Node& b);
/// Hashes that equality into `Node::identity_hash`; call it whenever the
/// name or the datasets change.
void set_identity(Node& node);

/// Nodes by Kedro's node equality (a set of nodes as `Pipeline` keeps them).
struct NodeIdentityHash {
  std::size_t operator()(const Node* node) const { return node->identity_hash; }
};
struct NodeIdentityEqual {
  bool operator()(const Node* a, const Node* b) const { return a == b || same_node(*a, *b); }
};
using NodeIdentitySet = std::unordered_set<const Node*, NodeIdentityHash, NodeIdentityEqual>;

/// `Node.inputs` for dict inputs: bound to the signature (named parameters in
/// signature order, then **kwargs extras in the order given). Sets
/// `inputs_order_uncertain` when the signature is unknown.
void order_dict_inputs(Node& node);

/// Kedro's `_is_parameter` (kedro/pipeline/modular_pipeline.py): `params:`
/// names and `parameters`; before 0.18 (`legacy_prefixes`, its
/// `_PARAMETER_KEYWORDS`) every name that starts with `parameters`.
bool is_parameter_name(std::string_view name, bool legacy_prefixes);

/// `Pipeline._rename`: mapped names verbatim, `parameters` untouched,
/// transcoding bases mapped, `params:` and datasets prefixed by the namespace.
/// `keep_parameters`: Kedro 0.17, whose `_is_parameter` leaves every name
/// starting with `params:` or `parameters` unprefixed.
std::string rename_dataset(const std::string& name, const std::map<std::string, std::string>& mapping,
                           const std::string& namespace_, bool prefix, bool keep_parameters = false);

/// `Pipeline._copy_node`: renamed inputs/outputs/confirms, composed namespace,
/// name recomputed. Nullopt when the name cannot be computed.
std::optional<NodePtr> copy_node(const Node& node, const std::map<std::string, std::string>& mapping,
                                 const std::string& namespace_, bool prefix, bool rename_confirms,
                                 const project::KedroVersion& version);

/// A copy of `node` with `tags` added (`where`: the argument that adds them).
NodePtr tag_node(const NodePtr& node, const std::vector<std::string>& tags, core::Span where);

/// `set(a) | set(b)` keeping the first of equal nodes; `-` and `&`.
std::vector<NodePtr> union_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b);
std::vector<NodePtr> difference_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b);
/// The nodes of `a` equal to a node of `b`, in `a`'s order.
std::vector<NodePtr> intersection_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b);
/// `Pipeline.__and__`: `set(a) & set(b)`. Equal nodes may differ in tags, so
/// which operand's copy survives matters: CPython's set_intersection walks the
/// smaller set and keeps its elements, and walks `b` when the sizes are equal.
std::vector<NodePtr> pipeline_and(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b);

/// Filters of `Pipeline` (all return nodes of `nodes`). `missing` receives
/// names the filter did not find (Kedro raises ValueError for those).
std::vector<NodePtr> only_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                                std::vector<std::string>& missing);
std::vector<NodePtr> only_nodes_with_tags(const std::vector<NodePtr>& nodes, const std::vector<std::string>& tags);
/// Kedro 1.x `only_nodes_with_namespaces` (`exact_or_child`) or 0.19
/// `only_nodes_with_namespace` (prefix): each namespace's matches in turn, so a
/// node matching two namespaces appears twice (Pipeline() then rejects it).
std::vector<NodePtr> only_nodes_with_namespaces(const std::vector<NodePtr>& nodes,
                                                const std::vector<std::string>& namespaces, bool exact_or_child,
                                                std::vector<std::string>& missing);
std::vector<NodePtr> only_nodes_with_inputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                            std::vector<std::string>& missing);
std::vector<NodePtr> only_nodes_with_outputs(const std::vector<NodePtr>& nodes,
                                             const std::vector<std::string>& datasets,
                                             std::vector<std::string>& missing);
std::vector<NodePtr> from_inputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                 std::vector<std::string>& missing);
std::vector<NodePtr> to_outputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                std::vector<std::string>& missing);
std::vector<NodePtr> from_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                                std::vector<std::string>& missing);
std::vector<NodePtr> to_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                              std::vector<std::string>& missing);

}  // namespace kedrolint::model
