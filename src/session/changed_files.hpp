#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kedrolint::session {

/// Files that differ from HEAD in the git work tree holding `folder`: staged,
/// unstaged, untracked and deleted, as absolute paths. Runs `git` (never a
/// shell) with the file system monitor disabled so that nothing configured
/// in the repository runs. Nullopt with `error` set when `folder` is not in
/// a git work tree or git is missing.
std::optional<std::vector<std::filesystem::path>> changed_files(const std::filesystem::path& folder,
                                                                std::string& error);

}  // namespace kedrolint::session
