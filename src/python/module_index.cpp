#include "python/module_index.hpp"

#include "core/text.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

std::optional<ModuleLocation> ModuleIndex::locate(const std::string& dotted) const {
  if (dotted.empty()) return std::nullopt;
  fs::path path = source_dir_;
  for (const auto& part : core::split(dotted, '.')) {
    if (part.empty()) return std::nullopt;
    path /= part;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const fs::path init = path / "__init__.py";
    if (fs::is_regular_file(init, ec)) return ModuleLocation{init, true};
    return ModuleLocation{fs::path(), true};  // namespace package
  }
  fs::path file = path;
  file += ".py";
  if (fs::is_regular_file(file, ec)) return ModuleLocation{file, false};
  return std::nullopt;
}

std::optional<std::string> ModuleIndex::module_name(const fs::path& file) const {
  const fs::path rel = file.lexically_relative(source_dir_);
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
