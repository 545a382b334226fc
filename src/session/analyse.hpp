#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "engine/engine.hpp"
#include "session/result_cache.hpp"

namespace kedrolint::session {

/// The options that change a project's findings, as one string: the part
/// of the cache key that is not the files' content.
std::string options_key(const engine::CheckOptions& options);

/// What becomes of a project's model once its findings are taken.
enum class Teardown {
  Now,     ///< destroyed before analyse returns
  AtExit,  ///< left for the process's end (core/leave_to_exit.hpp): the last analysis of a one-shot run
};

/// One project's findings: from the warm cache when nothing it read has
/// changed, else from a fresh analysis, which is then cached.
ProjectRun analyse(const std::filesystem::path& root, const engine::CheckOptions& options, core::SourceMap& sources,
                   const ResultCache* cache, Teardown teardown = Teardown::Now);

}  // namespace kedrolint::session
