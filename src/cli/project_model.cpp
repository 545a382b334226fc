#include "cli/project_model.hpp"

#include <iostream>
#include <vector>

#include "core/leave_to_exit.hpp"
#include "project/layout.hpp"

namespace kedrolint::cli {

std::shared_ptr<ProjectModel> load_project_model(const std::string& path, engine::CheckOptions options,
                                                 ModelNeeds needs) {
  const auto root = project::find_project_root(path);
  if (!root) {
    std::cerr << "kedrolint: " << path << " is not inside a Kedro project\n";
    return nullptr;
  }
  options.select = std::vector<std::string>{};
  auto model = std::make_shared<ProjectModel>(*root);
  model->result = engine::check_project(*root, options, model->sources);
  const auto& project = model->result.project;
  const bool ok = model->result.analysed() && (needs != ModelNeeds::Pipelines || project.registry_evaluated) &&
                  (needs != ModelNeeds::Catalog || project.catalog);
  if (ok) {
    core::leave_to_exit(std::shared_ptr<ProjectModel>(model));
    return model;
  }
  switch (needs) {
    case ModelNeeds::Files:
      std::cerr << "kedrolint: the project at " << root->string() << " could not be read (run `kedrolint check`)\n";
      break;
    case ModelNeeds::Pipelines:
      std::cerr << "kedrolint: the project's pipelines could not be read (run `kedrolint check`)\n";
      break;
    case ModelNeeds::Catalog:
      std::cerr << "kedrolint: the project's pipelines or configuration could not be read (run `kedrolint check`)\n";
      break;
  }
  return nullptr;
}

}  // namespace kedrolint::cli
