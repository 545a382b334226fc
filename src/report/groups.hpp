#pragma once
#include <ostream>

#include "model/deploy.hpp"
#include "model/project.hpp"

namespace kedrolint::report {

/// What `kedrolint groups` shows for a grouping: the groups, their
/// dependencies, the datasets crossing each boundary with their storage, and
/// the checks of the KL4xx rules on it.
void write_groups_text(const model::Project& project, const model::Deployment& d, std::ostream& out);
void write_groups_json(const model::Project& project, const model::Deployment& d, std::ostream& out);
/// The groups file (`deploy.groups-file`): each group by its node names.
void write_groups_yaml(const model::Deployment& d, std::ostream& out);
void write_groups_mermaid(const model::Project& project, const model::Deployment& d, std::ostream& out);
void write_groups_dot(const model::Project& project, const model::Deployment& d, std::ostream& out);

}  // namespace kedrolint::report
