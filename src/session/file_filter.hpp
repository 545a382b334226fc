#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::session {

/// `check --files` / `--changed-only`: the whole project is still analysed,
/// but only findings that touch one of the given files are reported. A
/// finding touches a file when its primary or a related location is in it.
/// Edits also break things elsewhere, in both directions: a catalog edit
/// breaks a pipeline file, a renamed dataset in a pipeline leaves a catalog
/// entry unused; so a changed Python or configuration file keeps every
/// finding of the rules that relate the two (KL3xx catalog and parameters,
/// KL4xx deployment, KL5xx artifacts), and a changed pyproject.toml or
/// settings.py, which configure everything, keeps every finding.
class FileFilter {
 public:
  /// `files` may be relative to `cwd`; folders select every file below them.
  FileFilter(const std::vector<std::string>& files, const std::filesystem::path& cwd);

  /// Whether a finding of the project at `root` is reported.
  [[nodiscard]] bool keeps(const core::Diagnostic& d, const core::SourceMap& sources,
                           const std::filesystem::path& root) const;
  [[nodiscard]] bool empty() const { return paths_.empty(); }

 private:
  [[nodiscard]] bool selects(const std::filesystem::path& file) const;
  struct Reach {
    bool everything = false;  ///< pyproject.toml, settings.py or the root itself
    bool links = false;       ///< Python or configuration files: KL3xx-KL5xx
  };
  [[nodiscard]] Reach reach_in(const std::filesystem::path& root) const;

  std::set<std::filesystem::path> paths_;
};

}  // namespace kedrolint::session
