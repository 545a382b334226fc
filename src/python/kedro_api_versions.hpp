#pragma once
// Which Kedro API names and arguments exist in the targeted Kedro version, so
// that code written for another version fails as it does in Python. Read from
// kedro/pipeline/__init__.py, node.py, pipeline.py, modular_pipeline.py and
// kedro/framework/project/__init__.py of Kedro 0.17.7, 0.18.14, 0.19.15 and 1.5.0.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "project/kedro_version.hpp"

namespace kedrolint::python::kedro_api {

/// A Kedro name that does not exist in the targeted version.
struct Missing {
  std::string message;  ///< Python's words, e.g. "No module named 'kedro.pipeline.modular_pipeline'"
  std::string help;     ///< what the targeted version offers instead
};

/// `kedro.pipeline.node` and `kedro.pipeline.pipeline` are the functions
/// `node` and `pipeline`: kedro/pipeline/__init__.py binds them over the
/// submodules of the same name, so `import kedro.pipeline.node as m` binds
/// the function and `m.Node` raises AttributeError. Nullopt for any other
/// name, and for the attributes every function has (`__name__`...).
std::optional<Missing> shadowing_function_attribute(std::string_view qualname, std::string_view name);

/// `import <module>`; nullopt when it exists or is no Kedro module kedrolint knows.
std::optional<Missing> missing_module(std::string_view module, const project::KedroVersion& version);
/// `from <module> import <name>` (`attribute` false) or `<module>.<name>` (true).
std::optional<Missing> missing_module_name(std::string_view module, std::string_view name, bool attribute,
                                           const project::KedroVersion& version);
/// `<pipeline>.<name>` for the Pipeline methods that differ between versions.
std::optional<Missing> missing_pipeline_attribute(std::string_view name, const project::KedroVersion& version);

/// The parameters of a Kedro callable, to bind a call the way Python does.
struct Params {
  std::string qualname;                  ///< "node", "Pipeline.__init__", "Pipeline.filter"...
  std::vector<std::string> positional;   ///< positional-or-keyword, in order
  std::vector<std::string> keyword_only;
  std::size_t required = 0;              ///< the first `required` positional ones have no default
  bool var_positional = false;           ///< `*names`: extra positional arguments are collected
  int implicit = 0;                      ///< `self` for methods: Python counts it in its messages
};

Params node_params(bool is_class, const project::KedroVersion& version);
Params pipeline_params(bool is_class, const project::KedroVersion& version);
Params find_pipelines_params(const project::KedroVersion& version);
/// Nullopt for a method kedrolint does not model.
std::optional<Params> pipeline_method_params(std::string_view name, const project::KedroVersion& version);

}  // namespace kedrolint::python::kedro_api
