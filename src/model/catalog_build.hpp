#pragma once
#include "config/conf_files.hpp"
#include "config/loader.hpp"
#include "model/project.hpp"

namespace kedrolint::model {

/// The catalog and parameters of the project's environment as read from the
/// configuration files, before anything is resolved against the pipelines.
struct CatalogConfig {
  config::LoadedConfig catalog, parameters;
  std::string env;                     ///< the run environment the loader settled on
  std::vector<core::Finding> findings;  ///< problems of the configuration files
};

/// Reads the configuration (YAML parsing is most of the work). Needs only the
/// layout and settings.py's loader settings, so it runs while the pipelines
/// are still being evaluated. Thread-safe with respect to the evaluation.
CatalogConfig load_catalog_config(const project::Layout& layout, const std::string& env, core::SourceMap& sources,
                                  const config::LoaderSettings& loader);

/// Builds the Catalog from the configuration and resolves every dataset the
/// registered pipelines use.
void build_catalog(Project& project, CatalogConfig config);

}  // namespace kedrolint::model
