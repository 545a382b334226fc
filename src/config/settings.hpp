#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/artifacts.hpp"
#include "model/deploy.hpp"
#include "parse/toml_source.hpp"

namespace kedrolint::config {

/// One documented `[tool.kedrolint]` key; docs/configuration.md is generated
/// from this table.
struct OptionDoc {
  std::string_view key;
  std::string_view type;
  std::string_view default_value;
  std::string_view example;
  std::string_view doc;
};
const std::vector<OptionDoc>& option_docs();

/// Validated settings: `[tool.kedrolint]` first, then command-line flags.
struct Settings {
  std::vector<std::string> select = {"ALL"};
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;  ///< glob -> selectors
  std::map<std::string, core::Severity> severity;  ///< rule code -> severity
  core::Severity fail_on = core::Severity::Warning;
  std::string env;  ///< empty: settings.py's default_run_env (Kedro's default, "local")
  std::optional<std::string> kedro_version;  ///< overrides the detected version
  model::DeployConfig deploy;                ///< [tool.kedrolint.deploy]
  model::ArtifactsConfig artifacts;          ///< [tool.kedrolint.artifacts]
  /// Folders (relative to the project root) whose packages are project code.
  std::vector<std::pair<std::string, core::Span>> extra_source_roots;

  [[nodiscard]] bool enabled(std::string_view code) const;
  [[nodiscard]] bool ignored_in_file(std::string_view code, std::string_view display_path) const;
};

/// Reads `[tool.kedrolint]`. Unknown keys, wrong types and unknown rule
/// codes become KL009 / KL004 findings pointing into pyproject.toml.
Settings read_settings(const parse::TomlValue* table, std::vector<core::Finding>& findings);

/// Applies a deployment target preset and explicit choices (from the table or
/// the command line); empty strings keep what is there.
void configure_deploy(model::DeployConfig& deploy, const std::string& target, const std::string& mapping,
                      const std::string& groups);

}  // namespace kedrolint::config
