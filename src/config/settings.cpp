#include "config/settings.hpp"

#include <algorithm>
#include <filesystem>

#include "core/text.hpp"
#include "rules/rule.hpp"

namespace kedrolint::config {
namespace {

constexpr std::string_view kBadConfig = "KL009";
constexpr std::string_view kUnknownCode = "KL004";

bool any_selector(const std::vector<std::string>& selectors, const rules::RuleInfo& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& s) { return rules::selector_matches(s, rule); });
}

class Reader {
 public:
  explicit Reader(std::vector<core::Finding>& findings) : findings_(findings) {}

  void bad(const parse::TomlValue& value, std::string message, std::optional<std::string> help = std::nullopt) {
    findings_.push_back({std::string(kBadConfig), value.span, std::move(message), {}, std::move(help)});
  }

  std::optional<std::string> string(const parse::TomlValue& value, std::string_view key) {
    if (value.is_string()) return value.string;
    bad(value, "`" + std::string(key) + "` must be a string, found " + std::string(value.kind_name()));
    return std::nullopt;
  }

  std::vector<std::string> selectors(const parse::TomlValue& value, std::string_view key, bool prefixes_ok = true) {
    std::vector<std::string> out;
    if (!value.is_array()) {
      bad(value, "`" + std::string(key) + "` must be an array of rule codes, found " + std::string(value.kind_name()));
      return out;
    }
    for (const auto& item : value.array) {
      if (!item.is_string()) {
        bad(item, "rule selectors must be strings, found " + std::string(item.kind_name()));
        continue;
      }
      if (!check_code(item, prefixes_ok)) continue;
      out.push_back(item.string);
    }
    return out;
  }

  bool check_code(const parse::TomlValue& item, bool prefixes_ok) {
    const bool exact = rules::find_rule(item.string) != nullptr;
    if (exact || (prefixes_ok && rules::is_valid_selector(item.string))) return true;
    findings_.push_back({std::string(kUnknownCode), item.span, "unknown rule `" + item.string + "`", {},
                         rules::unknown_rule_help(item.string)});
    return false;
  }

 private:
  std::vector<core::Finding>& findings_;
};

void read_artifacts(Reader& r, const parse::TomlValue& table, model::ArtifactsConfig& artifacts,
                    std::vector<core::Finding>& findings) {
  if (!table.is_table()) {
    r.bad(table, "`artifacts` must be a table");
    return;
  }
  const std::vector<std::string> kinds(std::begin(model::kKinds), std::end(model::kKinds));
  for (const auto& [key, value] : table.table) {
    if (key != "dataset-kinds" && key != "type-kinds") {
      findings.push_back({std::string(kBadConfig), value.key_span, "unknown option `" + key + "` in `[tool.kedrolint.artifacts]`",
                          {}, std::string("Known options: dataset-kinds, type-kinds.")});
      continue;
    }
    if (!value.is_table()) {
      r.bad(value, "`" + key + "` must be a table of name = kind");
      continue;
    }
    auto& target = key == "dataset-kinds" ? artifacts.dataset_kinds : artifacts.type_kinds;
    for (const auto& [name, kind] : value.table) {
      auto text = r.string(kind, name);
      if (!text) continue;
      if (std::find(kinds.begin(), kinds.end(), *text) == kinds.end() && !text->empty()) {
        r.bad(kind, "unknown kind `" + *text + "`", "Kinds: " + core::join(kinds, ", ") + ".");
        continue;
      }
      target.emplace_back(name, *text);
    }
  }
}

void read_deploy(Reader& r, const parse::TomlValue& table, model::DeployConfig& deploy,
                 std::vector<core::Finding>& findings) {
  if (!table.is_table()) {
    r.bad(table, "`deploy` must be a table");
    return;
  }
  deploy.enabled = true;
  deploy.span = table.key_span.valid() ? table.key_span : table.span;
  std::string target, mapping, groups;
  for (const auto& [key, value] : table.table) {
    if (key == "target") {
      if (auto t = r.string(value, key)) {
        if (!model::find_target(*t)) {
          std::vector<std::string> names;
          for (const auto& p : model::target_presets()) names.emplace_back(p.name);
          r.bad(value, "unknown deployment target `" + *t + "`", "Known targets: " + core::join(names, ", ") + ".");
        } else {
          target = *t;
        }
      }
    } else if (key == "mapping") {
      if (auto m = r.string(value, key)) {
        if (*m != "1:1" && *m != "M:1" && *m != "M:N") r.bad(value, "`mapping` must be \"1:1\", \"M:1\" or \"M:N\"");
        else mapping = *m;
      }
    } else if (key == "groups") {
      if (auto g = r.string(value, key)) {
        groups = *g;
        deploy.groups_span = value.span;
      }
    } else if (key == "pipelines") {
      deploy.group_pipelines.clear();
      if (!value.is_array()) r.bad(value, "`pipelines` must be a list of registered pipeline names");
      for (const auto& item : value.array) {
        if (item.is_string()) deploy.group_pipelines.push_back(item.string);
      }
    } else if (key == "groups-file") {
      if (auto f = r.string(value, key)) {
        deploy.groups_file = *f;
        deploy.groups_span = value.span;
        if (groups.empty()) groups = "file";
      }
    } else if (key == "pipeline") {
      if (auto p = r.string(value, key)) deploy.pipeline = *p;
    } else if (key == "untagged") {
      if (auto u = r.string(value, key)) {
        if (*u != "error" && *u != "singleton") r.bad(value, "`untagged` must be \"error\" or \"singleton\"");
        deploy.untagged_singletons = *u == "singleton";
      }
    } else if (key == "shared-storage") {
      if (!value.is_array()) r.bad(value, "`shared-storage` must be a list of path prefixes");
      for (const auto& item : value.array) {
        if (item.is_string()) deploy.shared_prefixes.push_back(item.string);
      }
    } else {
      std::vector<std::string> keys;
      for (const auto& doc : option_docs()) {
        if (doc.key.rfind("deploy.", 0) == 0) keys.emplace_back(doc.key.substr(7));
      }
      const auto close = core::close_matches(key, keys, 1);
      findings.push_back({std::string(kBadConfig), value.key_span, "unknown option `" + key + "` in `[tool.kedrolint.deploy]`",
                          {}, close.empty() ? "Known options: " + core::join(keys, ", ") + "."
                                            : "Did you mean `" + close.front() + "`?"});
    }
  }
  configure_deploy(deploy, target, mapping, groups);
}

// `extra-source-roots = ["../libs/common/src"]`: relative folders (whether
// they exist is checked against the project root when the model is built).
void read_extra_source_roots(Reader& r, const parse::TomlValue& value,
                             std::vector<std::pair<std::string, core::Span>>& out) {
  if (!value.is_array()) {
    r.bad(value, "`extra-source-roots` must be an array of folder paths, found " + std::string(value.kind_name()));
    return;
  }
  for (const auto& item : value.array) {
    if (!item.is_string() || item.string.empty()) {
      r.bad(item, "extra source roots must be non-empty strings, found " + std::string(item.kind_name()));
    } else if (std::filesystem::path(item.string).is_absolute()) {
      r.bad(item, "extra source root `" + item.string + "` must be relative to the project root",
            std::string("Write it relative to the folder of pyproject.toml, e.g. \"../libs/common/src\"."));
    } else {
      out.emplace_back(item.string, item.span);
    }
  }
}

}  // namespace

void configure_deploy(model::DeployConfig& deploy, const std::string& target, const std::string& mapping,
                      const std::string& groups) {
  if (!target.empty() || !mapping.empty() || !groups.empty()) deploy.enabled = true;
  if (!target.empty()) {
    deploy.target = target;
    if (const auto* preset = model::find_target(target)) {
      deploy.mapping = std::string(preset->mapping);
      if (!preset->groups.empty() && deploy.groups.empty()) deploy.groups = std::string(preset->groups);
      if (preset->untagged_singletons && !deploy.untagged_singletons) deploy.untagged_singletons = true;
      for (const auto& prefix : preset->shared_prefixes) {
        if (std::find(deploy.shared_prefixes.begin(), deploy.shared_prefixes.end(), prefix) ==
            deploy.shared_prefixes.end()) {
          deploy.shared_prefixes.emplace_back(prefix);
        }
      }
    }
  }
  if (!groups.empty()) {
    deploy.groups = groups;
    if (mapping.empty()) deploy.mapping = "M:N";
  }
  if (!mapping.empty()) deploy.mapping = mapping;
  if (deploy.mapping == "M:N" && deploy.groups.empty()) deploy.groups = "namespace";
}

const std::vector<OptionDoc>& option_docs() {
  static const std::vector<OptionDoc> docs = {
      {"select", "list of rule selectors", "[\"ALL\"]", "select = [\"KL1\", \"KL301\"]",
       "Rules to enable: codes (`KL301`), prefixes (`KL3`), names (`missing-catalog-entry`) or `ALL`."},
      {"extend-select", "list of rule selectors", "[]", "extend-select = [\"KL5\"]",
       "Rules to enable in addition to `select`."},
      {"ignore", "list of rule selectors", "[]", "ignore = [\"KL303\"]",
       "Rules to disable; wins over `select`."},
      {"per-file-ignores", "table of glob -> list of selectors", "{}",
       "per-file-ignores = { \"conf/local/**\" = [\"KL3\"], \"!src/**\" = [\"KL1\"] }",
       "Rules to ignore in files matching a glob (relative to the project root, `**` for any folders). "
       "A glob starting with `!` applies to files that do *not* match it."},
      {"severity", "table of rule -> \"error\" | \"warning\" | \"note\"", "{}", "severity = { KL303 = \"error\" }",
       "Changes the severity of individual rules."},
      {"fail-on", "\"error\" | \"warning\" | \"note\"", "\"warning\"", "fail-on = \"error\"",
       "The lowest severity that makes `kedrolint check` exit with 1."},
      {"env", "string", "settings.py's default_run_env, else \"local\"", "env = \"prod\"",
       "The Kedro configuration environment merged over the base environment (like `kedro run --env`); "
       "`--env` overrides it."},
      {"deploy.target", "\"airflow\" | \"kubeflow\" | \"vertexai\" | \"sagemaker\" | \"azureml\" | \"mlrun\" | \"databricks\" | \"docker\"",
       "none", "deploy.target = \"vertexai\"",
       "Turns on the deployment checks (KL4xx) with the target's defaults: its task mapping and the storage "
       "prefixes its tasks share (e.g. `gs://` for Vertex AI)."},
      {"deploy.mapping", "\"1:1\" | \"M:1\" | \"M:N\"", "the target's", "deploy.mapping = \"M:N\"",
       "How nodes map to tasks: one task per node, one task for the whole pipeline, or groups of nodes."},
      {"deploy.groups", "\"namespace\" | \"tags:<prefix>\" | \"pipelines\" | \"memory\" | \"memory:kedro-airflow\" | \"file\"",
       "the target's",
       "deploy.groups = \"tags:group.\"",
       "With `M:N`, how groups are formed: Kedro's `group_nodes_by(\"namespace\")`, one tag per node with the "
       "prefix, the registered pipelines listed in `deploy.pipelines`, connected by in-memory data (every dataset "
       "kept in memory links its nodes; `memory:kedro-airflow` links only those missing from the catalog and names "
       "groups like the plugin), or a groups file (`deploy.groups-file`)."},
      {"deploy.pipelines", "list of registered pipeline names", "[]", "deploy.pipelines = [\"data_processing\", \"data_science\"]",
       "The groups, for `groups = \"pipelines\"`."},
      {"deploy.groups-file", "path", "none", "deploy.groups-file = \"deploy/groups.yml\"",
       "A YAML or JSON file naming groups by `Pipeline.filter` arguments (`kedrolint groups --write` writes one); "
       "implies `groups = \"file\"`."},
      {"deploy.pipeline", "string", "\"__default__\"", "deploy.pipeline = \"training\"",
       "The registered pipeline that is deployed."},
      {"deploy.untagged", "\"error\" | \"singleton\"", "\"singleton\" with target vertexai, else \"error\"",
       "deploy.untagged = \"singleton\"",
       "With `tags:<prefix>` groups: report nodes without such a tag, or run each in its own task (as "
       "kedro-vertexai's TagNodeGrouper does)."},
      {"deploy.shared-storage", "list of path prefixes", "the target's", "deploy.shared-storage = [\"s3://\", \"/mnt/shared\"]",
       "Storage that every task can reach, in addition to the target's; other paths count as local to one task."},
      {"artifacts.dataset-kinds", "table of dataset class -> kind", "{}",
       "artifacts.dataset-kinds = { \"my_pkg.datasets.OnnxDataset\" = \"model\" }",
       "Artifact kinds of dataset classes, consulted before the built-in table (`package.*` wildcards allowed). "
       "Kinds: model, table, array, metrics, plot, media, text, object; \"\" means the class does not decide."},
      {"artifacts.type-kinds", "table of Python type -> kind", "{}",
       "artifacts.type-kinds = { \"my_lib.models.*\" = \"model\" }",
       "Artifact kinds of Python types (fully qualified, after import resolution), consulted before the built-in table."},
      {"extra-source-roots", "list of paths", "[]", "extra-source-roots = [\"../libs/common/src\"]",
       "Folders, relative to the project root, whose packages are read as project code (searched after "
       "`source_dir`, like later `sys.path` entries): for a monorepo whose project imports sibling packages. "
       "Other imports from outside the project stay external. Each folder must lie in the project's repository "
       "(the nearest folder above it holding `.git`, else the project); files there are read, but never through "
       "a symbolic link that leads out of these folders and the project."},
      {"kedro-version", "string", "detected", "kedro-version = \"0.19.15\"",
       "The Kedro version whose semantics to follow. By default it is taken from `kedro_init_version` (or from "
       "`project_version` when it names a 0.17 or 0.18 release: Kedro 0.17 requires it and 0.18 prefers it), or "
       "from an exact `kedro==` pin that agrees with it."},
  };
  return docs;
}

bool Settings::enabled(std::string_view code) const {
  const auto* rule = rules::find_rule(code);
  if (!rule) return false;
  const bool on = any_selector(select, *rule) || any_selector(extend_select, *rule);
  return on && !any_selector(ignore, *rule);
}

bool Settings::ignored_in_file(std::string_view code, std::string_view display_path) const {
  const auto* rule = rules::find_rule(code);
  if (!rule) return false;
  for (const auto& [glob, selectors] : per_file_ignores) {
    const bool negated = !glob.empty() && glob.front() == '!';
    const std::string_view pattern = negated ? std::string_view(glob).substr(1) : std::string_view(glob);
    const bool matches = core::is_glob_match(pattern, display_path);
    if (matches != negated && any_selector(selectors, *rule)) return true;
  }
  return false;
}

Settings read_settings(const parse::TomlValue* table, std::vector<core::Finding>& findings) {
  Settings s;
  if (!table) return s;
  Reader r(findings);
  if (!table->is_table()) {
    r.bad(*table, "`[tool.kedrolint]` must be a table");
    return s;
  }
  for (const auto& [key, value] : table->table) {
    if (key == "select") {
      s.select = r.selectors(value, key);
    } else if (key == "extend-select") {
      s.extend_select = r.selectors(value, key);
    } else if (key == "ignore") {
      s.ignore = r.selectors(value, key);
    } else if (key == "per-file-ignores") {
      if (!value.is_table()) {
        r.bad(value, "`per-file-ignores` must be a table of glob = [rules]");
        continue;
      }
      for (const auto& [glob, selectors] : value.table) s.per_file_ignores.emplace_back(glob, r.selectors(selectors, glob));
    } else if (key == "severity") {
      if (!value.is_table()) {
        r.bad(value, "`severity` must be a table of rule = \"error\" | \"warning\" | \"note\"");
        continue;
      }
      for (const auto& [code, level] : value.table) {
        parse::TomlValue code_value;
        code_value.kind = parse::TomlValue::Kind::String;
        code_value.string = code;
        code_value.span = level.key_span;
        if (!r.check_code(code_value, false)) continue;
        const auto text = r.string(level, code);
        if (!text) continue;
        if (auto sev = core::parse_severity(*text)) {
          s.severity[std::string(rules::find_rule(code)->code)] = *sev;
        } else {
          r.bad(level, "unknown severity `" + *text + "`", "Use \"error\", \"warning\" or \"note\".");
        }
      }
    } else if (key == "fail-on") {
      if (auto text = r.string(value, key)) {
        if (auto sev = core::parse_severity(*text)) {
          s.fail_on = *sev;
        } else {
          r.bad(value, "unknown severity `" + *text + "`", "Use \"error\", \"warning\" or \"note\".");
        }
      }
    } else if (key == "env") {
      if (auto text = r.string(value, key)) s.env = *text;
    } else if (key == "extra-source-roots") {
      read_extra_source_roots(r, value, s.extra_source_roots);
    } else if (key == "kedro-version") {
      if (auto text = r.string(value, key)) s.kedro_version = *text;
    } else if (key == "artifacts") {
      read_artifacts(r, value, s.artifacts, findings);
    } else if (key == "deploy") {
      read_deploy(r, value, s.deploy, findings);
    } else {
      std::vector<std::string> keys;
      for (const auto& doc : option_docs()) keys.emplace_back(doc.key);
      const auto close = core::close_matches(key, keys, 1);
      findings.push_back({std::string(kBadConfig), value.key_span, "unknown option `" + key + "` in `[tool.kedrolint]`",
                          {},
                          close.empty() ? "Known options: " + core::join(keys, ", ") + "."
                                        : "Did you mean `" + close.front() + "`?"});
    }
  }
  return s;
}

}  // namespace kedrolint::config
