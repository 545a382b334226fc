#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/node.hpp"

namespace kedrolint::model {

/// A construct the evaluator could not evaluate statically.
struct Unknown {
  std::string reason;
  core::Span span;
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

/// Kedro's topological order: graphlib layers, each sorted by node name.
/// Nodes on a cycle are left out of `order` and listed in `cyclic`.
struct TopoOrder {
  std::vector<NodePtr> order;
  std::vector<std::vector<NodePtr>> layers;
  std::vector<NodePtr> cyclic;
};
TopoOrder toposort(const std::vector<NodePtr>& nodes);

/// For each node (by index), the indices of the nodes it depends on
/// (a parent produces a transcoding-stripped name the child consumes).
std::vector<std::vector<std::size_t>> node_parents(const std::vector<NodePtr>& nodes);

/// `Pipeline.inputs()` / `.outputs()`: free inputs and outputs, raw names.
std::set<std::string> free_inputs(const std::vector<NodePtr>& nodes);
std::set<std::string> free_outputs(const std::vector<NodePtr>& nodes);
/// `Pipeline.datasets()`: every input and output name.
std::set<std::string> all_datasets(const std::vector<NodePtr>& nodes);

}  // namespace kedrolint::model
