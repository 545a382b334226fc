#pragma once
// What each project module imports, read from its syntax: every `import`
// and `from ... import` statement, at module level or inside functions
// (those run when the function is called, e.g. by a node).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::model {

struct ImportRef {
  /// The absolute dotted module (relative imports resolved): `a.b` for
  /// `import a.b` and for `from a.b import c`.
  std::string module;
  /// For `from a.b import c`: `a.b.c`, which is a module when it is a
  /// submodule rather than a name defined in `a.b`.
  std::vector<std::string> submodules;
  core::Span span;
  bool in_function = false;
  /// Under `if TYPE_CHECKING:`: never runs.
  bool type_checking = false;
  /// In a `try:` whose handler catches ImportError: the code copes without it.
  bool optional = false;
};

struct ModuleImports {
  std::string module;
  std::filesystem::path file;
  bool is_package = false;
  std::vector<ImportRef> imports;  ///< in document order
};

/// Project modules by dotted name.
using ModuleImportMap = std::map<std::string, ModuleImports>;

}  // namespace kedrolint::model
