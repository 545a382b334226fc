#include "config/conf_files.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace kedrolint::config {
namespace fs = std::filesystem;

std::vector<fs::path> find_config_files(const fs::path& env_dir, const std::vector<std::string>& patterns,
                                        std::vector<fs::path>* unreadable, std::vector<fs::path>* other_formats) {
  std::set<fs::path> others;
  std::set<fs::path> found;
  std::error_code ec;
  if (!fs::is_directory(env_dir, ec)) return {};
  std::vector<fs::path> folders{env_dir};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
      if (unreadable) unreadable->push_back(folder);
      continue;
    }
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name.front() == '.') continue;
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        folders.push_back(it->path());
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const fs::path rel = it->path().lexically_relative(env_dir);
      const std::string ext = rel.extension().string();
      const bool read = ext == ".yml" || ext == ".yaml" || ext == ".json";
      const bool other = ext == ".ini" || ext == ".pickle" || ext == ".properties" || ext == ".xml";
      if (!read && !(other && other_formats)) continue;
      const std::string text = rel.generic_string();
      const bool hit = std::any_of(patterns.begin(), patterns.end(),
                                   [&](const std::string& p) { return core::is_glob_match(p, text); });
      if (hit) (read ? found : others).insert(it->path());
    }
    if (ec && unreadable) unreadable->push_back(folder);
  }
  if (other_formats) other_formats->insert(other_formats->end(), others.begin(), others.end());
  return {found.begin(), found.end()};
}

}  // namespace kedrolint::config
