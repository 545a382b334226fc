#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/conf_files.hpp"
#include "config/config_value.hpp"
#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "project/kedro_version.hpp"

namespace kedrolint::config {

/// One config key (catalog, parameters, ...) loaded like Kedro's
/// OmegaConfigLoader: per environment folder, the files matching the key's
/// patterns are merged (duplicate keys across files are reported),
/// interpolations resolved within that environment, `_` keys dropped (except
/// for parameters); then the run environment is merged over base
/// (destructively by default: a top-level key replaces the whole base value).
struct LoadedConfig {
  ConfigPtr value;  ///< a map; empty when nothing was found
  std::vector<const core::SourceFile*> files;
  bool any_file = false;
  /// A matching file could not be read (KL008), did not parse (KL002) or is
  /// a Jinja2 template kedrolint does not render (KL012): entries may be
  /// missing from `value`, so no rule may conclude that one is absent.
  bool incomplete = false;
};

class ConfigLoader {
 public:
  ConfigLoader(const std::filesystem::path& project_root, LoaderSettings settings, std::string env,
               project::KedroVersion version, core::SourceMap& sources, std::vector<core::Finding>& findings);

  LoadedConfig load(const std::string& key);
  /// Reports (KL011) each environment folder that does not exist: Kedro
  /// raises MissingConfigException when it loads the catalog from it.
  /// `fallback` locates the finding when settings.py does not name the folder.
  void check_env_dirs(core::Span fallback);
  [[nodiscard]] const LoaderSettings& settings() const { return settings_; }
  [[nodiscard]] std::filesystem::path conf_root() const { return conf_root_; }
  /// `--env`, else `default_run_env` (kedro/config/omegaconf_config.py:
  /// `run_env = self.env or self.default_run_env`).
  [[nodiscard]] std::string run_env() const { return env_.empty() ? settings_.default_run_env : env_; }
  /// The environment folders read, base first.
  [[nodiscard]] std::vector<std::filesystem::path> env_dirs() const;

 private:
  void check_merge_strategy(const std::string& key);
  ConfigPtr templated_globals();
  void report_unreadable(const std::vector<std::filesystem::path>& folders);
  ConfigPtr load_env(const std::filesystem::path& dir, const std::string& key, LoadedConfig& out);
  void check_duplicates(const std::string& key,
                        const std::vector<std::pair<const core::SourceFile*, ConfigPtr>>& files);

  std::filesystem::path root_;
  std::filesystem::path conf_root_;
  LoaderSettings settings_;
  std::string env_;
  project::KedroVersion version_;
  core::SourceMap& sources_;
  std::vector<core::Finding>& findings_;
  std::optional<ConfigPtr> globals_;
  std::set<std::filesystem::path> unreadable_reported_;
};

}  // namespace kedrolint::config
