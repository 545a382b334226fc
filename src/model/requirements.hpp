#pragma once
// The distributions a project declares it needs: requirements*.txt files at
// the root and in the source folder (Kedro's older layout), and
// `[project] dependencies` of pyproject.toml.
#include <string>
#include <vector>

#include "core/source_map.hpp"
#include "project/layout.hpp"

namespace kedrolint::model {

struct Requirement {
  std::string name;        ///< the distribution as written: `scikit-learn`
  std::string normalized;  ///< PEP 503: lower case, runs of `-_.` as `-`
  std::vector<std::string> extras;  ///< normalized
  std::string text;        ///< the requirement as written, without comment
  core::Span span;
};

/// PEP 503 normalization of a distribution name.
std::string normalize_distribution(std::string_view name);

/// Parses one PEP 508 requirement (`name[extra]>=1; marker`); false when
/// the text names no distribution.
bool parse_requirement(std::string_view text, Requirement& out);

/// Every declared requirement, in file order (pyproject.toml first, then the
/// requirements files by name, following `-r other.txt`).
std::vector<Requirement> read_requirements(const project::Layout& layout, core::SourceMap& sources);

}  // namespace kedrolint::model
