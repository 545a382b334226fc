#pragma once
// `kedrolint graph --format viz`: the folder `kedro viz run --save-file DIR`
// writes (Kedro-Viz 12, kedro_viz/api/rest/responses/save_responses.py), so
// that `kedro viz run --load-file DIR` shows the pipelines without the
// project or its dependencies being installed.
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace kedrolint::report {

struct VizFile {
  std::string path;     ///< relative to the folder: `api/main`, `api/pipelines/<id>`, `api/nodes/<id>`, `api/run-status`
  std::string content;  ///< JSON, indented by two spaces as Kedro-Viz writes it
};

/// Every file of the save-file layout for the registered pipelines (all of
/// them, or only `pipeline`, like `kedro viz run --pipeline`), in the order
/// Kedro-Viz writes them. Data previews are left out (their content is only
/// known by loading the data).
std::vector<VizFile> kedro_viz_files(const model::Project& project, const std::optional<std::string>& pipeline);

}  // namespace kedrolint::report
