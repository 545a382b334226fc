#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/project.hpp"

namespace kedrolint::report {

/// The `kedrolint.export/v1` document (docs/export.md): every registered
/// pipeline (or only `pipeline`), nodes in Kedro's order, with locations.
/// Keys are in a fixed order so that the output diffs cleanly.
nlohmann::ordered_json build_export(const model::Project& project, const std::optional<std::string>& pipeline);

}  // namespace kedrolint::report
