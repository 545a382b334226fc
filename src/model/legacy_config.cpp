#include "model/legacy_config.hpp"

#include "config/config_value.hpp"
#include "model/legacy_hooks.hpp"

namespace kedrolint::model {
namespace ts = parse::ts;

namespace {

constexpr std::string_view kUnevaluated = "KL010";

void unevaluated(Project& project, core::Span span, const std::string& what, const std::string& help) {
  project.findings.push_back({std::string(kUnevaluated), span, "cannot evaluate statically: " + what, {}, help});
}

// kedro.config's loaders of Kedro 0.17 and 0.18, by every path they are exported from.
std::optional<config::LoaderKind> loader_kind(const std::string& qualname) {
  if (qualname == "kedro.config.ConfigLoader" || qualname == "kedro.config.config.ConfigLoader") {
    return config::LoaderKind::Plain;
  }
  if (qualname == "kedro.config.TemplatedConfigLoader" ||
      qualname == "kedro.config.templated_config.TemplatedConfigLoader") {
    return config::LoaderKind::Templated;
  }
  if (qualname == "kedro.config.OmegaConfigLoader" || qualname == "kedro.config.omegaconf_config.OmegaConfigLoader") {
    return config::LoaderKind::Omega;
  }
  return std::nullopt;
}

// A Python literal as YAML would give it to the loader; null if it is not plain data.
config::ConfigPtr to_config(const python::Value& v) {
  auto out = std::make_shared<config::ConfigValue>();
  out->span = v.origin;
  using Kind = config::ConfigValue::Kind;
  if (v.is_none()) {
    out->kind = Kind::Null;
    out->text = "None";
  } else if (v.is<bool>() || v.is<std::int64_t>() || v.is<double>() || v.is_str()) {
    out->kind = v.is<bool>() ? Kind::Bool : v.is<std::int64_t>() ? Kind::Int : v.is<double>() ? Kind::Float : Kind::String;
    auto text = python::py_str(v);
    if (!text) return nullptr;
    out->text = *text;
  } else if (v.is<python::ListPtr>() || v.is<python::TupleValue>()) {
    out->kind = Kind::List;
    const auto& items = v.is<python::ListPtr>() ? v.as<python::ListPtr>()->items : *v.as<python::TupleValue>().items;
    for (const auto& item : items) {
      auto c = to_config(item);
      if (!c) return nullptr;
      out->items.push_back(c);
    }
  } else if (v.is<python::DictPtr>()) {
    out->kind = Kind::Map;
    for (const auto& [key, value] : v.as<python::DictPtr>()->items) {
      auto c = to_config(value);
      if (!key.is_str() || !c) return nullptr;
      out->entries.emplace_back(key.str(), c);
    }
  } else {
    return nullptr;
  }
  return out;
}

// A plain string literal ("..." or '...', no prefix, no escapes or interpolation).
std::optional<std::string> string_literal(const parse::PythonSource& src, ts::Node n) {
  if (!n.is("string")) return std::nullopt;
  std::string out;
  for (const ts::Node part : n.named_children()) {
    if (part.is("string_start")) {
      const auto start = src.text(part);
      if (start != "\"" && start != "'") return std::nullopt;
    } else if (part.is("string_content")) {
      if (part.named_child_count()) return std::nullopt;  // escape sequences
      out += src.text(part);
    } else if (!part.is("string_end")) {
      return std::nullopt;
    }
  }
  return out;
}

// The arguments of the loader a 0.17 hook returns, when they are literal.
bool read_hook_arguments(const parse::PythonSource& src, ts::Node call, config::LoaderSettings& loader,
                         Project& project) {
  const ts::Node args = call.field("arguments");
  bool first = true;
  for (const ts::Node a : args.named_children()) {
    if (a.is("comment")) continue;
    if (first && a.is("identifier") && src.text(a) == "conf_paths") {
      first = false;
      continue;
    }
    first = false;
    const ts::Node value = a.is("keyword_argument") ? a.field("value") : ts::Node();
    const std::string name = a.is("keyword_argument") ? std::string(src.text(a.field("name"))) : std::string();
    if (name == "globals_pattern") {
      if (auto text = string_literal(src, value)) {
        loader.globals_pattern = *text;
        continue;
      }
    } else if (name == "globals_dict" && value.is("none")) {
      continue;
    } else if (name == "globals_dict") {
      loader.globals_unknown = true;
      unevaluated(project, src.span(a), "`globals_dict` of the config loader is not read; its `${...}` values stay "
                  "as written", "Move the values into a globals file matched by `globals_pattern`.");
      continue;
    }
    unevaluated(project, src.span(a), "the config loader argument `" + std::string(src.text(a)) +
                "` is not read, so the configuration is not analysed",
                "Return `ConfigLoader(conf_paths)` or `TemplatedConfigLoader(conf_paths, globals_pattern=\"...\")`.");
    return false;
  }
  return true;
}

}  // namespace

bool read_config_loader_class(const python::ModulePtr& settings, config::LoaderSettings& loader, Project& project) {
  const python::Value* cls = settings->globals->lookup_local("CONFIG_LOADER_CLASS");
  if (!cls) return true;  // ConfigLoader
  auto kind = cls->is<python::External>() ? loader_kind(cls->as<python::External>().qualname) : std::nullopt;
  if (!kind) {
    unevaluated(project, cls->is_unknown() ? cls->unknown().span : cls->origin,
                "`CONFIG_LOADER_CLASS` is not one of Kedro's config loaders, so the configuration is not analysed",
                "kedrolint reads `ConfigLoader`, `TemplatedConfigLoader` and `OmegaConfigLoader` configuration.");
    return false;
  }
  loader.kind = *kind;
  return true;
}

void read_templated_arg(const std::string& key, const python::Value& value, config::LoaderSettings& loader,
                        Project& project) {
  if (key != "globals_pattern" && key != "globals_dict") return;
  if (key == "globals_pattern" && value.is_str()) {
    loader.globals_pattern = value.str();
    return;
  }
  if (key == "globals_dict") {
    if (value.is_none()) return;
    loader.globals_dict = to_config(value);
    if (loader.globals_dict && loader.globals_dict->is_map()) return;
    loader.globals_dict = nullptr;
  }
  loader.globals_unknown = true;
  unevaluated(project, value.is_unknown() ? value.unknown().span : value.origin,
              "`" + key + "` in `CONFIG_LOADER_ARGS` is not a plain literal; `${...}` values stay as written",
              "Use a string (globals_pattern) or a dict of plain values (globals_dict).");
}

bool read_config_loader_hook(const python::ModulePtr& settings, config::LoaderSettings& loader, Project& project) {
  const LegacyHooks hooks = find_hook_impls(settings, "register_config_loader");
  if (hooks.impls.empty()) {
    for (const auto& u : hooks.unknown) unevaluated(project, u.span, u.reason, "List hooks as `HOOKS = (ProjectHooks(),)`.");
    if (hooks.unknown.empty() && settings->code.valid()) {
      project.findings.push_back(
          {"KL011", settings->code.file->span(0, 0),
           "no hook in settings.py `HOOKS` implements `register_config_loader`; Kedro 0.17 raises \"Expected an "
           "instance of `ConfigLoader`, got `NoneType` instead.\"",
           {},
           std::string("Add a `@hook_impl def register_config_loader(self, conf_paths, env, extra_params)` returning "
                       "`ConfigLoader(conf_paths)` to the project's hooks, as Kedro 0.17's template does.")});
    }
    return false;
  }
  const auto& fn = hooks.impls.front().method;  // firstresult: the first called
  const python::SyntaxRef::Held code = fn->code.resolve();
  const auto returns = code ? return_values(code) : std::vector<ts::Node>{};
  const ts::Node call = returns.size() == 1 ? returns.front() : ts::Node();
  const python::Value* callee =
      call.is("call") ? resolve_name(fn->globals, *code.tree, call.field("function")) : nullptr;
  auto kind = callee && callee->is<python::External>() ? loader_kind(callee->as<python::External>().qualname)
                                                       : std::nullopt;
  if (!kind || *kind == config::LoaderKind::Omega) {
    unevaluated(project, fn->def_span,
                "`" + fn->qualname + "` does not plainly return a `ConfigLoader` or `TemplatedConfigLoader`, so the "
                "configuration is not analysed",
                "End the hook with `return ConfigLoader(conf_paths)`.");
    return false;
  }
  loader.kind = *kind;
  return read_hook_arguments(*code.tree, call, loader, project);
}

}  // namespace kedrolint::model
