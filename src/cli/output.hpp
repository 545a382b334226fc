#pragma once
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

namespace kedrolint::cli {

/// Writes through `write` to stdout, or atomically to `path` (a temporary
/// file in the same folder, then rename). Returns false with a message on
/// stderr when the file cannot be written.
bool write_output(const std::optional<std::filesystem::path>& path, const std::function<void(std::ostream&)>& write);

}  // namespace kedrolint::cli
