// An `OmegaConfigLoader` that project code builds itself, typically in
// `register_pipelines()` to decide from the parameters which nodes exist, and
// `kedro.framework.project.settings`, which such code reads its arguments from.
// The configuration is read by the reader evaluate.cpp installs, with the
// loader's own arguments (kedro/config/omegaconf_config.py).
#include "python/interpreter.hpp"

namespace kedrolint::python {

namespace {

const Value* keyword_or_position(const std::vector<Arg>& args, const std::string& name, std::size_t position) {
  std::size_t seen = 0;
  for (const auto& a : args) {
    if (a.keyword ? *a.keyword == name : seen++ == position) return &a.value;
  }
  return nullptr;
}

}  // namespace

// OmegaConfigLoader(conf_source, env=None, runtime_params=None, *,
// config_patterns=None, base_env=None, default_run_env=None,
// custom_resolvers=None, merge_strategy=None, ignore_hidden=True).
Value Interpreter::kedro_config_loader(std::vector<Arg>& args, core::Span span) {
  static const std::vector<std::string> kPositional = {"conf_source", "env", "runtime_params"};
  static const std::vector<std::string> kKeywords = {"config_patterns", "base_env",       "default_run_env",
                                                     "custom_resolvers", "merge_strategy", "ignore_hidden"};
  std::size_t positional = 0;
  for (const auto& a : args) {
    if (a.value.is_unknown()) return a.value;
    if (!a.keyword) ++positional;
    const bool known = !a.keyword || std::count(kPositional.begin(), kPositional.end(), *a.keyword) ||
                       std::count(kKeywords.begin(), kKeywords.end(), *a.keyword);
    if (!known || positional > kPositional.size()) {
      return make_unknown("this `OmegaConfigLoader(...)` call is not evaluated", span);
    }
  }
  ConfigLoaderValue loader;
  // Before 0.19 the defaults were "base" and "local"; since, None becomes "".
  if (!version_.at_least(0, 19)) {
    loader.base_env = "base";
    loader.default_run_env = "local";
  }
  const Value* conf_source = keyword_or_position(args, "conf_source", 0);
  if (!conf_source || !conf_source->is_str()) {
    return make_unknown("`OmegaConfigLoader(conf_source=...)` is not a string known statically", span);
  }
  loader.conf_source = conf_source->str();
  for (const auto& [name, target] : {std::pair<std::string, std::string*>{"base_env", &loader.base_env},
                                     {"default_run_env", &loader.default_run_env}}) {
    const Value* v = keyword_or_position(args, name, 99);
    if (!v || v->is_none()) continue;
    if (!v->is_str()) return make_unknown("`OmegaConfigLoader(" + name + "=...)` is not a string", span);
    *target = v->str();
  }
  if (const Value* env = keyword_or_position(args, "env", 1); env && !env->is_none()) {
    if (!env->is_str()) return make_unknown("`OmegaConfigLoader(env=...)` is not a string", span);
    loader.env = env->str();
  }
  for (const char* name : {"runtime_params", "config_patterns", "custom_resolvers", "merge_strategy"}) {
    const Value* v = keyword_or_position(args, name, name == std::string("runtime_params") ? 2 : 99);
    bool given = false;
    if (v && (!truthy_known(*v, given) || given)) {
      return make_unknown("`OmegaConfigLoader(" + std::string(name) + "=...)` is not evaluated", span);
    }
  }
  return Value(std::make_shared<const ConfigLoaderValue>(std::move(loader)), span);
}

Value Interpreter::config_loader_item(const ConfigLoaderValue& loader, const Value& key, core::Span span) {
  if (!key.is_str()) return make_unknown("a config loader key that is not a string", span);
  static const std::vector<std::string> kKeys = {"catalog", "parameters", "credentials", "globals"};
  if (!std::count(kKeys.begin(), kKeys.end(), key.str())) {
    model::Unknown u{"KeyError: No config patterns were found for '" + key.str() + "' in your config loader", span};
    u.exception = "KeyError";
    return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
  }
  if (key.str() == "credentials") return make_unknown("credentials are never read by kedrolint", span);
  if (key.str() == "parameters") record_.parameters_read_by_code = true;
  if (!config_reader_) return make_unknown("the configuration is not available to the evaluator here", span);
  return config_reader_(ConfigRequest{loader, key.str(), span});
}

// `settings.<name>` of kedro.framework.project: the project's settings.py
// value, else Kedro's default (kedro/framework/project/__init__.py).
Value Interpreter::project_setting(const std::string& name, core::Span span) {
  if (ModulePtr settings = import_module(package_ + ".settings", span); settings && !settings->failed) {
    if (const Value* v = settings->globals->lookup_local(name)) return *v;
  }
  const bool omegaconf_default = version_.at_least(0, 19);
  if (name == "CONF_SOURCE") return Value(std::string("conf"), span);
  if (name == "CONFIG_LOADER_CLASS") {
    return Value(External{omegaconf_default ? "kedro.config.OmegaConfigLoader" : "kedro.config.ConfigLoader"}, span);
  }
  if (name == "CONFIG_LOADER_ARGS") {
    auto args = std::make_shared<DictObj>();
    if (omegaconf_default) {
      args->set(Value(std::string("base_env")), Value(std::string("base")));
      args->set(Value(std::string("default_run_env")), Value(std::string("local")));
    }
    return Value(DictPtr(args), span);
  }
  return Value(External{"kedro.framework.project.settings." + name}, span);
}

}  // namespace kedrolint::python
