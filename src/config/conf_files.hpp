#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::config {

struct ConfigValue;

/// The config loader class a project uses (settings.py `CONFIG_LOADER_CLASS`
/// from Kedro 0.18, the `register_config_loader` hook in 0.17).
enum class LoaderKind {
  Omega,      ///< OmegaConfigLoader (the default from 0.19)
  Plain,      ///< ConfigLoader (the default before 0.19): no interpolation
  Templated,  ///< TemplatedConfigLoader: `${path|default}` from globals
};

/// The config loader's settings that decide which files are read and how.
struct LoaderSettings {
  LoaderKind kind = LoaderKind::Omega;
  /// TemplatedConfigLoader's `globals_pattern` (empty: no globals files) and
  /// `globals_dict` (a map, or null), which overrides the files' keys.
  std::string globals_pattern;
  std::shared_ptr<const ConfigValue> globals_dict;
  /// Some globals could not be read: a `${...}` without a value is then no error.
  bool globals_unknown = false;
  std::string conf_source = "conf";
  std::string base_env = "base";
  std::string default_run_env = "local";
  /// Where settings.py sets them; invalid when Kedro's defaults apply.
  core::Span base_env_span, default_run_env_span;
  /// Kedro's defaults, updated per key by `CONFIG_LOADER_ARGS["config_patterns"]`.
  std::map<std::string, std::vector<std::string>> patterns = {
      {"catalog", {"catalog*", "catalog*/**", "**/catalog*"}},
      {"parameters", {"parameters*", "parameters*/**", "**/parameters*"}},
      {"credentials", {"credentials*", "credentials*/**", "**/credentials*"}},
      {"globals", {"globals.yml"}},
  };
  /// `CONFIG_LOADER_ARGS["merge_strategy"]`: key -> "soft" | "destructive"
  /// (Kedro accepts any case).
  std::map<std::string, std::string> merge_strategy;
  /// Strategies Kedro refuses with a ValueError when it merges that key.
  struct InvalidStrategy {
    std::string key;
    std::string value;
    core::Span span;
  };
  std::vector<InvalidStrategy> invalid_merge_strategies;
  /// The names in `CONFIG_LOADER_ARGS["custom_resolvers"]` (their functions
  /// are never evaluated); `custom_resolvers_unknown` when the dict could not
  /// be read statically.
  std::set<std::string> custom_resolvers;
  bool custom_resolvers_unknown = false;
};

/// The files of one environment folder that a config key reads, as
/// OmegaConfigLoader globs them: every pattern relative to the folder, hidden
/// path components skipped, only .yml/.yaml/.json kept. Sorted by path for
/// determinism (Kedro's own order is unspecified). Folders that cannot be
/// listed are added to `unreadable` (when given) and skipped; symlinked
/// folders are not followed, so a link loop cannot hang the walk. Matching
/// files in the other formats the 0.17/0.18 loaders read through anyconfig
/// (.ini, .pickle, .properties, .xml) go to `other_formats` (when given).
std::vector<std::filesystem::path> find_config_files(const std::filesystem::path& env_dir,
                                                     const std::vector<std::string>& patterns,
                                                     std::vector<std::filesystem::path>* unreadable = nullptr,
                                                     std::vector<std::filesystem::path>* other_formats = nullptr);

}  // namespace kedrolint::config
