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

/// The default bound on formatted text (Limits::max_string).
inline constexpr std::size_t kMaxFormattedLength = 10'000'000;

/// `format(value, spec)` for str, int, float and bool. `max_length` bounds
/// the result (and so the width and precision a spec may ask for): longer is
/// nullopt, never built.
std::optional<std::string> format_value(const Value& value, std::string_view spec,
                                        std::size_t max_length = kMaxFormattedLength);
/// `value!r` / `value!s` conversion then format.
std::optional<std::string> convert_and_format(const Value& value, char conversion, std::string_view spec,
                                              std::size_t max_length = kMaxFormattedLength);

/// `fmt.format(*args, **kwargs)`.
std::optional<std::string> str_format(const std::string& fmt, const std::vector<Value>& args,
                                      const std::vector<std::pair<std::string, Value>>& kwargs,
                                      std::size_t max_length = kMaxFormattedLength);
/// `fmt % args` (printf-style).
std::optional<std::string> percent_format(const std::string& fmt, const Value& args,
                                          std::size_t max_length = kMaxFormattedLength);

}  // namespace kedrolint::python
