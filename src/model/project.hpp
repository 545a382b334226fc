#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "config/config_value.hpp"
#include "model/artifacts.hpp"
#include "model/catalog.hpp"
#include "model/dataset_table.hpp"
#include "model/deploy.hpp"
#include "model/pipeline.hpp"
#include "model/kedro_error.hpp"
#include "model/module_imports.hpp"
#include "project/layout.hpp"
#include "suppress/directives.hpp"

namespace kedrolint::model {

/// A pipeline returned by `register_pipelines()`.
struct RegisteredPipeline {
  std::string name;
  PipelinePtr pipeline;
  core::Span span;     ///< where it was registered (the dict entry or find_pipelines call)
  TopoOrder order;     ///< Kedro's node order
  /// `Pipeline.inputs()`, `.outputs()` and `.datasets()`, computed once
  /// because several rules ask for them; views into `pipeline`'s nodes.
  NameSet free_inputs, free_outputs, datasets;
};

/// Everything the rules see. Immutable once built.
struct Project {
  const core::SourceMap* sources = nullptr;
  project::Layout layout;
  /// `[tool.kedrolint] extra-source-roots`, absolute: read as project code.
  std::vector<std::filesystem::path> extra_source_roots;
  /// The run environment the configuration was read for: `--env`, else
  /// settings.py's `default_run_env` ("local" unless CONFIG_LOADER_ARGS says otherwise).
  std::string env = "local";
  /// Problems found before rules ran (parse errors, unreadable files,
  /// constructs that could not be evaluated), owned by KL0xx rules.
  std::vector<core::Finding> findings;
  std::map<core::FileId, std::vector<suppress::Directive>> directives;
  /// Registered pipelines by name; empty when the registry could not be read.
  std::map<std::string, RegisteredPipeline> pipelines;
  /// The registered names in the order of the dict `register_pipelines()` returned.
  std::vector<std::string> registration_order;
  bool registry_evaluated = false;
  /// What Kedro itself would raise while building the pipelines.
  std::vector<KedroError> kedro_errors;
  /// Every `pipeline(..., inputs=, outputs=, parameters=, namespace=)` applied.
  std::vector<MappingApplication> mappings;
  /// Every node `node()` built while the registry was evaluated (Kedro
  /// validates each one when it is built, registered or not).
  std::vector<NodePtr> constructed_nodes;
  /// Project classes ("module.qualname") -> their bases' dotted names, for
  /// artifact kinds (a subclass of sklearn.base.BaseEstimator is a model).
  std::map<std::string, std::vector<std::string>> class_bases;
  /// Project code reads the parameters itself (`loader["parameters"]`), so
  /// a parameter no node reads may still be used.
  bool parameters_read_by_code = false;

  /// The data catalog of the chosen environment; null when the configuration
  /// could not be located (settings.py not static).
  std::shared_ptr<const Catalog> catalog;
  /// Some catalog or parameters files could not be read, parsed or rendered
  /// (KL002, KL008, KL012): a name missing from them may exist for Kedro.
  bool catalog_incomplete = false;
  bool parameters_incomplete = false;
  /// The merged parameters (a map), and every `params:` name Kedro makes
  /// from them: each key path through nested dicts.
  config::ConfigPtr parameters;
  struct ParameterKey {
    std::string path;  ///< "a.b.c" (the name is "params:" + path)
    core::Span key_span;
  };
  std::vector<ParameterKey> parameter_keys;
  /// How each dataset of the registered pipelines, and each explicit catalog
  /// entry, is backed at run time (parameters excluded).
  DatasetTable datasets;

  /// True when every registered pipeline could be evaluated completely, so
  /// "nothing uses X" findings are safe to make.
  [[nodiscard]] bool all_pipelines_complete() const;

  /// The artifact kind of each dataset of the registered pipelines, with the
  /// evidence for it.
  std::map<std::string, ArtifactKind, std::less<>> kinds;
  /// The type names `kinds` evidence points at, one copy each (shared by
  /// copies of the project, so that their evidence stays valid).
  std::shared_ptr<std::set<std::string, std::less<>>> artifact_type_names;
  /// The deployment groups and the data crossing them, when configured.
  std::optional<Deployment> deployment;
  /// Python files the evaluation parsed (those the registry reaches).
  std::vector<std::filesystem::path> python_files;
  /// The import statements of each of those files, by module name.
  ModuleImportMap module_imports;
  /// Where the time went, for `kedrolint profile`.
  struct Timings {
    double evaluate_seconds = 0;  ///< parsing the reachable Python files and evaluating the registry
    double facts_seconds = 0;     ///< the registered pipelines' order and free datasets, beside the catalog
    double catalog_seconds = 0;   ///< loading the configuration and resolving every dataset
    double resolve_seconds = 0;   ///< of which: building the catalog and resolving every dataset name
    double kinds_seconds = 0;     ///< inferring artifact kinds and the deployment groups
    std::size_t python_parses = 0;  ///< Python parses, counting a file parsed again after its tree was released
    std::size_t python_function_parses = 0;  ///< functions parsed alone: their elided body was needed
    std::size_t elided_bodies = 0;           ///< function bodies left out of the parse (python_skeleton.hpp)
    std::size_t elided_bytes = 0;            ///< and their bytes
  } timings;

  /// Distinct nodes of all registered pipelines (by Kedro node equality).
  /// Computed once: the pipelines are final when rules query them.
  [[nodiscard]] const std::vector<NodePtr>& registered_nodes() const;
  /// The cache of registered_nodes().
  mutable std::shared_ptr<const std::vector<NodePtr>> registered_cache;

  [[nodiscard]] std::vector<const core::Finding*> findings_with(std::string_view code) const {
    std::vector<const core::Finding*> out;
    for (const auto& f : findings) {
      if (f.code == code) out.push_back(&f);
    }
    return out;
  }
};

}  // namespace kedrolint::model
