#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "model/project.hpp"

namespace kedrolint::engine {

/// Command-line choices; each one set here overrides `[tool.kedrolint]`.
struct CheckOptions {
  std::optional<std::string> env;
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::optional<core::Severity> fail_on;
  /// Deployment checks: `--target`, `--mapping`, `--groups` (empty: from configuration).
  std::string deploy_target, deploy_mapping, deploy_groups;
  std::size_t jobs = 2;
  /// For fixture tests: ignore the project's `select`/`ignore` (its
  /// `extend-select` still adds rules a case needs).
  bool only_selected = false;
  /// Fault injection for the KL000 tests: this rule throws instead of
  /// running (CLI: KEDROLINT_FAULT_IN_RULE=KL301). Empty: no fault.
  std::string fault_in_rule;
};

struct CheckResult {
  model::Project project;
  config::Settings settings;
  std::vector<core::Diagnostic> diagnostics;  ///< after suppression, sorted
  bool internal_error = false;
  /// Wall time of the project model (build_project) and of each rule that ran, in run order.
  double model_seconds = 0;
  double rules_wall_seconds = 0;  ///< the model-phase rules, run in parallel
  std::vector<std::pair<std::string, double>> rule_seconds;
  /// False when nothing could be analysed (no readable `[tool.kedro]`).
  [[nodiscard]] bool analysed() const { return !project.layout.package_name.empty(); }
};

/// Runs the whole analysis of the project rooted at `root`; files are read
/// into `sources`, which may be shared by several projects of one run.
CheckResult check_project(const std::filesystem::path& root, const CheckOptions& options, core::SourceMap& sources);

/// Sorts by file, line, column, code and message; drops exact duplicates.
void sort_diagnostics(std::vector<core::Diagnostic>& diagnostics, const core::SourceMap& sources);

}  // namespace kedrolint::engine
