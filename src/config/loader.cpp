#include "config/loader.hpp"

#include <algorithm>
#include <future>
#include <set>
#include <unordered_map>

#include "config/interpolation.hpp"
#include "config/templated.hpp"
#include "core/text.hpp"
#include "parse/yaml_source.hpp"
#include "project/read_problem.hpp"

namespace kedrolint::config {
namespace fs = std::filesystem;

namespace {

// The YAML tree is garbage as soon as it is converted, and in the converting
// thread's malloc arena its holes would keep the pages of the configuration
// values resident (about 6 MB of RSS for a 500 KB parameters file). Parsed on a
// thread of its own, in another arena, it is freed whole.
parse::YamlSource parse_yaml_apart(const core::SourceFile& file) {
  try {
    return std::async(std::launch::async, [&file] { return parse::parse_yaml(file); }).get();
  } catch (const std::system_error&) {  // no thread to be had
    return parse::parse_yaml(file);
  }
}

constexpr std::string_view kConfigLoader = "KL011";
constexpr std::string_view kInvalidEntry = "KL310";
constexpr std::string_view kDuplicateKey = "KL311";
// The files of TemplatedConfigLoader's `globals_pattern`, loaded like a key.
constexpr std::string_view kTemplatedGlobals = "\x1ftemplated globals";

void leaf_paths(const ConfigPtr& v, const std::string& prefix, std::vector<std::pair<std::string, const ConfigValue*>>& out) {
  for (const auto& [k, child] : v->entries) {
    const std::string path = prefix.empty() ? k : prefix + "." + k;
    // Kedro's _get_all_keys recurses into every dict: an empty one adds no key.
    if (child->is_map()) {
      leaf_paths(child, path, out);
    } else {
      out.emplace_back(path, child.get());
    }
  }
}

}  // namespace

ConfigLoader::ConfigLoader(const fs::path& project_root, LoaderSettings settings, std::string env,
                           project::KedroVersion version, core::SourceMap& sources, std::vector<core::Finding>& findings)
    : root_(project_root),
      conf_root_(project_root / settings.conf_source),
      settings_(std::move(settings)),
      env_(std::move(env)),
      version_(std::move(version)),
      sources_(sources),
      findings_(findings) {}

std::vector<fs::path> ConfigLoader::env_dirs() const {
  std::vector<fs::path> out = {(conf_root_ / settings_.base_env).lexically_normal()};
  const std::string run_env = this->run_env();
  if (run_env != settings_.base_env) out.push_back((conf_root_ / run_env).lexically_normal());
  return out;
}

LoadedConfig ConfigLoader::load(const std::string& key) {
  LoadedConfig out;
  auto patterns = settings_.patterns.find(key);
  if (patterns == settings_.patterns.end()) return out;
  if (key != "globals" && !globals_) {
    globals_ = ConfigPtr();  // engaged first: the templated globals are loaded through load()
    globals_ = settings_.kind == LoaderKind::Omega ? load("globals").value : templated_globals();
  }
  ConfigPtr merged;
  const auto dirs = env_dirs();
  if (dirs.size() > 1 && settings_.kind == LoaderKind::Omega) check_merge_strategy(key);
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    ConfigPtr env_config = load_env(dirs[i], key, out);
    if (!env_config) continue;
    if (!merged) {
      merged = env_config;
      continue;
    }
    auto strategy = settings_.merge_strategy.find(key);
    if (settings_.kind == LoaderKind::Omega && strategy != settings_.merge_strategy.end() &&
        strategy->second == "soft") {
      merged = deep_merge(merged, env_config);
    } else {
      // Destructive: each top-level key of the run environment replaces base's.
      auto copy = std::make_shared<ConfigValue>(*merged);
      std::unordered_map<std::string, std::size_t> position;
      for (std::size_t k = 0; k < copy->entries.size(); ++k) position.emplace(copy->entries[k].first, k);
      for (const auto& [k, v] : env_config->entries) {
        if (auto it = position.find(k); it != position.end()) {
          copy->entries[it->second].second = v;
        } else {
          position.emplace(k, copy->entries.size());
          copy->entries.emplace_back(k, v);
        }
      }
      merged = copy;
    }
  }
  if (!merged) {
    auto empty = std::make_shared<ConfigValue>();
    empty->kind = ConfigValue::Kind::Map;
    merged = empty;
  }
  // TemplatedConfigLoader.get formats the merged configuration of all environments.
  if (settings_.kind == LoaderKind::Templated && key != kTemplatedGlobals) {
    merged = format_templated(merged, *globals_, settings_.globals_unknown, findings_);
  }
  out.value = merged;
  return out;
}

// TemplatedConfigLoader.__init__: the `globals_pattern` files of every
// environment (top-level keys of the run environment replace base's), then
// `globals_dict` over them. Null for the other loaders.
ConfigPtr ConfigLoader::templated_globals() {
  if (settings_.kind != LoaderKind::Templated) return nullptr;
  ConfigPtr files;
  if (!settings_.globals_pattern.empty()) {
    settings_.patterns[std::string(kTemplatedGlobals)] = {settings_.globals_pattern};
    files = load(std::string(kTemplatedGlobals)).value;
    settings_.patterns.erase(std::string(kTemplatedGlobals));
  }
  if (!settings_.globals_dict || !settings_.globals_dict->is_map()) return files;
  auto merged = std::make_shared<ConfigValue>(files ? *files : *settings_.globals_dict);
  if (!files) return merged;
  // No structured bindings here: clang 14 cannot capture them in a lambda.
  for (const auto& entry : settings_.globals_dict->entries) {
    const std::string& key = entry.first;
    auto it = std::find_if(merged->entries.begin(), merged->entries.end(), [&](const auto& e) { return e.first == key; });
    if (it != merged->entries.end()) it->second = entry.second;
    else merged->entries.push_back(entry);
  }
  return merged;
}

// kedro/config/omegaconf_config.py _merge_configs: MergeStrategies[name.upper()].
void ConfigLoader::check_merge_strategy(const std::string& key) {
  for (const auto& bad : settings_.invalid_merge_strategies) {
    if (bad.key != key) continue;
    findings_.push_back({std::string(kConfigLoader), bad.span,
                         "merge strategy `" + bad.value + "` for `" + key + "` is not supported; Kedro raises \"Merging "
                         "strategy " + bad.value + " not supported. The accepted merging strategies are ['destructive', "
                         "'soft'].\"",
                         {},
                         std::string("Use \"soft\" (deep merge) or \"destructive\" (the run environment's top-level "
                                     "keys replace base's).")});
  }
}

// kedro/config/omegaconf_config.py load_and_merge_dir_config: "Given
// configuration path either does not exist or is not a valid directory".
// Only the catalog cannot do without its folders (missing parameters and
// credentials are warnings), and Kedro always loads the catalog.
void ConfigLoader::check_env_dirs(core::Span fallback) {
  std::error_code ec;
  auto report = [&](const fs::path& dir, const std::string& what, core::Span named_at) {
    const std::string shown = sources_.display_path(dir);
    findings_.push_back({std::string(kConfigLoader), named_at.valid() ? named_at : fallback,
                         "configuration folder `" + shown + "` " + what + " does not exist; Kedro fails to load the "
                         "catalog: \"Given configuration path either does not exist or is not a valid directory: " +
                             shown + "\"",
                         {},
                         "Create `" + shown + "` (Kedro's starters keep an empty `conf/local` with a `.gitkeep`), or "
                         "choose an existing environment with `--env`."});
  };
  if (!fs::is_directory(conf_root_, ec)) {
    report(conf_root_, "(CONF_SOURCE)", {});
    return;
  }
  const auto dirs = env_dirs();
  if (!fs::is_directory(dirs[0], ec)) report(dirs[0], "of the base environment", settings_.base_env_span);
  if (dirs.size() > 1 && !fs::is_directory(dirs[1], ec)) {
    report(dirs[1], "of the run environment `" + run_env() + "`",
           env_.empty() ? settings_.default_run_env_span : core::Span{});
  }
}

void ConfigLoader::report_unreadable(const std::vector<fs::path>& folders) {
  for (const auto& folder : folders) {
    if (!unreadable_reported_.insert(folder).second) continue;
    // A folder is no source file; register it empty so the finding has a place.
    const core::SourceFile& where = sources_.add(folder, std::string());
    findings_.push_back({"KL008", where.span(0, 0),
                         "cannot read folder `" + where.display_path() + "`; the configuration files in it are not "
                         "analysed",
                         {}, std::string("Make the folder readable by the user running kedrolint.")});
  }
}

namespace {

// Where a Jinja2 statement, expression or comment opens, if anywhere.
std::optional<std::size_t> jinja2_tag(std::string_view text) {
  std::optional<std::size_t> first;
  for (const char* open : {"{%", "{{", "{#"}) {
    const auto at = text.find(open);
    if (at != std::string_view::npos && (!first || at < *first)) first = at;
  }
  return first;
}

// The tag opening at `at`, up to its closing `%}`, `}}` or `#}`; cut to one
// line of at most 60 characters.
std::string jinja2_tag_text(std::string_view text, std::size_t at) {
  const char close[] = {text[at + 1] == '{' ? '}' : text[at + 1], '}', '\0'};
  const auto end = text.find(close, at + 2);
  std::string tag(text.substr(at, end == std::string_view::npos ? 60 : end + 2 - at));
  if (tag.size() > 60 || tag.find('\n') != std::string::npos) {
    tag = tag.substr(0, std::min<std::size_t>(tag.find('\n'), 57)) + "...";
  }
  return tag;
}

}  // namespace

ConfigPtr ConfigLoader::load_env(const fs::path& dir, const std::string& key, LoadedConfig& out) {
  std::vector<fs::path> unreadable, other_formats;
  const bool anyconfig = settings_.kind != LoaderKind::Omega;  // reads .ini, .xml... too
  const auto paths = find_config_files(dir, settings_.patterns.at(key), &unreadable, anyconfig ? &other_formats : nullptr);
  report_unreadable(unreadable);
  for (const auto& path : other_formats) {
    out.incomplete = true;
    auto loaded = sources_.load(path);
    if (!loaded.file) {
      project::report_read_problem(path, loaded, findings_);
      continue;
    }
    findings_.push_back({"KL012", loaded.file->span(0, 0),
                         "Kedro reads `" + loaded.file->display_path() + "` (anyconfig reads " +
                             path.extension().string() + " files), kedrolint reads only YAML and JSON; its " + key +
                             " entries are not read",
                         {},
                         std::string("Convert the file to YAML; rules that need every " + key +
                                     " entry are off meanwhile.")});
  }
  std::vector<std::pair<const core::SourceFile*, ConfigPtr>> files;
  for (const auto& path : paths) {
    auto loaded = sources_.load(path);
    project::report_read_problem(path, loaded, findings_);
    if (!loaded.file || loaded.error) {
      out.incomplete = true;
      continue;
    }
    out.files.push_back(loaded.file);
    out.any_file = true;
    if (settings_.kind == LoaderKind::Templated) {
      // anyconfig.load(..., ac_template=True) renders the file with Jinja2 first.
      if (auto at = jinja2_tag(loaded.file->text())) {
        const std::string tag = jinja2_tag_text(loaded.file->text(), *at);
        findings_.push_back({"KL012", loaded.file->span(static_cast<std::uint32_t>(*at), static_cast<std::uint32_t>(*at + 2)),
                             "`" + tag + "`: the TemplatedConfigLoader renders this file with Jinja2 first, which "
                             "kedrolint does not do; the " + key + " entries of `" + loaded.file->display_path() +
                             "` are not read",
                             {},
                             std::string("Write the entries out, or use a dataset factory pattern (Kedro 0.19+) instead "
                                         "of a Jinja2 loop; rules that need every " + key + " entry are off meanwhile.")});
        out.incomplete = true;
        continue;
      }
    }
    const auto yaml = parse_yaml_apart(*loaded.file);
    if (yaml.error) {
      findings_.push_back({"KL002", yaml.error->span, yaml.error->message, {}, std::nullopt});
      out.incomplete = true;
      continue;
    }
    // OmegaConf refuses duplicate keys within one mapping of a file (PyYAML,
    // which the older loaders use, keeps the last).
    std::vector<const parse::YamlNode*> stack;
    if (settings_.kind == LoaderKind::Omega) stack.push_back(yaml.root.get());
    while (!stack.empty()) {
      const auto* n = stack.back();
      stack.pop_back();
      std::map<std::string, core::Span> seen;
      for (const auto& [k, v] : n->entries) {
        if (k->is_scalar() && !k->merged) {
          auto [it, inserted] = seen.emplace(k->scalar, k->span);
          if (!inserted) {
            findings_.push_back({std::string(kDuplicateKey), k->span,
                                 "duplicate key `" + k->scalar + "` in the same mapping; OmegaConf refuses the file",
                                 {{it->second, "first defined here"}},
                                 std::string("Keep one of the two entries.")});
          }
        }
        stack.push_back(v.get());
      }
      for (const auto& item : n->items) stack.push_back(item.get());
    }
    ConfigPtr value = from_yaml(*yaml.root);
    if (value->kind == ConfigValue::Kind::Null) continue;  // an empty file
    if (!value->is_map()) {
      out.incomplete = true;
      findings_.push_back({std::string(kInvalidEntry), value->span,
                           "`" + loaded.file->display_path() + "` must be a mapping of " + key + " entries", {},
                           std::nullopt});
      continue;
    }
    files.emplace_back(loaded.file, value);
  }
  if (files.empty()) return nullptr;
  check_duplicates(key, files);
  ConfigPtr merged;
  for (const auto& [file, value] : files) merged = deep_merge(merged, value);
  // ConfigLoader and TemplatedConfigLoader do not interpolate per folder, and
  // drop the top-level `_` keys of every file (kedro-0.18.14/kedro/config/common.py).
  if (settings_.kind == LoaderKind::Omega) {
    const ResolverContext context{key, globals_ ? *globals_ : nullptr, settings_.custom_resolvers,
                                  settings_.custom_resolvers_unknown};
    merged = resolve_interpolations(merged, context, findings_);
    if (key == "parameters") return merged;
  }
  auto without_private = std::make_shared<ConfigValue>(*merged);
  without_private->entries.erase(std::remove_if(without_private->entries.begin(), without_private->entries.end(),
                                                [](const auto& e) { return !e.first.empty() && e.first[0] == '_'; }),
                                 without_private->entries.end());
  return without_private;
}

void ConfigLoader::check_duplicates(const std::string& key,
                                    const std::vector<std::pair<const core::SourceFile*, ConfigPtr>>& files) {
  // Parameters compare full leaf paths from Kedro 0.19.9; everything else
  // compares top-level keys. Keys starting with `_` are not compared.
  const bool leaves = key == "parameters" && version_.at_least(0, 19, 9);
  std::map<std::string, std::pair<const core::SourceFile*, const ConfigValue*>> first;
  for (const auto& [file, value] : files) {
    std::vector<std::pair<std::string, const ConfigValue*>> keys;
    if (leaves) {
      leaf_paths(value, "", keys);
    } else {
      for (const auto& [k, v] : value->entries) keys.emplace_back(k, v.get());
    }
    for (const auto& [k, v] : keys) {
      if (!k.empty() && k[0] == '_') continue;
      auto [it, inserted] = first.emplace(k, std::make_pair(file, v));
      if (inserted || it->second.first == file) continue;
      findings_.push_back({std::string(kDuplicateKey), v->key_span.valid() ? v->key_span : v->span,
                           "`" + k + "` is also defined in `" + it->second.first->display_path() +
                               "`; Kedro raises \"Duplicate keys found\" for the same environment",
                           {{it->second.second->key_span.valid() ? it->second.second->key_span : it->second.second->span,
                             "first defined here"}},
                           std::string("Keep the key in one file, or move one of them to another environment.")});
    }
  }
}

}  // namespace kedrolint::config
