#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/source_file.hpp"

namespace kedrolint::parse {

/// A YAML value with the byte span it came from. Maps keep every entry in
/// document order, duplicates included (Kedro and OmegaConf treat duplicates
/// in their own ways; the config layer decides). Merge keys (`<<: *anchor`)
/// are already applied: merged entries come after explicit ones and never
/// override them, as in YAML 1.1 and PyYAML.
struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  std::string scalar;  ///< the scalar's text, unquoted
  bool quoted = false;  ///< a quoted or block scalar: always a string
  std::string tag;      ///< an explicit tag such as "!!str", else empty
  core::Span span;
  bool merged = false;  ///< this map entry came from a `<<` merge key
  std::vector<std::shared_ptr<const YamlNode>> items;
  std::vector<std::pair<std::shared_ptr<const YamlNode>, std::shared_ptr<const YamlNode>>> entries;

  [[nodiscard]] bool is_map() const { return kind == Kind::Map; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::Scalar; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::Sequence; }
  [[nodiscard]] bool is_null() const { return kind == Kind::Null; }
  /// The last entry with this key (PyYAML keeps the last duplicate).
  [[nodiscard]] const YamlNode* get(std::string_view key) const;
};
using YamlPtr = std::shared_ptr<const YamlNode>;

struct YamlError {
  core::Span span;
  std::string message;
};

struct YamlSource {
  const core::SourceFile* file = nullptr;
  YamlPtr root;  ///< null when the document could not be parsed
  std::optional<YamlError> error;
};

/// Parses one YAML file (first document): a recursive alias or nesting
/// deeper than 1000 levels is an error. Never throws.
/// Aliases share the node they name; `max_alias_nodes` bounds the nodes that
/// alias expansions add ("billion laughs"), plain nodes are not counted.
YamlSource parse_yaml(const core::SourceFile& file, std::size_t max_alias_nodes = 1'000'000);

}  // namespace kedrolint::parse
