#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kedrolint::core {

/// Decodes one UTF-8 sequence at `text[i]`; returns the code point and
/// advances `i`. Invalid bytes decode as U+FFFD and advance by one.
char32_t decode_utf8(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
/// Byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
/// Number of code points in a (valid) UTF-8 string.
std::size_t codepoint_count(std::string_view text);

}  // namespace kedrolint::core
