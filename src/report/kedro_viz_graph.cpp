#include "report/kedro_viz_graph.hpp"

#include <algorithm>
#include <functional>

#include "model/naming.hpp"
#include "report/kedro_viz_layers.hpp"

namespace kedrolint::report::viz {
namespace {

constexpr const char* kRoot = "__root__";  // kedro_viz/constants.py ROOT_MODULAR_PIPELINE_ID

// `_explode_namespace`: "a.b.c" -> a, a.b, a.b.c.
std::vector<std::string> prefixes(const std::string& ns) {
  std::vector<std::string> out;
  for (std::size_t dot = ns.find('.'); dot != std::string::npos; dot = ns.find('.', dot + 1)) out.push_back(ns.substr(0, dot));
  out.push_back(ns);
  return out;
}

std::set<std::string> all_outputs(const std::vector<model::NodePtr>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) {
    for (const auto& o : n->outputs) out.insert(o.name);
  }
  return out;
}

Json sorted_list(const std::set<std::string>& items) { return Json(std::vector<std::string>(items.begin(), items.end())); }

// `ParametersNode.parameter_name`: the name with every "params:" removed.
std::string parameter_name(std::string name) {
  for (std::size_t at = name.find("params:"); at != std::string::npos; at = name.find("params:", at)) name.erase(at, 7);
  return name;
}

}  // namespace

std::string_view to_string(NodeType type) {
  switch (type) {
    case NodeType::Task: return "task";
    case NodeType::Data: return "data";
    case NodeType::Parameters: return "parameters";
    case NodeType::ModularPipeline: return "modularPipeline";
  }
  return "data";
}

Graph::Graph(const model::Project& project, std::vector<std::string> pipelines)
    : project_(project), pipelines_(std::move(pipelines)), layers_(dataset_layers(project)) {
  for (const auto& name : pipelines_) {
    const auto& reg = project.pipelines.at(name);
    std::vector<model::NodePtr> nodes = reg.order.order;
    nodes.insert(nodes.end(), reg.order.cyclic.begin(), reg.order.cyclic.end());
    add_pipeline(name, nodes);
  }
}

const std::string& Graph::default_pipeline() const {
  static const std::string kDefault = "__default__";
  const auto it = std::find(pipelines_.begin(), pipelines_.end(), kDefault);
  return it != pipelines_.end() || pipelines_.empty() ? kDefault : pipelines_.front();
}

// DataAccessManager.add_pipeline.
void Graph::add_pipeline(const std::string& name, const std::vector<model::NodePtr>& nodes) {
  PipelineState& state = states_[name];
  state.tree[kRoot].id = kRoot;
  populate_tree(state, nodes);
  const auto free = model::free_inputs(nodes);
  for (const auto& n : nodes) {
    GraphNode& task = add_task(state, name, n);
    for (const auto& in : n->inputs) {
      GraphNode& data = add_dataset(state, name, in.name, free.count(in.name) > 0);
      data.tags.insert(task.tags.begin(), task.tags.end());
      state.edges.emplace(data.id, task.id);
      state.dependencies[data.id].insert(task.id);
      if (data.type == NodeType::Parameters) {
        // add_parameters_to_task_node
        Json value = parameter_value(project_, data.dataset);
        if (data.dataset == "parameters") {
          task.parameters = std::move(value);
        } else {
          if (!task.parameters.is_object()) task.parameters = Json::object();
          task.parameters[parameter_name(data.dataset)] = std::move(value);
        }
      }
      if (data.transcoded) data.transcoded_inputs.insert(in.name);
    }
    for (const auto& out : n->outputs) {
      GraphNode& data = add_dataset(state, name, out.name, false);
      data.tags.insert(task.tags.begin(), task.tags.end());
      state.edges.emplace(task.id, data.id);
      state.dependencies[task.id].insert(data.id);
      if (data.transcoded) data.original_name = out.name;
    }
  }
}

// ModularPipelinesRepository.populate_tree: each namespace (and each of its
// prefixes) gets the free inputs and outputs of its sub-pipeline.
void Graph::populate_tree(PipelineState& state, const std::vector<model::NodePtr>& nodes) {
  std::set<std::string> ids;
  for (const auto& n : nodes) {
    if (n->namespace_.empty()) continue;
    for (auto& p : prefixes(n->namespace_)) ids.insert(std::move(p));
  }
  for (const auto& id : ids) {
    state.tree[id].id = id;
    std::vector<model::NodePtr> sub, rest;
    for (const auto& n : nodes) {
      const bool inside = n->namespace_ == id || n->namespace_.rfind(id + ".", 0) == 0;
      (inside ? sub : rest).push_back(n);
    }
    auto outputs = model::free_outputs(sub);
    const auto produced = all_outputs(sub);
    for (const auto& in : model::free_inputs(rest)) {
      if (produced.count(in)) outputs.insert(in);
    }
    ModularPipeline& mp = state.tree[id];
    mp.inputs.clear();
    for (const auto& in : model::free_inputs(sub)) {
      mp.inputs.insert(dataset_id(in));
      if (is_parameter(in)) state.parameter_ids.insert(dataset_id(in));
    }
    mp.outputs.clear();
    for (const auto& out : outputs) mp.outputs.insert(dataset_id(out));
    add_modular_pipeline(state, id, sub);
  }
}

// ModularPipelinesRepository._add_children and its two helpers.
void Graph::add_modular_pipeline(PipelineState& state, const std::string& id, const std::vector<model::NodePtr>& nodes) {
  ModularPipeline& mp = state.tree[id];
  std::set<std::string> boundary = mp.inputs;
  boundary.insert(mp.outputs.begin(), mp.outputs.end());
  const auto& version = project_.layout.kedro_version;
  for (const auto& n : nodes) {
    if (n->namespace_ != id) continue;
    const std::string task_id = viz_hash(model::node_str(*n, version));
    mp.children.emplace(task_id, "task");
    mp.tags.insert(n->tags.begin(), n->tags.end());
    std::set<std::string> io;
    for (const auto& d : n->inputs) io.insert(dataset_id(d.name));
    for (const auto& d : n->outputs) io.insert(dataset_id(d.name));
    for (const auto& d : io) {
      if (boundary.count(d) || state.parameter_ids.count(d)) continue;
      mp.children.emplace(d, "data");
      state.node_modular_pipelines[d].insert(id);
    }
    state.node_modular_pipelines[task_id].insert(id);
  }
  const auto dot = id.rfind('.');
  const std::string parent_id = dot == std::string::npos ? kRoot : id.substr(0, dot);
  ModularPipeline& parent = state.tree[parent_id];
  parent.id = parent_id;
  parent.children.emplace(id, "modularPipeline");
  parent.tags.insert(mp.tags.begin(), mp.tags.end());
  for (const auto& d : boundary) {
    if (!parent.inputs.count(d) && !parent.outputs.count(d) && !state.parameter_ids.count(d)) {
      parent.children.emplace(d, "data");
    }
    state.node_modular_pipelines[d].insert(id);
  }
}

GraphNode& Graph::insert(GraphNode node) {
  auto it = nodes_.find(node.id);
  if (it != nodes_.end()) {
    // GraphNodesRepository.add_node keeps the first object and merges tags.
    it->second.tags.insert(node.tags.begin(), node.tags.end());
    return it->second;
  }
  order_.push_back(node.id);
  const std::string id = node.id;
  return nodes_.emplace(id, std::move(node)).first->second;
}

GraphNode& Graph::add_task(PipelineState& state, const std::string& pipeline, const model::NodePtr& n) {
  GraphNode node;
  node.id = viz_hash(model::node_str(*n, project_.layout.kedro_version));
  node.type = NodeType::Task;
  // `node._name or node._func_name`
  node.name = n->explicit_name && !n->explicit_name->empty() ? *n->explicit_name : model::readable_func_name(*n->func);
  node.tags.insert(n->tags.begin(), n->tags.end());
  if (auto it = state.node_modular_pipelines.find(node.id); it != state.node_modular_pipelines.end()) {
    node.modular_pipelines = it->second;
  }
  node.task = n;
  GraphNode& added = insert(std::move(node));
  added.pipelines.insert(pipeline);
  tags_.insert(added.tags.begin(), added.tags.end());
  state.node_ids.insert(added.id);
  return added;
}

// DataAccessManager.add_dataset.
GraphNode& Graph::add_dataset(PipelineState& state, const std::string& pipeline, const std::string& name,
                              bool free_input) {
  GraphNode node;
  node.id = dataset_id(name);
  node.dataset = name;
  if (auto it = layers_.find(std::string(model::strip_transcoding(name))); it != layers_.end()) node.layer = it->second;
  if (auto it = state.node_modular_pipelines.find(node.id); it != state.node_modular_pipelines.end()) {
    node.modular_pipelines = it->second;
  } else {
    // Outside every modular pipeline: a child of the root.
    state.tree[kRoot].children.emplace(node.id, "data");
    state.node_modular_pipelines[node.id] = {kRoot};
  }
  if (is_parameter(name)) {
    node.type = NodeType::Parameters;
    node.name = name;
    node.modular_pipelines.reset();
  } else {
    node.type = NodeType::Data;
    node.transcoded = name.find('@') != std::string::npos;
    node.name = node.transcoded ? std::string(model::strip_transcoding(name)) : name;
    node.free_input = free_input;
  }
  GraphNode& added = insert(std::move(node));
  added.pipelines.insert(pipeline);
  state.node_ids.insert(added.id);
  return added;
}

// DataAccessManager.create_modular_pipelines_tree_for_registered_pipeline:
// modular pipeline nodes join the graph with their boundary edges.
void Graph::create_tree(const std::string& pipeline) {
  PipelineState& state = states_.at(pipeline);
  std::set<std::string> root_parameters;
  for (const auto& [id, mp] : state.tree) {
    if (id == kRoot) continue;
    GraphNode node;
    node.id = node.name = id;
    node.type = NodeType::ModularPipeline;
    node.tags = mp.tags;
    GraphNode& added = insert(std::move(node));
    added.pipelines = {pipeline};
    state.node_ids.insert(id);
    for (const auto& in : mp.inputs) {
      const GraphNode& input = nodes_.at(in);
      if (input.pipelines.count(pipeline)) {
        state.edges.emplace(in, id);
        state.dependencies[in].insert(id);
      }
      if (input.type == NodeType::Parameters) root_parameters.insert(in);
    }
    for (const auto& out : mp.outputs) {
      if (nodes_.at(out).pipelines.count(pipeline)) {
        state.edges.emplace(id, out);
        state.dependencies[id].insert(out);
      }
    }
  }
  drop_cyclic_inputs(state);
  ModularPipeline& root = state.tree[kRoot];
  for (const auto& id : order_) {
    const GraphNode& n = nodes_.at(id);
    if (n.type == NodeType::ModularPipeline || !n.pipelines.count(pipeline)) continue;
    if (!n.modular_pipelines || root_parameters.count(id)) root.children.emplace(id, std::string(to_string(n.type)));
  }
}

// An input of a modular pipeline that is also reachable from it would make
// the collapsed graph cyclic: Kedro-Viz drops that input edge.
void Graph::drop_cyclic_inputs(PipelineState& state) {
  std::vector<std::string> order{kRoot};
  for (const auto& [id, mp] : state.tree) {
    if (id != kRoot) order.push_back(id);
  }
  std::map<std::string, std::set<std::string>> next;
  for (const auto& [from, to] : state.edges) next[from].insert(to);
  for (const auto& id : order) {
    std::set<std::string> reached;
    std::vector<std::string> stack{id};
    while (!stack.empty()) {
      const std::string at = stack.back();
      stack.pop_back();
      for (const auto& to : next[at]) {
        if (reached.insert(to).second) stack.push_back(to);
      }
    }
    for (const auto& in : state.tree.at(id).inputs) {
      if (!reached.count(in)) continue;
      state.edges.erase({in, id});
      state.dependencies[in].erase(id);
      next[in].erase(id);
    }
  }
}

Json Graph::layers(const PipelineState& state) const {
  std::map<std::string, std::optional<std::string>> node_layers;
  for (const auto& [id, n] : nodes_) {
    node_layers[id] = n.layer ? std::optional<std::string>(layer_key(*n.layer)) : std::nullopt;
  }
  std::vector<std::string> sorted;
  for (const auto& l : sort_layers(node_layers, state.dependencies)) sorted.push_back(l);
  // Layers are shown as written: strings, or the value a non-string had.
  Json out = Json::array();
  for (const auto& key : sorted) {
    for (const auto& [id, n] : nodes_) {
      if (n.layer && layer_key(*n.layer) == key) {
        out.push_back(*n.layer);
        break;
      }
    }
  }
  return out;
}

Json Graph::node_json(const GraphNode& n) const {
  Json out;
  out["id"] = n.id;
  out["name"] = n.name;
  out["tags"] = sorted_list(n.tags);
  out["pipelines"] = sorted_list(n.pipelines);
  out["type"] = std::string(to_string(n.type));
  out["modular_pipelines"] = n.modular_pipelines ? sorted_list(*n.modular_pipelines) : Json(nullptr);
  out["node_extras"] = nullptr;
  if (n.type == NodeType::Task) {
    out["parameters"] = n.parameters;
    out["full_name"] = n.task->name;
    return out;
  }
  out["layer"] = n.layer ? *n.layer : Json(nullptr);
  const bool typed = n.type == NodeType::Data && !n.transcoded;
  out["dataset_type"] = typed ? Json(dataset_type(project_, n.dataset)) : Json(nullptr);
  return out;
}

Json Graph::tree_json(const PipelineState& state) const {
  Json out = Json::object();
  auto entry = [&](const ModularPipeline& mp) {
    Json children = Json::array();
    for (const auto& [id, type] : mp.children) children.push_back({{"id", id}, {"type", type}});
    return Json{{"id", mp.id},
                {"name", mp.id},
                {"inputs", sorted_list(mp.inputs)},
                {"outputs", sorted_list(mp.outputs)},
                {"children", std::move(children)}};
  };
  out[kRoot] = entry(state.tree.at(kRoot));
  for (const auto& [id, mp] : state.tree) {
    if (id != kRoot) out[id] = entry(mp);
  }
  return out;
}

// get_pipeline_response: the GraphAPIResponse, fields in its order.
Json Graph::pipeline_response(const std::string& pipeline) {
  create_tree(pipeline);
  const PipelineState& state = states_.at(pipeline);
  Json out;
  out["nodes"] = Json::array();
  for (const auto& id : order_) {
    if (state.node_ids.count(id)) out["nodes"].push_back(node_json(nodes_.at(id)));
  }
  out["edges"] = Json::array();
  for (const auto& [source, target] : state.edges) out["edges"].push_back({{"source", source}, {"target", target}});
  out["layers"] = layers(state);
  out["tags"] = Json::array();
  for (const auto& t : tags_) out["tags"].push_back({{"id", t}, {"name", t}});
  out["pipelines"] = Json::array();
  for (const auto& p : pipelines_) out["pipelines"].push_back({{"id", p}, {"name", p}});
  out["modular_pipelines"] = tree_json(state);
  out["selected_pipeline"] = pipeline;
  return out;
}

}  // namespace kedrolint::report::viz
