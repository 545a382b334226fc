#include "config/conf_files.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace kedrolint::config {
namespace fs = std::filesystem;

std::vector<fs::path> find_config_files(const fs::path& env_dir, const std::vector<std::string>& patterns) {
  std::set<fs::path> found;
  std::error_code ec;
  if (!fs::is_directory(env_dir, ec)) return {};
  // Symlinked folders are not followed, so a link loop cannot hang the walk.
  fs::recursive_directory_iterator it(env_dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(env_dir);
    const std::string name = rel.filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = rel.extension().string();
    if (ext != ".yml" && ext != ".yaml" && ext != ".json") continue;
    const std::string text = rel.generic_string();
    const bool hit = std::any_of(patterns.begin(), patterns.end(),
                                 [&](const std::string& p) { return core::is_glob_match(p, text); });
    if (hit) found.insert(it->path());
  }
  return {found.begin(), found.end()};
}

}  // namespace kedrolint::config
