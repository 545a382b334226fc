#include "report/kedro_viz.hpp"

#include <algorithm>

#include "report/kedro_viz_graph.hpp"

namespace kedrolint::report {
namespace {

using viz::Json;

std::string encode(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace); }

// The pipelines in the order Kedro-Viz loads them: the dict that
// register_pipelines() returned.
std::vector<std::string> load_order(const model::Project& project, const std::optional<std::string>& pipeline) {
  if (pipeline) return {*pipeline};
  std::vector<std::string> out;
  for (const auto& name : project.registration_order) {
    if (project.pipelines.count(name)) out.push_back(name);
  }
  for (const auto& [name, reg] : project.pipelines) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

// kedro_viz/models/flowchart/node_metadata.py, fields in declaration order.
Json task_metadata(const model::Project& project, const viz::GraphNode& n) {
  Json out;
  out["code"] = viz::function_code(project, *n.task->func);
  out["filepath"] = viz::function_file(project, *n.task->func);
  out["parameters"] = n.parameters;
  out["run_command"] = "kedro run --to-nodes='" + n.task->name + "'";
  out["inputs"] = Json::array();
  for (const auto& d : n.task->inputs) out["inputs"].push_back(d.name);
  out["outputs"] = Json::array();
  for (const auto& d : n.task->outputs) out["outputs"].push_back(d.name);
  out["preview"] = nullptr;
  return out;
}

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json data_metadata(const model::Project& project, const viz::GraphNode& n) {
  Json out;
  if (n.transcoded) {
    // TranscodedDataNodeMetadata: the version a node outputs is the original.
    const bool produced = !n.original_name.empty();
    out["filepath"] = produced ? optional_string(viz::dataset_filepath(project, n.original_name)) : Json(nullptr);
    out["run_command"] = n.free_input || !produced ? Json(nullptr) : Json("kedro run --to-outputs=" + n.original_name);
    out["original_type"] = produced ? viz::dataset_type(project, n.original_name) : std::string();
    out["transcoded_types"] = Json::array();
    for (const auto& in : n.transcoded_inputs) out["transcoded_types"].push_back(viz::dataset_type(project, in));
    out["stats"] = nullptr;
    return out;
  }
  out["type"] = viz::dataset_type(project, n.dataset);
  out["filepath"] = optional_string(viz::dataset_filepath(project, n.dataset));
  out["run_command"] = n.free_input ? Json(nullptr) : Json("kedro run --to-outputs=" + n.name);
  out["preview"] = nullptr;
  out["preview_type"] = nullptr;
  out["stats"] = nullptr;
  return out;
}

Json node_metadata(const model::Project& project, const viz::GraphNode& n) {
  switch (n.type) {
    case viz::NodeType::Task: return task_metadata(project, n);
    case viz::NodeType::Data: return data_metadata(project, n);
    case viz::NodeType::Parameters: {
      Json value = viz::parameter_value(project, n.dataset);
      if (n.dataset == "parameters") return Json{{"parameters", value}};
      std::string name = n.dataset;
      for (std::size_t at = name.find("params:"); at != std::string::npos; at = name.find("params:", at)) name.erase(at, 7);
      return Json{{"parameters", Json{{name, value}}}};
    }
    case viz::NodeType::ModularPipeline: break;
  }
  return Json::object();  // the API answers {} for a node without metadata
}

// RunStatusAPIResponse() when the project has no recorded run.
Json empty_run_status() {
  return Json{{"nodes", Json::object()},
              {"datasets", Json::object()},
              {"pipeline",
               {{"run_id", "default-run-id"},
                {"start_time", nullptr},
                {"end_time", nullptr},
                {"duration", 0.0},
                {"status", "success"},
                {"error", nullptr}}}};
}

}  // namespace

std::vector<VizFile> kedro_viz_files(const model::Project& project, const std::optional<std::string>& pipeline) {
  viz::Graph graph(project, load_order(project, pipeline));
  std::vector<VizFile> out;
  if (graph.pipelines().empty()) return out;
  // save_api_responses_to_fs: main, then every node known at that point,
  // then each pipeline, then the run status.
  out.push_back({"api/main", encode(graph.pipeline_response(graph.default_pipeline()))});
  for (const auto& id : graph.node_ids()) {
    out.push_back({"api/nodes/" + id, encode(node_metadata(project, graph.node(id)))});
  }
  for (const auto& p : graph.pipelines()) out.push_back({"api/pipelines/" + p, encode(graph.pipeline_response(p))});
  out.push_back({"api/run-status", encode(empty_run_status())});
  return out;
}

}  // namespace kedrolint::report
