#pragma once
#include "model/dataset_types.hpp"
#include "project/layout.hpp"

namespace kedrolint::model {

/// Answers whether a project module provides a dataset class, reading source
/// text only (nothing is imported or evaluated): a `class Name` in the
/// module, or a name the module imports (`from .impl import Name`,
/// `from .impl import Other as Name`, `from .impl import *`), followed into
/// project modules; a name imported from outside the project, assigned at
/// module level, or served by a module `__getattr__` counts as provided. A
/// module outside the project gives nullopt.
ProjectClassLookup project_class_lookup(const project::Layout& layout);

}  // namespace kedrolint::model
