#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/source_map.hpp"
#include "engine/engine.hpp"

namespace kedrolint::cli {

/// A project analysed for a command that shows the model (export, catalog,
/// artifacts, graph, deps) rather than findings: no rule runs. The project
/// points into `sources`, so both live together.
struct ProjectModel {
  explicit ProjectModel(const std::filesystem::path& root) : sources(root) {}
  core::SourceMap sources;
  engine::CheckResult result;
};

/// What a model command needs from the project before it can answer.
enum class ModelNeeds { Files, Pipelines, Catalog };

/// Finds the project of `path` and analyses it; on failure prints why on
/// stderr (the command then exits with 2) and returns null. The model is
/// left to the process's end (core/leave_to_exit.hpp): each command loads
/// one and exits after writing it out.
std::shared_ptr<ProjectModel> load_project_model(const std::string& path, engine::CheckOptions options,
                                                 ModelNeeds needs);

/// The `--env` option's help, the same for every command.
inline constexpr const char* kEnvHelp =
    "Kedro configuration environment (default: settings.py's default_run_env, else local)";

}  // namespace kedrolint::cli
