#pragma once
#include "model/module_imports.hpp"
#include "python/module_index.hpp"
#include "python/source_store.hpp"

namespace kedrolint::model {

/// The imports of every project module parsed in `store` (all the files the
/// registry can reach, see evaluate.cpp `preload_reachable`).
ModuleImportMap scan_module_imports(python::SourceStore& store, const python::ModuleIndex& index);

}  // namespace kedrolint::model
