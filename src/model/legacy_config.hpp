#pragma once
#include "config/conf_files.hpp"
#include "model/project.hpp"
#include "python/value.hpp"

namespace kedrolint::model {

/// Kedro 0.18's settings.py `CONFIG_LOADER_CLASS` (default `ConfigLoader`)
/// and the TemplatedConfigLoader arguments of `CONFIG_LOADER_ARGS`
/// (`globals_pattern`, `globals_dict`). A class kedrolint does not know is a
/// KL010 finding; false then, and the configuration is not read.
bool read_config_loader_class(const python::ModulePtr& settings, config::LoaderSettings& loader, Project& project);

/// `globals_pattern` / `globals_dict` from `CONFIG_LOADER_ARGS` (0.18).
void read_templated_arg(const std::string& key, const python::Value& value, config::LoaderSettings& loader,
                        Project& project);

/// Kedro 0.17's `register_config_loader` hook (kedro-0.17.7/kedro/framework/
/// context/context.py `_get_config_loader`): the class its `return` builds
/// and the literal `globals_pattern` / `globals_dict` passed to it. False
/// (after a KL010 finding) when it cannot be read.
bool read_config_loader_hook(const python::ModulePtr& settings, config::LoaderSettings& loader, Project& project);

}  // namespace kedrolint::model
