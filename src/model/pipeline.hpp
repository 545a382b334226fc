#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "model/name_set.hpp"
#include "model/node.hpp"

namespace kedrolint::model {

/// A construct the evaluator could not evaluate statically.
struct Unknown {
  std::string reason;
  core::Span span;
  /// The construct certainly fails when Python runs it (NameError,
  /// ImportError...), as opposed to being merely unknowable statically.
  bool is_error = false;
  std::string missing_name{};            ///< the undefined name, for errors
  std::vector<std::string> suggestions{};  ///< close names that do exist
  bool reported = false;                 ///< a more specific rule already reports it
  std::string exception{};               ///< the Python exception class raised, for errors
  std::string help{};                    ///< how to fix it, when more than the suggestions
};

/// A Kedro Pipeline: its nodes in construction order (Kedro's `_nodes`),
/// plus every piece that could not be evaluated. A pipeline with unknowns
/// is incomplete: its nodes are what could be established, never a guess.
struct Pipeline {
  std::vector<NodePtr> nodes;
  std::vector<Unknown> unknowns;
  core::Span span;  ///< where it was built

  [[nodiscard]] bool complete() const { return unknowns.empty(); }
};
using PipelinePtr = std::shared_ptr<const Pipeline>;

/// For each node (by index), the indices of the nodes it depends on, sorted
/// and unique. One flat array with offsets: a vector per node made tens of
/// thousands of small allocations per registered pipeline, and freeing them
/// cost as much again. model/pipeline.cpp uses the same shape for each
/// node's children and each name's producers.
class ParentLists {
 public:
  ParentLists() = default;
  /// `offsets` has one entry per node plus one; node i's parents are
  /// `parents[offsets[i] .. offsets[i + 1])`.
  ParentLists(std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> parents)
      : offsets_(std::move(offsets)), parents_(std::move(parents)) {}
  [[nodiscard]] std::span<const std::uint32_t> operator[](std::size_t node) const {
    return {parents_.data() + offsets_[node], offsets_[node + 1] - offsets_[node]};
  }
  [[nodiscard]] std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> parents_;
};

/// Kedro's topological order: graphlib layers, each sorted by node name.
/// Nodes on a cycle are left out of `order` and listed in `cyclic`.
/// `ignore_self_dependencies`: before Kedro 0.19.4 the `toposort` library
/// drops a node's dependency on itself (`x@a` in, `x@b` out).
struct TopoOrder {
  std::vector<NodePtr> order;
  /// Where each layer ends in `order`: layer k is `order[layer_ends[k - 1] .. layer_ends[k])`.
  std::vector<std::uint32_t> layer_ends;
  std::vector<NodePtr> cyclic;
  /// The parents of each node of `order`, by position in `order` (a parent
  /// of an ordered node is always ordered), for the queries that follow.
  ParentLists parents;
};
TopoOrder toposort(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies = false);

/// A parent produces a transcoding-stripped name the child consumes.
ParentLists node_parents(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies = false);

/// `Pipeline.inputs()` / `.outputs()`: free inputs and outputs, raw names.
std::set<std::string> free_inputs(const std::vector<NodePtr>& nodes);
std::set<std::string> free_outputs(const std::vector<NodePtr>& nodes);
/// `Pipeline.datasets()`: every input and output name.
std::set<std::string> all_datasets(const std::vector<NodePtr>& nodes);

/// The three at once, with one pass over the intermediate names, as views
/// into `nodes`' dataset names: valid as long as those nodes.
struct PipelineDatasets {
  NameSet free_inputs, free_outputs, datasets;
};
PipelineDatasets pipeline_datasets(const std::vector<NodePtr>& nodes);

/// The order and the datasets at once, from one pass over the names.
struct PipelineFacts {
  TopoOrder order;
  PipelineDatasets datasets;
};
PipelineFacts pipeline_facts(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies = false);

}  // namespace kedrolint::model

namespace kedrolint::model {

/// Kedro's `Pipeline._validate_namespaces` (0.19.13+): a namespace whose
/// nodes are not contiguous in the DAG. `node` re-enters `namespace_` after
/// the path `path` (from a node of the namespace, through other nodes).
struct NamespaceInterruption {
  std::string namespace_;
  NodePtr node;
  std::vector<NodePtr> path;  ///< Kedro's `path[:-1]`: the nodes outside the namespace, in order
};
std::vector<NamespaceInterruption> interrupted_namespaces(const std::vector<NodePtr>& nodes);
/// The same on nodes already in Kedro's topological order (without ignoring self dependencies).
std::vector<NamespaceInterruption> interrupted_namespaces(const TopoOrder& order);

}  // namespace kedrolint::model
