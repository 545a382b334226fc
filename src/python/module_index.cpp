#include "python/module_index.hpp"

#include "core/text.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

namespace {

// One sys.path entry: a regular package or a module is found at once; a
// folder without `__init__.py` is only a namespace portion (Python keeps
// scanning later entries for a regular package or module first).
std::optional<ModuleLocation> locate_in(const fs::path& root, const std::string& dotted, bool& namespace_portion) {
  fs::path path = root;
  for (const auto& part : core::split(dotted, '.')) {
    if (part.empty()) return std::nullopt;
    path /= part;
  }
  std::error_code ec;
  const bool is_dir = fs::is_directory(path, ec);
  if (is_dir && fs::is_regular_file(path / "__init__.py", ec)) return ModuleLocation{path / "__init__.py", true};
  fs::path file = path;
  file += ".py";
  if (fs::is_regular_file(file, ec)) return ModuleLocation{file, false};
  namespace_portion = namespace_portion || is_dir;
  return std::nullopt;
}

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
