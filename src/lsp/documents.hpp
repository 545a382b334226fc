#pragma once
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace kedrolint::lsp {

/// The editor's unsaved buffers, by absolute path. Analyses read these
/// instead of the files on disk.
class Documents {
 public:
  void open(const std::filesystem::path& path, std::string text) { texts_[path] = std::move(text); }
  void close(const std::filesystem::path& path) { texts_.erase(path); }
  /// Applies `contentChanges` of a didChange: a change with a `range`
  /// replaces that range (LSP positions: 0-based line, UTF-16 character),
  /// one without replaces the whole text. False when the document is unknown.
  bool change(const std::filesystem::path& path, const nlohmann::json& changes);
  [[nodiscard]] const std::map<std::filesystem::path, std::string>& all() const { return texts_; }

  /// Byte offset of an LSP position in `text`, clamped to the line's end.
  static std::size_t offset_of(const std::string& text, std::size_t line, std::size_t utf16_character);

 private:
  std::map<std::filesystem::path, std::string> texts_;
};

}  // namespace kedrolint::lsp
