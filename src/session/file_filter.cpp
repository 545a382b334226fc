#include "session/file_filter.hpp"

namespace kedrolint::session {
namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(p, ec);
  return (ec ? fs::absolute(p) : abs).lexically_normal();
}

bool is_under(const fs::path& file, const fs::path& folder) {
  const auto rel = file.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

FileFilter::FileFilter(const std::vector<std::string>& files, const fs::path& cwd) {
  for (const auto& f : files) {
    const fs::path p(f);
    paths_.insert(normal(p.is_absolute() ? p : cwd / p));
  }
}

bool FileFilter::selects(const fs::path& file) const {
  const fs::path f = normal(file);
  for (const auto& p : paths_) {
    if (f == p || is_under(f, p)) return true;
  }
  return false;
}

FileFilter::Reach FileFilter::reach_in(const fs::path& root) const {
  const fs::path r = normal(root);
  Reach reach;
  for (const auto& p : paths_) {
    if (p == r) return {true, true};  // the whole project was named
    if (!is_under(p, r)) continue;
    const std::string name = p.filename().string();
    const std::string ext = p.extension().string();
    if (name == "pyproject.toml" || name == "settings.py") return {true, true};
    reach.links |= ext == ".py" || ext == ".yml" || ext == ".yaml" || ext == ".json";
  }
  return reach;
}

bool FileFilter::keeps(const core::Diagnostic& d, const core::SourceMap& sources, const fs::path& root) const {
  if (paths_.empty()) return true;
  const Reach reach = reach_in(root);
  if (reach.everything) return true;
  // KL3xx-KL5xx relate code to configuration: an edit on either side can
  // make them appear on the other (a renamed dataset, a removed entry).
  if (reach.links && (d.code.rfind("KL3", 0) == 0 || d.code.rfind("KL4", 0) == 0 || d.code.rfind("KL5", 0) == 0)) {
    return true;
  }
  if (d.primary.valid() && selects(sources.get(d.primary.file).path())) return true;
  for (const auto& label : d.related) {
    if (label.span.valid() && selects(sources.get(label.span.file).path())) return true;
  }
  return false;
}

}  // namespace kedrolint::session
