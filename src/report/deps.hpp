#pragma once
// `kedrolint deps`: the requirements each pipeline or deployment group needs.
#include <ostream>
#include <string>
#include <vector>

#include "model/dependencies.hpp"

namespace kedrolint::report {

struct DepsGroup {
  std::string name;
  std::size_t nodes = 0;
  model::Dependencies deps;
};

struct DepsReport {
  std::string by;  ///< "pipeline" or "group"
  std::vector<DepsGroup> groups;
  const std::vector<model::Requirement>* declared = nullptr;
  std::vector<const model::Requirement*> unused;  ///< needed by no registered pipeline
  bool unused_certain = true;  ///< every registered pipeline was evaluated completely
};

void write_deps_text(const model::Project& project, const DepsReport& report, std::ostream& out);
void write_deps_json(const model::Project& project, const DepsReport& report, std::ostream& out);

}  // namespace kedrolint::report
