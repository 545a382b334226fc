#include "model/evaluate.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "config/loader.hpp"
#include "core/large_stack.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "model/legacy_config.hpp"
#include "model/legacy_hooks.hpp"
#include "parse/python_import_scan.hpp"
#include "python/interpreter.hpp"

namespace kedrolint::model {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUnevaluated = "KL010";

// Project modules a file imports (anywhere in it), from its text.
void imported_modules(std::string_view text, const std::string& module, bool is_package,
                      std::vector<std::string>& out) {
  for (const auto& statement : parse::scan_imports(text)) {
    if (!statement.is_from) {
      out.insert(out.end(), statement.names.begin(), statement.names.end());
      continue;
    }
    std::string base = statement.module;
    if (statement.level > 0) {
      auto resolved = python::resolve_relative(module, is_package, statement.level, statement.module);
      if (!resolved) continue;
      base = *resolved;
    }
    out.push_back(base);
    for (const auto& name : statement.names) out.push_back(base + "." + name);
  }
}

// Calls `go_on` with `a`, `a.b`, `a.b.c` for the name `a.b.c` (the packages
// Python imports before the module) until it returns false. One buffer,
// no split: the import scan does this for every imported name.
template <class GoOn>
void for_each_prefix(const std::string& name, GoOn&& go_on) {
  std::string prefix;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = name.find('.', begin);
    const std::size_t length = dot == std::string::npos ? std::string::npos : dot - begin;
    const std::string_view part = std::string_view(name).substr(begin, length);
    // As parts joined with '.': an empty first part adds nothing.
    if (!prefix.empty()) prefix += '.';
    prefix += part;
    if (!go_on(static_cast<const std::string&>(prefix))) return;
    if (dot == std::string::npos) return;
    begin = dot + 1;
  }
}

// Every project file the registry can reach (imports found without parsing),
// in the order Python would probably import them: depth first from the
// registry, imports in source order. The background parser follows this order
// ahead of the evaluation.
std::vector<fs::path> reachable_files(const Project& project, python::SourceStore& store,
                                      const python::ModuleIndex& index, std::size_t jobs) {
  const std::string& pkg = project.layout.package_name;
  std::vector<std::string> frontier = {pkg, pkg + ".settings", pkg + ".pipeline_registry", pkg + ".pipeline",
                                       pkg + ".pipelines"};
  std::error_code ec;
  std::vector<std::string> pipeline_dirs;
  for (const auto& entry : fs::directory_iterator(project.layout.package_dir / "pipelines", ec)) {
    if (entry.is_directory(ec)) pipeline_dirs.push_back(pkg + ".pipelines." + entry.path().filename().string());
  }
  std::sort(pipeline_dirs.begin(), pipeline_dirs.end());
  frontier.insert(frontier.end(), pipeline_dirs.begin(), pipeline_dirs.end());
  const std::vector<std::string> roots = frontier;
  // Hash sets: the names share long prefixes (`pkg.pipelines.x.nodes.`),
  // which made every comparison of an ordered set a long memcmp.
  std::unordered_set<std::string> seen;
  std::unordered_map<std::string, std::vector<std::string>> imports_of;
  std::unordered_map<std::string, fs::path> file_of;
  while (!frontier.empty()) {
    std::vector<std::pair<std::string, python::ModuleLocation>> batch;
    for (const auto& name : frontier) {
      // Parent packages are imported first by Python.
      for_each_prefix(name, [&](const std::string& prefix) {
        if (!seen.insert(prefix).second) return true;
        if (auto loc = index.locate(prefix); loc && !loc->file.empty()) batch.emplace_back(prefix, *loc);
        return true;
      });
    }
    frontier.clear();
    // Files are read in parallel but registered in order (file ids must not
    // depend on timing), then scanned in parallel: the scan of a level of
    // the import graph is the first thing the evaluation waits for.
    std::vector<fs::path> paths;
    paths.reserve(batch.size());
    for (const auto& [name, location] : batch) paths.push_back(location.file.lexically_normal());
    const auto loaded = store.sources().load_all(paths, jobs);
    std::vector<const core::SourceFile*> texts(batch.size(), nullptr);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      // Not UTF-8: Python refuses it, nothing is imported.
      if (loaded[i].file && !loaded[i].error) texts[i] = loaded[i].file;
    }
    std::vector<std::vector<std::string>> found(batch.size());
    core::parallel_for(batch.size(), jobs, [&](std::size_t i) {
      if (texts[i]) imported_modules(texts[i]->text(), batch[i].first, batch[i].second.is_package, found[i]);
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
      file_of[batch[i].first] = batch[i].second.file;
      frontier.insert(frontier.end(), found[i].begin(), found[i].end());
      imports_of[batch[i].first] = std::move(found[i]);
    }
  }
  std::vector<fs::path> order;
  std::unordered_set<std::string> visited;
  // Depth first without recursion (a hostile project may chain thousands of
  // modules): a name is pushed back to go on with its next part after the
  // imports of the part just entered.
  std::vector<std::string> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    std::string name = std::move(stack.back());
    stack.pop_back();
    for_each_prefix(name, [&](const std::string& prefix) {
      if (!visited.insert(prefix).second) return true;
      if (auto f = file_of.find(prefix); f != file_of.end()) order.push_back(f->second);
      stack.push_back(name);
      if (auto it = imports_of.find(prefix); it != imports_of.end()) {
        stack.insert(stack.end(), it->second.rbegin(), it->second.rend());
      }
      return false;
    });
  }
  return order;
}

std::optional<std::string> string_setting(const python::ModulePtr& settings, const std::string& name,
                                          Project& project, bool& unknown) {
  const python::Value* v = settings->globals->lookup_local(name);
  if (!v) return std::nullopt;
  if (v->is_str()) return v->str();
  unknown = true;
  project.findings.push_back({std::string(kUnevaluated), v->is_unknown() ? v->unknown().span : v->origin,
                              "`" + name + "` in settings.py cannot be evaluated statically" +
                                  (v->is_unknown() ? ": " + v->unknown().reason : std::string()),
                              {},
                              std::string("Assign a plain string literal so tools can find the configuration.")});
  return std::nullopt;
}

// CONFIG_LOADER_ARGS["merge_strategy"]: {config key: "soft" | "destructive"}.
void read_merge_strategy(const python::Value& value, config::LoaderSettings& loader, bool& unknown) {
  if (!value.is<python::DictPtr>()) {
    unknown = true;
    return;
  }
  for (const auto& [key, strategy] : value.as<python::DictPtr>()->items) {
    if (!key.is_str() || !strategy.is_str()) {
      unknown = true;
      continue;
    }
    std::string lower = strategy.str();
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "soft" || lower == "destructive") {
      loader.merge_strategy[key.str()] = lower;
    } else {
      loader.invalid_merge_strategies.push_back({key.str(), strategy.str(), strategy.origin});
    }
  }
}

// CONFIG_LOADER_ARGS["custom_resolvers"]: only the names matter here; the
// functions stay unevaluated. Unreadable names make every resolver possible.
void read_custom_resolvers(const python::Value& value, config::LoaderSettings& loader) {
  if (!value.is<python::DictPtr>()) {
    loader.custom_resolvers_unknown = true;
    return;
  }
  for (const auto& [name, fn] : value.as<python::DictPtr>()->items) {
    if (name.is_str()) loader.custom_resolvers.insert(name.str());
    else loader.custom_resolvers_unknown = true;
  }
}

std::optional<config::LoaderSettings> read_settings(Project& project, python::Interpreter& interp) {
  config::LoaderSettings loader;
  const auto& version = project.layout.kedro_version;
  if (!version.at_least(0, 19)) {
    loader.kind = config::LoaderKind::Plain;  // ConfigLoader, the default before 0.19
    loader.patterns["logging"] = {"logging*", "logging*/**", "**/logging*"};
  }
  if (project.layout.settings_file.empty()) return loader;
  const auto settings = interp.import_module(project.layout.package_name + ".settings", {});
  if (!settings || settings->failed) return loader;
  bool unknown = false;
  // Kedro 0.17 names the setting CONF_ROOT and builds the loader in a hook.
  const bool kedro_017 = !version.at_least(0, 18);
  if (auto conf = string_setting(settings, kedro_017 ? "CONF_ROOT" : "CONF_SOURCE", project, unknown)) {
    loader.conf_source = *conf;
  }
  if (kedro_017) {
    if (!read_config_loader_hook(settings, loader, project)) return std::nullopt;
    return unknown ? std::nullopt : std::optional<config::LoaderSettings>(loader);
  }
  if (!version.at_least(0, 19) && !read_config_loader_class(settings, loader, project)) return std::nullopt;
  if (const python::Value* args = settings->globals->lookup_local("CONFIG_LOADER_ARGS")) {
    if (!args->is<python::DictPtr>()) {
      project.findings.push_back({std::string(kUnevaluated), args->is_unknown() ? args->unknown().span : args->origin,
                                  "`CONFIG_LOADER_ARGS` in settings.py cannot be evaluated statically", {},
                                  std::string("Use a dict literal of plain values.")});
      return std::nullopt;
    }
    const auto& dict = *args->as<python::DictPtr>();
    // From 0.19 a user dict replaces Kedro's default entirely: a missing
    // base_env or default_run_env becomes "" (the conf root itself). Before,
    // the loaders' own defaults are "base" and "local".
    if (version.at_least(0, 19)) {
      loader.base_env = "";
      loader.default_run_env = "";
    }
    for (const auto& [k, v] : dict.items) {
      if (!k.is_str()) continue;
      if (!version.at_least(0, 19)) read_templated_arg(k.str(), v, loader, project);
      if (k.str() == "base_env" || k.str() == "default_run_env") {
        if (!v.is_str()) {
          unknown = true;
          continue;
        }
        (k.str() == "base_env" ? loader.base_env : loader.default_run_env) = v.str();
        (k.str() == "base_env" ? loader.base_env_span : loader.default_run_env_span) = v.origin;
      } else if (k.str() == "config_patterns") {
        if (!v.is<python::DictPtr>()) {
          unknown = true;
          continue;
        }
        for (const auto& [key, patterns] : v.as<python::DictPtr>()->items) {
          if (!key.is_str() || !patterns.is<python::ListPtr>()) {
            unknown = true;
            continue;
          }
          std::vector<std::string> list;
          for (const auto& p : patterns.as<python::ListPtr>()->items) {
            if (p.is_str()) list.push_back(p.str());
            else unknown = true;
          }
          loader.patterns[key.str()] = list;
        }
      } else if (k.str() == "merge_strategy") {
        read_merge_strategy(v, loader, unknown);
      } else if (k.str() == "custom_resolvers") {
        read_custom_resolvers(v, loader);
      }
    }
    if (unknown) {
      project.findings.push_back({std::string(kUnevaluated), args->origin,
                                  "part of `CONFIG_LOADER_ARGS` in settings.py cannot be evaluated statically", {},
                                  std::string("Use plain string and list literals.")});
    }
  }
  if (unknown) return std::nullopt;
  return loader;
}

python::Value config_to_value(const config::ConfigValue& v) {
  using Kind = config::ConfigValue::Kind;
  if (v.symbolic) return python::make_unknown("`" + v.text + "` is resolved when Kedro runs", v.span);
  switch (v.kind) {
    case Kind::Null: return python::Value(python::NoneValue{}, v.span);
    case Kind::Bool: return python::Value(v.text == "True", v.span);
    case Kind::Int:
      try {
        return python::Value(static_cast<std::int64_t>(std::stoll(v.text)), v.span);
      } catch (const std::exception&) {
        return python::make_unknown("the integer `" + v.text + "` is too large", v.span);
      }
    case Kind::Float:
      try {
        return python::Value(std::stod(v.text), v.span);
      } catch (const std::exception&) {
        return python::make_unknown("the float `" + v.text + "` is not evaluated", v.span);
      }
    case Kind::String: return python::Value(v.text, v.span);
    case Kind::List: {
      std::vector<python::Value> items;
      for (const auto& item : v.items) items.push_back(config_to_value(*item));
      return python::make_list(std::move(items), v.span);
    }
    case Kind::Map: {
      auto dict = std::make_shared<python::DictObj>();
      for (const auto& [key, child] : v.entries) dict->set(python::Value(key, child->key_span), config_to_value(*child));
      return python::Value(python::DictPtr(dict), v.span);
    }
  }
  return python::make_unknown("a configuration value kedrolint does not read", v.span);
}

// `loader[key]` for an OmegaConfigLoader the project builds: the files of its
// own conf_source and environments, read as Kedro would. Anything Kedro would
// report while loading (a duplicate key, bad YAML) makes the read Unknown.
python::Value read_config(const Project& project, core::SourceMap& sources, const python::ConfigRequest& request) {
  const auto& l = request.loader;
  const fs::path root = project.layout.root.lexically_normal();
  const fs::path conf = (root / l.conf_source).lexically_normal();
  const fs::path rel = conf.lexically_relative(root);
  if (l.conf_source.find("://") != std::string::npos || rel.empty() || *rel.begin() == "..") {
    return python::make_unknown("`conf_source=\"" + l.conf_source + "\"` lies outside the project", request.span);
  }
  config::LoaderSettings settings;
  settings.conf_source = rel.string();
  settings.base_env = l.base_env;
  settings.default_run_env = l.default_run_env;
  std::vector<core::Finding> problems;
  config::ConfigLoader loader(root, settings, l.env.value_or(""), project.layout.kedro_version, sources, problems);
  const auto loaded = loader.load(request.key);
  if (!problems.empty()) {
    return python::make_unknown("loading `" + request.key + "` raises: " + problems.front().message, request.span);
  }
  if (!loaded.any_file && request.key != "globals") {
    return python::make_unknown("MissingConfigException: no `" + request.key + "` files under `" + l.conf_source + "`",
                                request.span);
  }
  return config_to_value(*loaded.value);
}

// What one `register_pipelines()` returned, or nullopt after a finding.
std::optional<python::DictPtr> registered_dict(Project& project, python::Interpreter& interp, const python::Value& fn,
                                               std::vector<python::Arg> args, core::Span where,
                                               const std::string& what) {
  python::Value result = interp.call(fn, std::move(args), where);
  if (result.is_unknown()) {
    if (result.unknown().reported) return std::nullopt;  // Kedro raises: a KL1xx rule reports why
    project.findings.push_back({std::string(kUnevaluated), result.unknown().span.valid() ? result.unknown().span : where,
                                "cannot evaluate statically: " + result.unknown().reason +
                                    "; no registered pipeline is known",
                                {{where, "while evaluating `" + what + "`"}},
                                std::nullopt});
    return std::nullopt;
  }
  if (!result.is<python::DictPtr>()) {
    project.findings.push_back({std::string(kUnevaluated), where,
                                "`" + what + "` returns a `" + result.type_name() + "`, not a dict of pipelines", {},
                                std::nullopt});
    return std::nullopt;
  }
  return result.as<python::DictPtr>();
}

// Adds (or, as dict.update does, replaces in place) each registered pipeline.
void add_registered(Project& project, const python::DictPtr& dict, core::Span where) {
  for (const auto& [key, value] : dict->items) {
    if (!key.is_str()) continue;
    RegisteredPipeline reg;
    reg.name = key.str();
    reg.span = key.origin.valid() ? key.origin : where;  // the dict entry that registers it
    if (value.is<python::PipelineValue>()) {
      reg.pipeline = value.as<python::PipelineValue>().pipeline;
    } else {
      auto p = std::make_shared<Pipeline>();
      p->span = where;
      p->unknowns.push_back(value.is_unknown() ? value.unknown()
                                               : Unknown{"the registered value is a `" + value.type_name() +
                                                             "`, not a Pipeline",
                                                         value.origin.valid() ? value.origin : where});
      reg.pipeline = p;
    }
    if (!project.pipelines.count(reg.name)) project.registration_order.push_back(reg.name);
    project.pipelines[reg.name] = std::move(reg);
  }
}

// Kedro 0.17 also merges the dicts of `register_pipelines` hooks over the
// registry's (kedro-0.17.7/kedro/framework/project/__init__.py `_load_data`).
// Returns false when a hook could not be evaluated.
bool register_hook_pipelines(Project& project, python::Interpreter& interp, bool& any_hook) {
  if (project.layout.settings_file.empty()) return true;  // HOOKS defaults to ()
  const auto settings = interp.import_module(project.layout.package_name + ".settings", {});
  if (!settings || settings->failed) return false;
  const LegacyHooks hooks = find_hook_impls(settings, "register_pipelines");
  for (const auto& u : hooks.unknown) {
    project.findings.push_back({std::string(kUnevaluated), u.span, "cannot evaluate statically: " + u.reason, {},
                                std::string("List hooks as `HOOKS = (ProjectHooks(),)` with classes of the project.")});
  }
  for (const auto& hook : hooks.impls) {
    any_hook = true;
    const core::Span where = hook.method->def_span;
    std::vector<python::Arg> self{{std::nullopt, python::make_unknown("the hooks object `self`", hook.entry), hook.entry}};
    auto dict = registered_dict(project, interp, python::Value(hook.method, where), std::move(self), where,
                                hook.method->qualname + "()");
    if (!dict) return false;
    add_registered(project, *dict, where);
  }
  return hooks.unknown.empty();
}

void register_pipelines(Project& project, python::Interpreter& interp) {
  const bool hooks_register = !project.layout.kedro_version.at_least(0, 18);
  const std::string registry_name = project.layout.package_name + ".pipeline_registry";
  bool registry_ok = true;
  bool has_registry = false;
  // Kedro 0.17 takes a missing registry module as an empty dict (templates
  // before 0.17.2 have none); later versions need it.
  const auto registry = hooks_register && project.layout.registry_file.empty()
                            ? python::ModulePtr()
                            : interp.import_module(registry_name, {});
  if (registry && registry->failed) return;
  if (!registry && !hooks_register) return;
  if (registry) {
    const python::Value* fn = registry->globals->lookup_local("register_pipelines");
    if (fn) {
      has_registry = true;
      core::Span where = fn->is<python::FunctionPtr>() ? fn->as<python::FunctionPtr>()->def_span : fn->origin;
      auto dict = registered_dict(project, interp, *fn, {}, where, "register_pipelines()");
      if (dict) add_registered(project, *dict, where);
      registry_ok = dict.has_value();
    } else if (!hooks_register) {
      const auto* file = project.sources->find(registry->file);
      project.findings.push_back({"KL007", file ? file->span(0, 0) : core::Span{},
                                  "`" + registry_name + "` has no `register_pipelines()` function", {},
                                  std::string("Define `register_pipelines()` returning a dict of pipelines.")});
      return;
    }
  }
  if (!hooks_register) {
    project.registry_evaluated = registry_ok && has_registry;
    return;
  }
  if (!registry_ok) return;
  bool any_hook = false;
  const bool hooks_ok = register_hook_pipelines(project, interp, any_hook);
  // Only known dicts say which pipelines exist ("nothing uses X" needs it).
  project.registry_evaluated = hooks_ok;
  if (!has_registry && !any_hook && hooks_ok) {
    project.findings.push_back({"KL007", project.layout.package_name_span,
                                "neither `" + registry_name + ".register_pipelines()` nor a `register_pipelines` hook "
                                "in settings.py `HOOKS` registers a pipeline; Kedro 0.17 finds none",
                                {},
                                std::string("Create `pipeline_registry.py` with a `register_pipelines()` function "
                                            "that returns the pipelines by name.")});
  }
}

// One KL010 finding per construct that could not be evaluated, naming the
// registered pipelines it leaves incomplete.
void report_unknowns(Project& project) {
  std::map<std::pair<std::uint64_t, std::string>, std::vector<std::string>> affected;
  std::map<std::pair<std::uint64_t, std::string>, Unknown> first;
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto& u : reg.pipeline->unknowns) {
      if (u.reported) continue;
      const auto key = std::make_pair((static_cast<std::uint64_t>(u.span.file) << 32) | u.span.begin, u.reason);
      affected[key].push_back(name);
      first.emplace(key, u);
    }
  }
  for (const auto& [key, names] : affected) {
    const Unknown& u = first.at(key);
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", `" : "`") + names[i] + "`";
    project.findings.push_back({std::string(kUnevaluated), u.span,
                                "cannot evaluate statically: " + u.reason + "; pipeline" +
                                    (names.size() > 1 ? "s " : " ") + list + (names.size() > 1 ? " are" : " is") +
                                    " incomplete",
                                {},
                                std::string("kedrolint never runs project code; make this value a literal, or "
                                            "suppress the finding if the pipeline is dynamic on purpose.")});
  }
}

}  // namespace

std::optional<config::LoaderSettings> evaluate_project(
    Project& project, python::SourceStore& store, std::size_t jobs,
    const std::function<void(const config::LoaderSettings&)>& settings_known) {
  std::optional<config::LoaderSettings> loader = config::LoaderSettings{};
  if (!project.layout.has_package()) return loader;
  python::ModuleIndex index(project.layout.source_dir, project.extra_source_roots);
  const auto order = reachable_files(project, store, index, jobs);
  // The evaluation runs on one thread; the others parse ahead of it.
  store.prefetch(order, jobs > 1 ? jobs - 1 : 1);
  // Held until the registry is evaluated, then freed before the pipelines'
  // facts are derived, so that they reuse its memory.
  auto held = std::make_unique<python::Interpreter>(store, index, project.layout.kedro_version,
                                                    project.layout.package_name);
  python::Interpreter& interp = *held;
  interp.set_config_reader(
      [&](const python::ConfigRequest& request) { return read_config(project, store.sources(), request); });
  core::run_on_large_stack([&] {
    try {
      loader = read_settings(project, interp);
      if (loader && settings_known) settings_known(*loader);
      register_pipelines(project, interp);
    } catch (const python::BudgetExceeded& stop) {
      project.pipelines.clear();
      project.findings.push_back({std::string(kUnevaluated), stop.why.span, stop.why.reason, {}, std::nullopt});
    }
  });
  store.stop_prefetch();
  project.kedro_errors = std::move(interp.record().errors);
  project.mappings = std::move(interp.record().mappings);
  project.constructed_nodes = std::move(interp.record().nodes);
  project.class_bases = std::move(interp.record().class_bases);
  project.parameters_read_by_code = interp.record().parameters_read_by_code;
  held.reset();
  // Reachable files the evaluation did not run still get their syntax
  // checked (KL001) and their imports recorded, as Python would on a run
  // that takes the other branch.
  store.parse_unvisited(order, jobs);
  project.registered_cache.reset();  // the pipelines are final from here
  report_unknowns(project);
  return loader;
}

void derive_pipeline_facts(Project& project, std::size_t jobs) {
  std::vector<RegisteredPipeline*> regs;
  for (auto& [name, reg] : project.pipelines) regs.push_back(&reg);
  const bool ignore_self_dependencies = !project.layout.kedro_version.at_least(0, 19, 4);
  core::parallel_for(regs.size(), jobs, [&](std::size_t i) {
    RegisteredPipeline& reg = *regs[i];
    auto facts = pipeline_facts(reg.pipeline->nodes, ignore_self_dependencies);
    reg.order = std::move(facts.order);
    auto& datasets = facts.datasets;
    reg.free_inputs = std::move(datasets.free_inputs);
    reg.free_outputs = std::move(datasets.free_outputs);
    reg.datasets = std::move(datasets.datasets);
  });
}

}  // namespace kedrolint::model
