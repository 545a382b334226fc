#pragma once
#include <mutex>

#include "model/module_imports.hpp"
#include "parse/python_source.hpp"
#include "python/module_index.hpp"

namespace kedrolint::model {

/// The imports of every project module parsed during the analysis (all the
/// files the registry can reach, see evaluate.cpp `reachable_files`),
/// collected from each tree when it is first parsed, on any thread.
class ModuleImportCollector {
 public:
  explicit ModuleImportCollector(python::ModuleIndex index) : index_(std::move(index)) {}
  void visit(const parse::PythonSource& src);
  ModuleImportMap take();

 private:
  python::ModuleIndex index_;
  std::mutex mutex_;
  ModuleImportMap found_;
};

}  // namespace kedrolint::model
