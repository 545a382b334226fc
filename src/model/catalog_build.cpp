#include "model/catalog_build.hpp"

#include <chrono>
#include <unordered_set>

#include "config/loader.hpp"
#include "model/project_dataset_class.hpp"

namespace kedrolint::model {
namespace fs = std::filesystem;

namespace {

// `[tool.kedro]` in pyproject.toml: where a problem of the project as a whole
// is reported when no line of the project causes it.
core::Span tool_kedro_header(const project::Layout& layout) {
  if (!layout.pyproject) return {};
  const auto at = layout.pyproject->text().find("[tool.kedro]");
  if (at == std::string_view::npos) return layout.pyproject->span(0, 0);
  return layout.pyproject->span(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 12));
}

void collect_parameter_keys(const config::ConfigValue& value, const std::string& prefix,
                            std::vector<Project::ParameterKey>& out) {
  for (const auto& [key, child] : value.entries) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    out.push_back({path, child->key_span});
    if (child->is_map()) collect_parameter_keys(*child, path, out);
  }
}

}  // namespace

CatalogConfig load_catalog_config(const project::Layout& layout, const std::string& env, core::SourceMap& sources,
                                  const config::LoaderSettings& loader_settings) {
  CatalogConfig out;
  config::ConfigLoader loader(layout.root, loader_settings, env, layout.kedro_version, sources, out.findings);
  out.env = loader.run_env();
  loader.check_env_dirs(tool_kedro_header(layout));
  out.catalog = loader.load("catalog");
  out.parameters = loader.load("parameters");
  return out;
}

void build_catalog(Project& project, CatalogConfig config) {
  project.env = config.env;
  for (auto& f : config.findings) project.findings.push_back(std::move(f));
  const auto& catalog = config.catalog;
  const auto& parameters = config.parameters;
  const auto start = std::chrono::steady_clock::now();
  project.parameters = parameters.value;
  project.catalog_incomplete = catalog.incomplete;
  project.parameters_incomplete = parameters.incomplete;
  collect_parameter_keys(*parameters.value, "", project.parameter_keys);
  auto built = std::make_shared<Catalog>(catalog.value, project.layout.kedro_version,
                                         project_class_lookup(project.layout), project.findings);
  project.catalog = built;
  auto add = [&](const std::string& name) {
    if (name == "parameters" || name.rfind("params:", 0) == 0 || project.datasets.count(name)) return;
    project.datasets.add(name, built->resolve(name));
  };
  // `__default__` and the pipelines summed into it share their nodes: each
  // node's names are looked up once.
  std::unordered_set<const Node*> visited;
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto& n : reg.pipeline->nodes) {
      if (!visited.insert(n.get()).second) continue;
      for (const auto& d : n->inputs) add(d.name);
      for (const auto& d : n->outputs) add(d.name);
    }
  }
  for (const auto& e : built->entries()) add(e.name);
  project.timings.resolve_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace kedrolint::model
