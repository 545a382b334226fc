#pragma once
// Per-pipeline requirements: the third-party packages the nodes of a
// pipeline (or a deployment group) need at run time, mapped to the
// project's declared requirements, for one container image per pipeline.
#include <set>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "model/requirements.hpp"

namespace kedrolint::model {

/// A third-party top-level import the nodes need, and why.
struct ImportNeed {
  std::string name;                  ///< `sklearn`
  std::set<std::string> modules;     ///< project modules that import it
  std::set<std::string> functions;   ///< node functions defined in it
  std::set<std::string> datasets;    ///< datasets whose class (or storage) needs it
  bool optional = true;              ///< every import of it is guarded by `except ImportError`
  bool implicit = false;             ///< `kedro` itself, which runs every pipeline
  /// Distributions that provide it (PEP 503 names; `x-*` is a prefix), best first.
  std::vector<std::string> distributions;
  /// The declared requirement that provides it, or null when none does.
  const Requirement* requirement = nullptr;
};

struct Dependencies {
  std::set<std::string> modules;    ///< project modules the nodes load (parents and settings included)
  std::vector<ImportNeed> imports;  ///< by name
  std::vector<const Requirement*> requirements;  ///< the declared ones needed, in declaration order
  /// Part of what the nodes need cannot be known statically (an incomplete
  /// pipeline, a node whose function's module is unknown).
  bool complete = true;
};

/// What `nodes` need: the modules of their functions, transitively the
/// project modules those import (at module level or inside functions; not
/// under `if TYPE_CHECKING:`), settings.py, the classes and storage of their
/// datasets, and kedro. Standard library modules (Python 3.12) are left out.
Dependencies dependencies_of(const Project& project, const std::vector<NodePtr>& nodes,
                             const std::vector<Requirement>& declared);

/// The declared requirements that none of `needed` uses, in declaration order.
std::vector<const Requirement*> unused_requirements(const std::vector<Requirement>& declared,
                                                    const std::vector<Dependencies>& needed);

/// True for a top-level module of Python 3.12's standard library.
bool is_stdlib_module(std::string_view top_level);

/// The distributions that provide a top-level import, best first.
std::vector<std::string> distributions_for_import(std::string_view top_level);

}  // namespace kedrolint::model
