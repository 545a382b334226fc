#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/source_file.hpp"

namespace kedrolint::parse {

/// A TOML value with its spans, detached from toml++.
struct TomlValue {
  enum class Kind { String, Integer, Float, Boolean, Array, Table, Other };
  Kind kind = Kind::Other;
  std::string string;
  std::int64_t integer = 0;
  double floating = 0;
  bool boolean = false;
  std::vector<TomlValue> array;
  std::vector<std::pair<std::string, TomlValue>> table;  ///< in document order
  core::Span span;      ///< the value
  core::Span key_span;  ///< the key that names it, when in a table

  // Out of line: `table` holds pairs of this still-incomplete type, which
  // clang's libstdc++ checks cannot instantiate inside the class.
  TomlValue();
  ~TomlValue();
  TomlValue(const TomlValue&);
  TomlValue(TomlValue&&) noexcept;
  TomlValue& operator=(const TomlValue&);
  TomlValue& operator=(TomlValue&&) noexcept;

  [[nodiscard]] const TomlValue* get(std::string_view key) const;
  /// Dotted lookup through nested tables: "tool.kedro".
  [[nodiscard]] const TomlValue* path(std::string_view dotted) const;
  [[nodiscard]] bool is_string() const { return kind == Kind::String; }
  [[nodiscard]] bool is_table() const { return kind == Kind::Table; }
  [[nodiscard]] bool is_array() const { return kind == Kind::Array; }
  [[nodiscard]] std::string_view kind_name() const;
};

struct TomlSource {
  const core::SourceFile* file = nullptr;
  std::optional<TomlValue> root;
  std::optional<std::pair<core::Span, std::string>> error;
};

TomlSource parse_toml(const core::SourceFile& file);

}  // namespace kedrolint::parse
