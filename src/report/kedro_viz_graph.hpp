#pragma once
// Kedro-Viz's flowchart of the registered pipelines, rebuilt from the model
// the way kedro_viz/data_access/managers.py builds it from live Kedro
// objects: graph nodes (tasks, datasets, parameters, modular pipelines) with
// Kedro-Viz's ids, the edges, the modular pipelines tree and the layers.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "report/kedro_viz_values.hpp"

namespace kedrolint::report::viz {

enum class NodeType { Task, Data, Parameters, ModularPipeline };
std::string_view to_string(NodeType type);

struct GraphNode {
  std::string id, name;
  NodeType type = NodeType::Data;
  std::set<std::string> tags, pipelines;
  /// Null for parameters and for datasets outside every modular pipeline.
  std::optional<std::set<std::string>> modular_pipelines;
  // Task nodes.
  model::NodePtr task;
  Json parameters = Json::object();
  // Data and parameters nodes: the name as first seen.
  std::string dataset;
  std::optional<Json> layer;
  bool free_input = false;
  bool transcoded = false;
  std::string original_name;            ///< transcoded: the `name@format` a node outputs
  std::set<std::string> transcoded_inputs;  ///< transcoded: the `name@format`s nodes read
};

/// A modular pipeline (a namespace) of one registered pipeline's tree.
struct ModularPipeline {
  std::string id;
  std::set<std::string> inputs, outputs, tags;
  std::set<std::pair<std::string, std::string>> children;  ///< (id, type)
};

/// Kedro-Viz's state after `populate_data`: every graph node once, shared by
/// the registered pipelines, and per pipeline its edges and tree. Building a
/// response changes it as Kedro-Viz's `get_pipeline_response` does (modular
/// pipeline nodes join the graph), so responses are made in Kedro-Viz's
/// order: `main`, then each pipeline.
class Graph {
 public:
  /// `pipelines`: the registered names, in the order Kedro-Viz loads them.
  Graph(const model::Project& project, std::vector<std::string> pipelines);

  /// `__default__` if registered, else the first pipeline.
  [[nodiscard]] const std::string& default_pipeline() const;
  [[nodiscard]] const std::vector<std::string>& pipelines() const { return pipelines_; }
  /// The GraphAPIResponse of `/api/pipelines/<id>` (and `/api/main`).
  Json pipeline_response(const std::string& pipeline);
  /// Every graph node id, in insertion order.
  [[nodiscard]] const std::vector<std::string>& node_ids() const { return order_; }
  [[nodiscard]] const GraphNode& node(const std::string& id) const { return nodes_.at(id); }

 private:
  struct PipelineState {
    std::map<std::string, ModularPipeline> tree;  ///< `__root__` and each namespace
    std::map<std::string, std::set<std::string>> node_modular_pipelines;
    std::set<std::string> parameter_ids;
    std::set<std::pair<std::string, std::string>> edges;
    std::map<std::string, std::set<std::string>> dependencies;
    std::set<std::string> node_ids;
  };

  void add_pipeline(const std::string& name, const std::vector<model::NodePtr>& nodes);
  void populate_tree(PipelineState& state, const std::vector<model::NodePtr>& nodes);
  void add_modular_pipeline(PipelineState& state, const std::string& id, const std::vector<model::NodePtr>& nodes);
  GraphNode& add_task(PipelineState& state, const std::string& pipeline, const model::NodePtr& node);
  GraphNode& add_dataset(PipelineState& state, const std::string& pipeline, const std::string& name, bool free_input);
  GraphNode& insert(GraphNode node);
  void create_tree(const std::string& pipeline);
  void drop_cyclic_inputs(PipelineState& state);
  [[nodiscard]] Json layers(const PipelineState& state) const;
  [[nodiscard]] Json node_json(const GraphNode& node) const;
  [[nodiscard]] Json tree_json(const PipelineState& state) const;

  const model::Project& project_;
  std::vector<std::string> pipelines_;
  std::map<std::string, GraphNode> nodes_;
  std::vector<std::string> order_;
  std::set<std::string> tags_;
  std::map<std::string, PipelineState> states_;
  std::map<std::string, Json> layers_;  ///< by transcoding-stripped dataset name
};

}  // namespace kedrolint::report::viz
