#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "model/artifacts.hpp"
#include "model/deploy.hpp"
#include "model/project.hpp"
#include "python/source_store.hpp"

namespace kedrolint::model {

struct BuildOptions {
  std::string env;  ///< empty: the default_run_env of settings.py
  std::optional<std::string> kedro_version;  ///< overrides the detected version
  std::size_t jobs = 2;
  DeployConfig deploy;
  ArtifactsConfig artifacts;
  /// `[tool.kedrolint] extra-source-roots` (relative to the project root) and
  /// where each is written, for KL009 when the folder does not exist.
  std::vector<std::pair<std::string, core::Span>> extra_source_roots;
  /// Source bytes whose syntax trees may be kept parsed ahead of the
  /// evaluation, and how many released trees stay cached (see
  /// python::SourceStore). Tests set both to 0 to parse again on every use.
  std::size_t trees_ahead_bytes = python::SourceStore::kDefaultAheadBytes;
  std::size_t recent_trees = python::SourceStore::kDefaultRecentTrees;
  /// Parse files without the bodies of functions that do not build
  /// pipelines (parse/python_skeleton.hpp); the model is the same either way.
  bool elide_function_bodies = true;
};

/// Discovers, parses and evaluates the project at `root` into the model.
/// Never throws on bad input: problems become findings.
Project build_project(const std::filesystem::path& root, core::SourceMap& sources, const BuildOptions& options);

}  // namespace kedrolint::model
