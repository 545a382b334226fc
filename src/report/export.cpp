#include "report/export.hpp"

#include <algorithm>
#include <set>

namespace kedrolint::report {
namespace {

using Json = nlohmann::ordered_json;

Json names(const std::vector<model::DatasetRef>& refs) {
  Json out = Json::array();
  for (const auto& r : refs) out.push_back(r.name);
  return out;
}

Json location(const model::Project& project, core::Span span) {
  if (!span.valid()) return nullptr;
  const auto& file = project.sources->get(span.file);
  const auto pos = file.position(span.begin);
  return {{"file", file.display_path()}, {"line", pos.line}, {"column", pos.column}};
}

Json node_json(const model::Project& project, const model::Node& n) {
  Json out;
  out["name"] = n.name;
  const std::string func = n.func->qualified();
  out["func"] = func.empty() ? Json(nullptr) : Json(func);
  out["inputs"] = names(n.inputs);
  out["outputs"] = names(n.outputs);
  out["tags"] = n.tags;
  out["namespace"] = n.namespace_.empty() ? Json(nullptr) : Json(n.namespace_);
  out["location"] = location(project, n.span);
  return out;
}

Json pipeline_json(const model::Project& project, const model::RegisteredPipeline& p) {
  Json out;
  out["complete"] = p.pipeline->complete();
  Json nodes = Json::array();
  for (const auto& n : p.order.order) nodes.push_back(node_json(project, *n));
  // Nodes on a cycle have no topological place; Kedro refuses the pipeline.
  for (const auto& n : p.order.cyclic) nodes.push_back(node_json(project, *n));
  out["nodes"] = std::move(nodes);
  out["inputs"] = p.free_inputs;
  out["outputs"] = p.free_outputs;
  return out;
}

}  // namespace

Json build_export(const model::Project& project, const std::optional<std::string>& pipeline) {
  Json out;
  out["schema"] = "kedrolint.export/v1";
  out["kedro"] = {{"project_name", project.layout.project_name},
                  {"package_name", project.layout.package_name},
                  {"version", project.layout.kedro_version.text}};
  Json pipelines = Json::object();
  for (const auto& [name, p] : project.pipelines) {
    if (pipeline && name != *pipeline) continue;
    pipelines[name] = pipeline_json(project, p);
  }
  out["pipelines"] = std::move(pipelines);
  Json datasets = Json::object();
  std::set<std::string_view> wanted;
  for (const auto& [name, p] : project.pipelines) {
    if (pipeline && name != *pipeline) continue;
    for (const auto d : p.datasets) wanted.insert(d);
  }
  if (project.catalog) {
    for (const auto& e : project.catalog->entries()) wanted.insert(e.name);
  }
  for (const auto& name : wanted) {
    auto it = project.datasets.find(name);
    if (it == project.datasets.end()) continue;
    const auto& d = it->second;
    Json item;
    item["type"] = d.type;
    item["source"] = std::string(model::to_string(d.source));
    item["pattern"] = d.source == model::ResolvedDataset::Source::Factory ? Json(d.entry->name) : Json(nullptr);
    item["persisted"] = d.persisted;
    if (d.filepath) item["filepath"] = *d.filepath;
    if (d.filepath_symbolic) item["symbolic"] = true;
    item["class"] = d.resolved.qualified.empty() ? Json(nullptr) : Json(d.resolved.qualified);
    item["location"] = d.entry ? location(project, d.entry->key_span) : Json(nullptr);
    if (auto k = project.kinds.find(name); k != project.kinds.end()) {
      item["kind"] = std::string(k->second.kind);
      Json evidence = Json::array();
      for (const auto& e : k->second.evidence) {
        evidence.push_back({{"source", std::string(e.source)},
                            {"kind", e.kind.empty() ? Json(nullptr) : Json(std::string(e.kind))},
                            {"detail", e.detail()},
                            {"location", location(project, e.span)}});
      }
      item["kind_evidence"] = std::move(evidence);
    }
    datasets[name] = std::move(item);
  }
  out["datasets"] = std::move(datasets);
  std::vector<std::string> parameters;
  for (const auto& k : project.parameter_keys) parameters.push_back("params:" + k.path);
  std::sort(parameters.begin(), parameters.end());
  parameters.erase(std::unique(parameters.begin(), parameters.end()), parameters.end());
  out["parameters"] = parameters;
  return out;
}

}  // namespace kedrolint::report
