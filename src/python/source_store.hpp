#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "parse/python_source.hpp"

namespace kedrolint::python {

/// Parsed Python files of one run, each parsed once. Trees stay alive until
/// the store is destroyed, so syntax nodes held by evaluated values stay valid.
class SourceStore {
 public:
  explicit SourceStore(core::SourceMap& sources) : sources_(sources) {}

  /// Parses files in parallel (one parser per thread).
  void preload(const std::vector<std::filesystem::path>& paths, std::size_t jobs);
  /// The parsed file, parsing it now if needed; null when it cannot be read.
  const parse::PythonSource* get(const std::filesystem::path& path);
  /// Read and syntax problems of every file parsed so far (KL001, KL008),
  /// in path order.
  [[nodiscard]] std::vector<core::Finding> findings() const;
  [[nodiscard]] std::vector<const parse::PythonSource*> all() const;
  core::SourceMap& sources() { return sources_; }

 private:
  struct Entry {
    std::unique_ptr<parse::PythonSource> parsed;  ///< null when unreadable
    core::SourceMap::Loaded loaded;
  };
  Entry parse_one(const std::filesystem::path& path, parse::ts::PythonParser& parser);

  core::SourceMap& sources_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace kedrolint::python
