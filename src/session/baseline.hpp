#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::session {

/// Adopting kedrolint on an existing project: `--write-baseline FILE` records
/// today's findings, `--baseline FILE` then reports only the new ones. A
/// finding is identified by rule, file (relative to its project root) and a
/// fingerprint of its line's content and message, so it stays matched when
/// lines move; identical findings are counted.
class Baseline {
 public:
  /// Reads a baseline file; nullopt with `error` set when it is unreadable
  /// or not a kedrolint baseline.
  static std::optional<Baseline> read(const std::filesystem::path& path, std::string& error);

  /// Adds a finding of the project rooted at `root`.
  void add(const core::Diagnostic& d, const core::SourceMap& sources, const std::filesystem::path& root);
  /// True when `d` is recorded; each recorded finding absorbs one match.
  bool absorb(const core::Diagnostic& d, const core::SourceMap& sources, const std::filesystem::path& root);
  /// The baseline as JSON (schema `kedrolint.baseline/v1`), sorted.
  [[nodiscard]] std::string to_json() const;
  [[nodiscard]] std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // code, file, fingerprint
  Key key_of(const core::Diagnostic& d, const core::SourceMap& sources, const std::filesystem::path& root);
  static std::string fingerprint_of(const core::Diagnostic& d, const core::SourceFile& file);

  std::map<Key, std::size_t> counts_;
  std::map<Key, std::string> messages_;  ///< for readers of the file only
};

}  // namespace kedrolint::session
