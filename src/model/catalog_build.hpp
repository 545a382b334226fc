#pragma once
#include "config/conf_files.hpp"
#include "model/project.hpp"

namespace kedrolint::model {

/// Loads the catalog and parameters of the project's environment, builds the
/// Catalog and resolves every dataset the registered pipelines use.
void build_catalog(Project& project, core::SourceMap& sources, const config::LoaderSettings& loader);

}  // namespace kedrolint::model
