#pragma once
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/source_file.hpp"

namespace kedrolint::core {

/// Why a file could not be turned into a SourceFile.
struct ReadError {
  enum class Kind { Unreadable, NotUtf8, TooLarge } kind;
  std::string detail;           ///< OS error text, or what was wrong
  std::uint32_t byte_offset = 0;  ///< for NotUtf8: the first bad byte
};

/// Owns every file read during one run. Thread-safe; a file is read at most
/// once, and returned references stay valid until the map is destroyed.
class SourceMap {
 public:
  explicit SourceMap(std::filesystem::path root) : root_(std::move(root)) {}

  /// Files may be read only inside the folders given here (each project
  /// root, once): a path that resolves outside all of them, through a
  /// symbolic link, is registered empty with an Unreadable error instead of
  /// being read. Nothing is confined until a folder is given.
  void confine_to(const std::filesystem::path& folder);
  /// Adds a file from memory (tests, editor buffers).
  const SourceFile& add(const std::filesystem::path& path, std::string text);
  /// Reads a file from disk once. The file is always registered: unreadable
  /// files as empty text, invalid UTF-8 as read; `error` says what went wrong.
  struct Loaded {
    const SourceFile* file = nullptr;
    std::optional<ReadError> error;
  };
  Loaded load(const std::filesystem::path& path);
  /// load() of each path, the files read in parallel on up to `jobs`
  /// threads but registered in the order given, so that file ids never
  /// depend on timing.
  std::vector<Loaded> load_all(const std::vector<std::filesystem::path>& paths, std::size_t jobs);

  [[nodiscard]] const SourceFile& get(FileId id) const;
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] const SourceFile* find(const std::filesystem::path& path) const;
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  [[nodiscard]] std::string display_path(const std::filesystem::path& path) const;

  /// Largest file accepted; bigger files are reported, not read.
  static constexpr std::uintmax_t kMaxFileBytes = 64u * 1024u * 1024u;

 private:
  const SourceFile& add_locked(const std::filesystem::path& path, std::string text);
  /// What reading a file gave: its text (empty when unreadable) and what went wrong.
  struct Read {
    std::string text;
    std::optional<ReadError> error;
  };
  [[nodiscard]] std::optional<Loaded> already(const std::string& key) const;
  [[nodiscard]] Read read(const std::filesystem::path& path) const;
  Loaded keep(const std::filesystem::path& path, const std::string& key, Read read);
  /// Where `path` really is, when that is outside every confining folder.
  [[nodiscard]] std::optional<std::string> outside_confinement(const std::filesystem::path& path) const;

  std::filesystem::path root_;
  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<SourceFile>> files_;
  std::unordered_map<std::string, FileId> by_path_;
  std::unordered_map<std::string, ReadError> errors_;
  std::vector<std::filesystem::path> confined_to_;  ///< canonical folders
};

}  // namespace kedrolint::core
