#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kedrolint::python {

/// Where a dotted module name lives under the project's source folder (which
/// Kedro puts on sys.path). Modules not found here are outside the project.
struct ModuleLocation {
  std::filesystem::path file;  ///< the .py file, or the package's __init__.py; empty for a namespace package
  bool is_package = false;
};

class ModuleIndex {
 public:
  /// `extra_roots`: more folders read as project code, searched after
  /// `source_dir` as later `sys.path` entries are (`[tool.kedrolint]
  /// extra-source-roots`, for monorepos whose packages sit beside the project).
  explicit ModuleIndex(std::filesystem::path source_dir, std::vector<std::filesystem::path> extra_roots = {})
      : source_dir_(std::move(source_dir)), extra_roots_(std::move(extra_roots)) {}

  /// Reads each folder once, as CPython's FileFinder caches a folder's
  /// entries: the import scan asks for every name a `from .nodes import ...`
  /// imports (each may be a submodule), about 6,600 names at 10,000 nodes,
  /// and each had cost up to three `stat` calls per root. Copies of
  /// an index share the folders read; an index lives for one analysis, so a
  /// file created later is seen by the next one.
  [[nodiscard]] std::optional<ModuleLocation> locate(const std::string& dotted) const;
  /// The dotted name of a file under the source folder (or an extra root).
  [[nodiscard]] std::optional<std::string> module_name(const std::filesystem::path& file) const;
  [[nodiscard]] const std::filesystem::path& source_dir() const { return source_dir_; }

 private:
  std::filesystem::path source_dir_;
  std::vector<std::filesystem::path> extra_roots_;
  struct Folder {
    std::unordered_set<std::string> folders;  ///< entries that are directories (links followed)
    std::unordered_set<std::string> files;    ///< entries that are regular files (links followed)
  };
  struct Folders {
    std::mutex mutex;  // the import scan and the interpreter run on different threads
    std::unordered_map<std::string, Folder> by_path;
  };
  std::shared_ptr<Folders> folders_ = std::make_shared<Folders>();
  [[nodiscard]] std::optional<ModuleLocation> locate_in(const std::filesystem::path& root, const std::string& dotted,
                                                        bool& namespace_portion) const;
  [[nodiscard]] const Folder& folder(const std::filesystem::path& path) const;
};

/// Resolves `from ..x import y` inside module `current` (a package when
/// `current_is_package`): the absolute dotted name, or nullopt when the
/// relative import goes above the top-level package.
std::optional<std::string> resolve_relative(const std::string& current, bool current_is_package, int level,
                                            const std::string& name);

}  // namespace kedrolint::python
