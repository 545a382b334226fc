#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace kedrolint::lsp {

/// `file:///a/b%20c.py` -> `/a/b c.py`; nullopt for other schemes.
std::optional<std::filesystem::path> path_of_uri(const std::string& uri);
/// The `file://` URI of an absolute path, percent-encoded as VS Code does.
std::string uri_of_path(const std::filesystem::path& path);

}  // namespace kedrolint::lsp
