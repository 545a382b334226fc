#pragma once
#include <optional>
#include <string>
#include <unordered_set>

#include "core/source_file.hpp"
#include "parse/yaml_source.hpp"

namespace kedrolint::parse {

/// What PyYAML (and so Kedro's OmegaConfigLoader) rejects but yaml-cpp
/// accepts: a tab where PyYAML looks for a token ("found character '\t' that
/// cannot start any token"), and a quoted scalar that runs to the end of the
/// file. `quoted_starts` holds the offsets where yaml-cpp saw a quoted scalar
/// begin, so that a quote inside a multi-line plain scalar is never taken for
/// an opening one. Returns the first problem, as PyYAML stops at the first.
std::optional<YamlError> pyyaml_rejection(const core::SourceFile& file,
                                          const std::unordered_set<std::uint32_t>& quoted_starts);

}  // namespace kedrolint::parse
