#include "model/project_dataset_class.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "python/module_index.hpp"

namespace kedrolint::model {
namespace {

constexpr int kMaxHops = 8;

struct Import {
  std::string module;  ///< as written, with its leading dots
  std::string name;    ///< the imported name, or "*"
  std::string bound;   ///< the name it is bound to in the importing module
};

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Every `from M import a, b as c`, `from M import (a,\n b)`, `from M import *`,
// found line by line (no std::regex: it recurses per character on long lines).
std::vector<Import> from_imports(std::string_view src) {
  std::vector<Import> out;
  const auto lines = core::split(src, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    if (line.substr(0, 5) != "from ") continue;
    line.remove_prefix(5);
    const auto import_at = line.find(" import ");
    if (import_at == std::string_view::npos) continue;
    const std::string module(core::trim(line.substr(0, import_at)));
    std::string names(line.substr(import_at + 8));
    if (core::trim(names).substr(0, 1) == "(") {
      while (names.find(')') == std::string::npos && ++i < lines.size()) names += "," + lines[i];
    }
    for (const auto& item : core::split(names, ',')) {
      std::string text(item.substr(0, item.find('#')));
      for (char& c : text) {
        if (c == '(' || c == ')' || c == '\\') c = ' ';
      }
      const std::string_view clean = core::trim(text);
      if (clean.empty()) continue;
      const auto as = clean.find(" as ");
      const std::string name(core::trim(clean.substr(0, as)));
      const std::string bound = as == std::string_view::npos ? name : std::string(core::trim(clean.substr(as + 4)));
      out.push_back({module, name, bound});
    }
  }
  return out;
}

// `Name = ...` / `Name: T = ...` at module level, or a module `__getattr__`
// that can serve any name.
bool assigned_or_dynamic(std::string_view src, const std::string& cls) {
  for (const auto& raw : core::split(src, '\n')) {
    const std::string_view line = raw;
    if (line.rfind("def __getattr__(", 0) == 0) return true;
    if (line.substr(0, cls.size()) != cls) continue;
    const std::string_view rest = core::trim(line.substr(cls.size()));
    if (!rest.empty() && (rest[0] == ':' || (rest[0] == '=' && rest.substr(0, 2) != "=="))) return true;
  }
  return false;
}

class Finder {
 public:
  explicit Finder(const std::filesystem::path& source_dir)
      : index_(std::make_shared<python::ModuleIndex>(source_dir)) {}

  std::optional<ProjectClass> find(const std::string& module, const std::string& cls, int hops) const {
    const auto loc = index_->locate(module);
    if (!loc) return std::nullopt;
    ProjectClass out;
    if (loc->file.empty() || hops > kMaxHops || !is_identifier(cls)) return out;
    const std::string src = read_text(loc->file);
    const std::regex def("(^|\\n)class\\s+" + cls + "\\b");
    std::smatch m;
    if (std::regex_search(src, m, def)) {
      out.found = true;
      // `_EPHEMERAL = True` in the class body marks an in-memory dataset.
      const auto body = src.substr(static_cast<std::size_t>(m.position(0)));
      const auto next_class = body.find("\nclass ", 1);
      out.ephemeral = body.substr(0, next_class).find("_EPHEMERAL = True") != std::string::npos;
      return out;
    }
    for (const auto& imp : from_imports(src)) {
      if (imp.bound != cls && imp.name != "*") continue;
      const auto target = absolute(module, loc->is_package, imp.module);
      if (!target) continue;
      const auto found = find(*target, imp.name == "*" ? cls : imp.name, hops + 1);
      if (!found) {
        if (imp.name == "*") continue;  // what a module outside the project exports is unknown
        out.found = true;  // re-exported from another package
        return out;
      }
      if (found->found) return found;
    }
    out.found = assigned_or_dynamic(src, cls);
    return out;
  }

 private:
  static std::optional<std::string> absolute(const std::string& current, bool is_package, const std::string& written) {
    const auto dots = written.find_first_not_of('.');
    if (dots == 0) return written;
    const std::string rest = dots == std::string::npos ? std::string() : written.substr(dots);
    return python::resolve_relative(current, is_package, static_cast<int>(dots == std::string::npos ? written.size() : dots),
                                    rest);
  }

  std::shared_ptr<python::ModuleIndex> index_;
};

}  // namespace

ProjectClassLookup project_class_lookup(const project::Layout& layout) {
  auto finder = std::make_shared<Finder>(layout.source_dir);
  return [finder](const std::string& module, const std::string& cls) { return finder->find(module, cls, 0); };
}

}  // namespace kedrolint::model
