#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace kedrolint::python {

/// Python's builtin exception classes and their bases, for `except` clauses:
/// whether `except base:` catches a raised `raised`. Nullopt when `base` is
/// not a builtin exception class (a project or library class, unknown here).
std::optional<bool> builtin_exception_catches(std::string_view base, std::string_view raised);
/// Every builtin exception class name.
std::span<const std::string_view> builtin_exception_names();

}  // namespace kedrolint::python
