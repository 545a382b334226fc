#pragma once
#include <functional>
#include <optional>

#include "config/conf_files.hpp"
#include "model/project.hpp"
#include "python/source_store.hpp"

namespace kedrolint::model {

/// Evaluates `settings.py` and `register_pipelines()` of the project into
/// `project` (pipelines, Kedro errors, mappings, KL010 findings). Returns the
/// config loader settings read from settings.py, or nullopt when they cannot
/// be known statically (a finding says why). `settings_known` is called with
/// them as soon as settings.py is evaluated, before the pipelines are.
std::optional<config::LoaderSettings> evaluate_project(
    Project& project, python::SourceStore& store, std::size_t jobs,
    const std::function<void(const config::LoaderSettings&)>& settings_known = {});

/// Each registered pipeline's order and free datasets, once the registry is
/// final (a hook or a later assignment may still replace an entry). Writes
/// only those members of `project.pipelines`' entries, so it may run beside
/// build_catalog, which reads the nodes only.
void derive_pipeline_facts(Project& project, std::size_t jobs);

}  // namespace kedrolint::model
