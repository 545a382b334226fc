#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "python/value.hpp"

namespace kedrolint::python {

/// Decodes the text of a string literal's content: backslash escapes unless
/// `raw`, and `{{`/`}}` in f-strings. Nullopt for escapes it cannot decode.
std::optional<std::string> decode_string_content(std::string_view text, bool raw, bool fstring);

/// `format(value, spec)` for str, int, float and bool.
std::optional<std::string> format_value(const Value& value, std::string_view spec);
/// `value!r` / `value!s` conversion then format.
std::optional<std::string> convert_and_format(const Value& value, char conversion, std::string_view spec);

/// `fmt.format(*args, **kwargs)`.
std::optional<std::string> str_format(const std::string& fmt, const std::vector<Value>& args,
                                      const std::vector<std::pair<std::string, Value>>& kwargs);
/// `fmt % args` (printf-style).
std::optional<std::string> percent_format(const std::string& fmt, const Value& args);

}  // namespace kedrolint::python
