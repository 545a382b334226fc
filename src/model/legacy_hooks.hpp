#pragma once
#include <string>
#include <vector>

#include "model/pipeline.hpp"
#include "python/value.hpp"

namespace kedrolint::model {

/// One hook implementation of Kedro 0.17 (`register_pipelines`,
/// `register_config_loader`): a method marked `@hook_impl` on a project class
/// listed (instantiated) in settings.py `HOOKS`.
struct HookImpl {
  python::FunctionPtr method;
  core::Span entry;  ///< the `HOOKS` item that registers it
};

struct LegacyHooks {
  /// In pluggy's call order: the last registered first. `_ProjectPipelines.
  /// _load_data` updates its dict in that order (the first `HOOKS` entry
  /// wins); a `firstresult` hook takes the first.
  std::vector<HookImpl> impls;
  /// `HOOKS` entries that cannot be read statically: they may register pipelines.
  std::vector<Unknown> unknown;
};

/// Reads settings.py `HOOKS` (kedro-0.17.7/kedro/framework/project/__init__.py)
/// for the implementations of the hook `name`.
LegacyHooks find_hook_impls(const python::ModulePtr& settings, const std::string& name);

/// The `return` statements directly in a hook method's body (`fn`: its
/// `def`, resolved; the nodes live as long as it is held).
std::vector<parse::ts::Node> return_values(const python::SyntaxRef::Held& fn);

/// `Name` or `module.Name` resolved in a module's globals, or null.
const python::Value* resolve_name(const python::ModulePtr& module, const parse::PythonSource& src,
                                  parse::ts::Node expr);

}  // namespace kedrolint::model
