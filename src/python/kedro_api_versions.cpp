#include "python/kedro_api_versions.hpp"

#include <algorithm>

namespace kedrolint::python::kedro_api {
namespace {

using project::KedroVersion;

std::string targets(const KedroVersion& v) { return "this project targets Kedro " + v.text; }

struct GatedModule {
  std::string_view name;
  bool (*exists)(const KedroVersion&);
  std::string_view help;
};

// Modules that exist in some Kedro versions only.
const GatedModule kModules[] = {
    {"kedro.pipeline.modular_pipeline", [](const KedroVersion& v) { return !v.is_1x(); },
     "Kedro 1.0 removed `kedro.pipeline.modular_pipeline`: import `pipeline` from `kedro.pipeline`"},
    {"kedro.pipeline.llm_context", [](const KedroVersion& v) { return v.at_least(1, 2); },
     "`kedro.pipeline.llm_context` was added in Kedro 1.2"},
    {"kedro.inspection", [](const KedroVersion& v) { return v.at_least(1, 4); },
     "`kedro.inspection` was added in Kedro 1.4"},
};

struct GatedName {
  std::string_view module;
  std::string_view name;
  bool (*exists)(const KedroVersion&);
  std::string_view help;
};

bool since_1_0(const KedroVersion& v) { return v.is_1x(); }
bool since_1_2(const KedroVersion& v) { return v.at_least(1, 2); }

// Names of Kedro modules that exist in some versions only (the `__init__.py`
// imports and module-level definitions of each version).
const GatedName kNames[] = {
    {"kedro.pipeline", "Node", since_1_0,
     "`kedro.pipeline` exports `Node` from Kedro 1.0; before, import it from `kedro.pipeline.node`"},
    {"kedro.pipeline", "GroupedNodes", since_1_0, "`GroupedNodes` was added in Kedro 1.0"},
    {"kedro.pipeline", "llm_context_node", since_1_2, "`llm_context_node` was added in Kedro 1.2"},
    {"kedro.pipeline", "LLMContext", since_1_2, "`LLMContext` was added in Kedro 1.2"},
    {"kedro.pipeline", "LLMContextNode", since_1_2, "`LLMContextNode` was added in Kedro 1.2"},
    {"kedro.pipeline", "tool", since_1_2, "`tool` was added in Kedro 1.2"},
    {"kedro.pipeline.node", "GroupedNodes", since_1_0, "`GroupedNodes` was added in Kedro 1.0"},
    {"kedro.pipeline.pipeline", "pipeline", [](const KedroVersion& v) { return v.at_least(0, 19); },
     "before Kedro 0.19, `pipeline()` lives in `kedro.pipeline.modular_pipeline` (or import it from "
     "`kedro.pipeline`)"},
    {"kedro.pipeline.pipeline", "PipelineError", since_1_0,
     "`PipelineError` was added in Kedro 1.0; before, `kedro.pipeline.modular_pipeline` raises "
     "`ModularPipelineError`"},
    {"kedro.framework.project", "find_pipelines", [](const KedroVersion& v) { return v.at_least(0, 18, 3); },
     "`find_pipelines` was added in Kedro 0.18.3"},
};

struct GatedMethod {
  std::string_view name;
  bool (*exists)(const KedroVersion&);
  std::string_view help;
};

const GatedMethod kPipelineMethods[] = {
    {"only_nodes_with_namespace", [](const KedroVersion& v) { return !v.is_1x(); },
     "Kedro 1.0 replaced it with `only_nodes_with_namespaces([...])`, which keeps a namespace and its children only"},
    {"only_nodes_with_namespaces", since_1_0,
     "before Kedro 1.0, use `only_nodes_with_namespace(\"ns\")` (it keeps every namespace that starts with `ns`)"},
    {"group_nodes_by", since_1_0, "`group_nodes_by` was added in Kedro 1.0"},
    {"grouped_nodes_by_namespace", [](const KedroVersion& v) { return !v.is_1x() && v.at_least(0, 19, 12); },
     "`grouped_nodes_by_namespace` exists in Kedro 0.19.12 to 0.19.15; Kedro 1.0 has `group_nodes_by(\"namespace\")`"},
    {"datasets", [](const KedroVersion& v) { return v.at_least(0, 19); },
     "before Kedro 0.19 the method is called `data_sets()`"},
    {"data_sets", [](const KedroVersion& v) { return !v.at_least(0, 19); },
     "Kedro 0.19 renamed it `datasets()`"},
};

std::optional<Missing> gated_module(std::string_view module, const KedroVersion& version) {
  for (const auto& m : kModules) {
    if (m.name == module && !m.exists(version)) {
      return Missing{"No module named '" + std::string(module) + "'", std::string(m.help) + "; " + targets(version)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Missing> missing_module(std::string_view module, const KedroVersion& version) {
  // Python imports the parents first and names the first one that is missing.
  for (std::size_t dot = module.find('.'); ; dot = module.find('.', dot + 1)) {
    if (auto missing = gated_module(module.substr(0, dot), version)) return missing;
    if (dot == std::string_view::npos) return std::nullopt;
  }
}

std::optional<Missing> missing_module_name(std::string_view module, std::string_view name, bool attribute,
                                           const KedroVersion& version) {
  std::optional<std::string> help;
  for (const auto& n : kNames) {
    if (n.module == module && n.name == name && !n.exists(version)) help = std::string(n.help);
  }
  const std::string submodule = std::string(module) + "." + std::string(name);
  if (!help) {
    // `from kedro.pipeline import modular_pipeline` imports the submodule.
    if (auto missing = gated_module(submodule, version)) help = missing->help;
    else return std::nullopt;
  } else {
    *help += "; " + targets(version);
  }
  const std::string n(name), m(module);
  return Missing{attribute ? "module '" + m + "' has no attribute '" + n + "'"
                           : "cannot import name '" + n + "' from '" + m + "'",
                 *help};
}

std::optional<Missing> shadowing_function_attribute(std::string_view qualname, std::string_view name) {
  if (qualname != "kedro.pipeline.node" && qualname != "kedro.pipeline.pipeline") return std::nullopt;
  if (name.rfind("__", 0) == 0) return std::nullopt;
  const std::string module(qualname), attribute(name);
  return Missing{"'function' object has no attribute '" + attribute + "'",
                 "`" + module + "` is the function `" + module.substr(module.rfind('.') + 1) +
                     "`, not the submodule: kedro/pipeline/__init__.py binds the function over it. Write `from " +
                     module + " import " + attribute + "`"};
}

std::optional<Missing> missing_pipeline_attribute(std::string_view name, const KedroVersion& version) {
  for (const auto& m : kPipelineMethods) {
    if (m.name == name && !m.exists(version)) {
      return Missing{"'Pipeline' object has no attribute '" + std::string(name) + "'",
                     std::string(m.help) + "; " + targets(version)};
    }
  }
  return std::nullopt;
}

Params node_params(bool is_class, const KedroVersion& version) {
  Params p{is_class ? "Node.__init__" : "node", {"func", "inputs", "outputs"}, {"name", "tags", "confirms", "namespace"}};
  p.required = 3;
  p.implicit = is_class ? 1 : 0;
  if (is_class && !version.at_least(0, 18)) p.keyword_only.emplace_back("decorators");
  if (version.at_least(1, 2)) p.keyword_only.emplace_back("preview_fn");
  return p;
}

Params pipeline_params(bool is_class, const KedroVersion& version) {
  Params p;
  p.qualname = is_class ? "Pipeline.__init__" : "pipeline";
  p.implicit = is_class ? 1 : 0;
  p.required = 1;
  // Kedro <= 0.19.12: Pipeline(nodes, *, tags) and modular_pipeline.pipeline(pipe, *, ...).
  if (is_class && !version.at_least(0, 19, 13)) {
    p.positional = {"nodes"};
    p.keyword_only = {"tags"};
    return p;
  }
  p.positional = {is_class || version.at_least(0, 19, 13) ? "nodes" : "pipe"};
  p.keyword_only = {"inputs", "outputs", "parameters", "tags", "namespace"};
  if (version.is_1x()) p.keyword_only.emplace_back("prefix_datasets_with_namespace");
  return p;
}

Params find_pipelines_params(const KedroVersion& version) {
  Params p{"find_pipelines", {}, {}};
  if (version.at_least(0, 19, 6)) p.positional.emplace_back("raise_errors");
  if (version.at_least(1, 3)) p.positional.emplace_back("pipelines_to_find");
  return p;
}

std::optional<Params> pipeline_method_params(std::string_view name, const KedroVersion& version) {
  Params p{"Pipeline." + std::string(name), {}, {}};
  p.implicit = 1;
  static const std::string_view kStarred[] = {"only_nodes", "only_nodes_with_tags", "only_nodes_with_inputs",
                                              "from_inputs", "only_nodes_with_outputs", "to_outputs",
                                              "from_nodes", "to_nodes"};
  static const std::string_view kNoArguments[] = {"inputs", "outputs", "all_inputs", "all_outputs", "datasets",
                                                  "data_sets"};
  if (name == "filter") {
    p.positional = {"tags", "from_nodes", "to_nodes", "node_names", "from_inputs", "to_outputs",
                    version.is_1x() ? "node_namespaces" : "node_namespace"};
  } else if (name == "tag") {
    p.positional = {"tags"};
    p.required = 1;
  } else if (name == "only_nodes_with_namespaces" || name == "only_nodes_with_namespace") {
    p.positional = {name == "only_nodes_with_namespaces" ? "node_namespaces" : "node_namespace"};
    p.required = 1;
  } else if (std::find(std::begin(kStarred), std::end(kStarred), name) != std::end(kStarred)) {
    p.var_positional = true;
  } else if (std::find(std::begin(kNoArguments), std::end(kNoArguments), name) == std::end(kNoArguments)) {
    return std::nullopt;
  }
  return p;
}

}  // namespace kedrolint::python::kedro_api
