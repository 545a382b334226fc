#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "parse/toml_source.hpp"
#include "project/kedro_version.hpp"

namespace kedrolint::project {

/// Where the parts of a Kedro project are, read from `pyproject.toml`
/// `[tool.kedro]` (kedro/framework/startup.py::_get_project_metadata).
struct Layout {
  std::filesystem::path root;
  const core::SourceFile* pyproject = nullptr;
  std::string package_name;
  std::string project_name;
  std::string kedro_init_version;
  std::filesystem::path source_dir;   ///< <root>/<source_dir>, default src
  std::filesystem::path package_dir;  ///< <source_dir>/<package_name>
  KedroVersion kedro_version;
  std::filesystem::path settings_file;  ///< empty when absent
  std::filesystem::path registry_file;  ///< empty when absent
  /// `[tool.kedrolint]`, when present.
  std::optional<parse::TomlValue> kedrolint_config;
  core::Span package_name_span;
  /// True when the package folder exists, so Python can be analysed.
  [[nodiscard]] bool has_package() const { return !package_dir.empty() && std::filesystem::is_directory(package_dir); }
};

/// Walks up from `start` (a folder or a file) to the first folder whose
/// `pyproject.toml` contains `[tool.kedro]`, as kedro's find_kedro_project.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

/// Reads the project's layout. Problems become findings (KL006, KL007,
/// KL008); the layout is filled as far as it could be read.
Layout discover_layout(const std::filesystem::path& root, core::SourceMap& sources,
                       std::vector<core::Finding>& findings);

}  // namespace kedrolint::project
