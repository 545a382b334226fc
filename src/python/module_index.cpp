#include "python/module_index.hpp"

#include "core/text.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> dotted_name_under(const fs::path& root, const fs::path& file) {
  const fs::path rel = file.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  std::string out;
  for (const auto& part : rel) {
    std::string text = part.string();
    if (text == "__init__.py") break;
    if (part == rel.filename() && part.extension() == ".py") text = part.stem().string();
    if (!out.empty()) out += ".";
    out += text;
  }
  return out;
}

}  // namespace

// The caller holds folders_->mutex. Elements of an unordered_map keep their
// address when it grows, so the reference stays valid.
const ModuleIndex::Folder& ModuleIndex::folder(const fs::path& path) const {
  auto [it, added] = folders_->by_path.try_emplace(path.string());
  if (!added) return it->second;
  std::error_code ec;
  for (fs::directory_iterator entries(path, ec), end; !ec && entries != end; entries.increment(ec)) {
    std::error_code type_ec;
    const std::string name = entries->path().filename().string();
    if (entries->is_directory(type_ec)) it->second.folders.insert(name);
    else if (entries->is_regular_file(type_ec)) it->second.files.insert(name);
  }
  return it->second;
}

// One sys.path entry: a regular package or a module is found at once; a
// folder without `__init__.py` is only a namespace portion (Python keeps
// scanning later entries for a regular package or module first).
std::optional<ModuleLocation> ModuleIndex::locate_in(const fs::path& root, const std::string& dotted,
                                                     bool& namespace_portion) const {
  fs::path parent = root;
  const auto parts = core::split(dotted, '.');
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i].empty()) return std::nullopt;
    parent /= parts[i];
  }
  const std::string& last = parts.back();
  if (last.empty()) return std::nullopt;
  const std::lock_guard lock(folders_->mutex);
  const Folder& in_parent = folder(parent);
  const bool is_dir = in_parent.folders.count(last) > 0;
  if (is_dir && folder(parent / last).files.count("__init__.py")) {
    return ModuleLocation{parent / last / "__init__.py", true};
  }
  if (in_parent.files.count(last + ".py")) return ModuleLocation{parent / (last + ".py"), false};
  namespace_portion = namespace_portion || is_dir;
  return std::nullopt;
}

std::optional<ModuleLocation> ModuleIndex::locate(const std::string& dotted) const {
  if (dotted.empty()) return std::nullopt;
  bool namespace_portion = false;
  if (auto found = locate_in(source_dir_, dotted, namespace_portion)) return found;
  for (const auto& root : extra_roots_) {
    if (auto found = locate_in(root, dotted, namespace_portion)) return found;
  }
  if (namespace_portion) return ModuleLocation{fs::path(), true};
  return std::nullopt;
}

std::optional<std::string> ModuleIndex::module_name(const fs::path& file) const {
  if (auto name = dotted_name_under(source_dir_, file)) return name;
  for (const auto& root : extra_roots_) {
    if (auto name = dotted_name_under(root, file)) return name;
  }
  return std::nullopt;
}

std::optional<std::string> resolve_relative(const std::string& current, bool current_is_package, int level,
                                            const std::string& name) {
  std::vector<std::string> parts = core::split(current, '.');
  if (!current_is_package) parts.pop_back();
  for (int i = 1; i < level; ++i) {
    if (parts.empty()) return std::nullopt;
    parts.pop_back();
  }
  if (parts.empty()) return std::nullopt;
  std::string base = core::join(parts, ".");
  return name.empty() ? base : base + "." + name;
}

}  // namespace kedrolint::python
