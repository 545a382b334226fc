#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/node.hpp"

namespace kedrolint::model {

/// An error Kedro raises while constructing a node or a pipeline (at import
/// time, so `kedro run` never starts). The evaluator records it where Kedro
/// would raise it and goes on with what Kedro's code would have built so far.
struct KedroError {
  enum class Kind {
    ConstructionError,  ///< bad node()/pipeline() arguments, filters on missing names
    DuplicateNodeName,  ///< the same name twice in one Pipeline(...) call
    FunctionNotFound,   ///< node(func=...) names something undefined
    ModuleImportError,  ///< a project module raises while it is imported
  };
  Kind kind;
  core::Span span;
  std::string message;
  std::vector<core::Label> related;
  std::optional<std::string> help;
};

/// One application of `pipeline(..., inputs=, outputs=, parameters=,
/// namespace=)` with what the wrapped pipeline offered; the KL2xx rules check
/// it exactly as Kedro's `_map_nodes` would.
struct MappingApplication {
  struct Entry {
    std::string key;    ///< name in the wrapped pipeline (params: prefixed for parameters)
    std::string value;  ///< new name
    core::Span span;    ///< the key as written
  };
  core::Span span;  ///< the pipeline(...) call
  std::string namespace_;
  std::vector<Entry> inputs, outputs, parameters;
  core::Span inputs_span, outputs_span, parameters_span;
  std::vector<std::string> datasets;     ///< stripped `pipe.datasets()` of the wrapped pipeline
  std::vector<std::string> free_inputs;  ///< stripped `pipe.inputs()`
  std::vector<NodePtr> nodes;            ///< the wrapped nodes
};

}  // namespace kedrolint::model
