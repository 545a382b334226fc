#pragma once
#include <filesystem>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::project {

/// Turns a failed or partial read into a KL008 finding. Files that could not
/// be read at all are reported against the file itself at 1:1 when it was
/// added, or with no location otherwise.
void report_read_problem(const std::filesystem::path& path, const core::SourceMap::Loaded& loaded,
                         std::vector<core::Finding>& findings);

}  // namespace kedrolint::project
