#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::session {

/// What `check` needs from one project's analysis.
struct ProjectRun {
  bool analysed = false;
  bool internal_error = false;
  core::Severity fail_on = core::Severity::Warning;
  std::vector<core::Diagnostic> diagnostics;
};

/// The warm cache of `check`: one entry per (project root, options) in the
/// user's cache folder, never in the project. An entry is reused only when
/// every file the analysis read still has the same content (SHA-256) and no
/// folder of the project gained or lost an entry (folder mtimes), so a new
/// catalog file or pipeline folder is seen. Entries are written to a
/// temporary file and renamed (concurrent runs never see half an entry);
/// a corrupt or foreign entry is ignored and removed.
class ResultCache {
 public:
  /// `KEDROLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/kedrolint`, else
  /// `~/.cache/kedrolint`; nullopt when none can be determined.
  static std::optional<std::filesystem::path> default_dir();

  ResultCache(std::filesystem::path dir, std::string tool_version);

  /// The cached run, with its files loaded into `sources`.
  std::optional<ProjectRun> lookup(const std::filesystem::path& root, const std::string& options,
                                   core::SourceMap& sources) const;
  /// Records a run; `files` are the ids of the files it read.
  void store(const std::filesystem::path& root, const std::string& options, const ProjectRun& run,
             core::SourceMap& sources, const std::vector<core::FileId>& files) const;

  static constexpr std::size_t kMaxEntries = 64;

 private:
  [[nodiscard]] std::filesystem::path entry_path(const std::filesystem::path& root, const std::string& options) const;
  void prune() const;

  std::filesystem::path dir_;
  std::string tool_version_;
};

}  // namespace kedrolint::session
