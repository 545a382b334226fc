#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/span.hpp"
#include "parse/yaml_source.hpp"

namespace kedrolint::config {

struct ConfigValue;
using ConfigPtr = std::shared_ptr<const ConfigValue>;

/// A configuration value as OmegaConf gives it to Kedro, with the spans it
/// came from. Scalars are typed the way PyYAML's SafeLoader types plain
/// scalars (YAML 1.1: `yes` is a bool, `1_000` an int); map keys are kept as
/// Python's `str()` of the typed key, in document order.
struct ConfigValue {
  enum class Kind { Null, Bool, Int, Float, String, List, Map };
  Kind kind = Kind::Null;
  std::string text;  ///< a string's content, or the Python str() of a scalar
  std::vector<ConfigPtr> items;
  std::vector<std::pair<std::string, ConfigPtr>> entries;
  core::Span span;      ///< the value
  core::Span key_span;  ///< the key that names it in its map
  /// Holds an interpolation kedrolint keeps as written (`${runtime_params:x}`,
  /// `${oc.env:X}`, custom resolvers): the real value is only known at run time.
  bool symbolic = false;

  [[nodiscard]] bool is_map() const { return kind == Kind::Map; }
  [[nodiscard]] bool is_string() const { return kind == Kind::String; }
  [[nodiscard]] bool is_scalar() const { return kind != Kind::Map && kind != Kind::List; }
  [[nodiscard]] const ConfigValue* get(std::string_view key) const;
  [[nodiscard]] ConfigPtr get_ptr(std::string_view key) const;
};

/// Converts a YAML tree (merge keys already applied). Duplicate keys keep the
/// last value, as PyYAML does; callers report them.
ConfigPtr from_yaml(const parse::YamlNode& node);

/// Python's str() of a plain YAML scalar typed by PyYAML's SafeLoader, and
/// its kind.
std::pair<ConfigValue::Kind, std::string> type_plain_scalar(const std::string& text);

/// A copy of every value of the tree, allocated by the calling thread; a
/// value shared by several parents (a YAML alias) stays shared.
ConfigPtr deep_copy(const ConfigPtr& value);

/// Deep merge (OmegaConf.merge): maps merge key by key, everything else from
/// `over` replaces `base`.
ConfigPtr deep_merge(const ConfigPtr& base, const ConfigPtr& over);

}  // namespace kedrolint::config
