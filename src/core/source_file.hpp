#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::core {

/// A rendered position. `line` is 1-based; `column` counts Unicode code
/// points from 1 (SARIF `unicodeCodePoints`, what a user sees);
/// `utf16_column` counts UTF-16 code units from 1 (LSP, GitHub fingerprints);
/// `byte_column` counts bytes from 1.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t utf16_column = 1;
  std::uint32_t byte_column = 1;
};

/// The one place where byte offsets become lines and columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] Position position(std::string_view text, std::uint32_t offset) const;
  /// Byte offset of a 1-based line and a 1-based code-point column, clamped to
  /// the line's end. Used to map yaml-cpp and toml++ marks onto byte offsets.
  [[nodiscard]] std::uint32_t offset_of(std::string_view text, std::uint32_t line,
                                        std::uint32_t column) const;
  [[nodiscard]] std::uint32_t offset_of_byte_column(std::uint32_t line, std::uint32_t byte_column) const;
  [[nodiscard]] std::size_t line_count() const { return starts_.size(); }
  /// The text of a 1-based line, without its line terminator.
  [[nodiscard]] std::string_view line_text(std::string_view text, std::uint32_t line) const;

 private:
  std::vector<std::uint32_t> starts_;
};

/// A file read once per run. Owns its bytes; views into them stay valid for
/// the lifetime of the SourceMap that owns the file.
class SourceFile {
 public:
  SourceFile(FileId id, std::filesystem::path path, std::string display_path, std::string text);

  [[nodiscard]] FileId id() const { return id_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Path relative to the project root with '/' separators (or absolute when
  /// the file is outside the root). This is what reports print.
  [[nodiscard]] const std::string& display_path() const { return display_path_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] const LineIndex& lines() const { return lines_; }
  [[nodiscard]] Position position(std::uint32_t offset) const { return lines_.position(text_, offset); }
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const { return lines_.line_text(text_, line); }
  [[nodiscard]] Span span(std::uint32_t begin, std::uint32_t end) const { return Span{id_, begin, end}; }
  /// A span covering a 1-based line and code-point column, `length` bytes long.
  [[nodiscard]] Span span_at(std::uint32_t line, std::uint32_t column, std::uint32_t length = 0) const;

 private:
  FileId id_;
  std::filesystem::path path_;
  std::string display_path_;
  std::string text_;
  LineIndex lines_;
};

}  // namespace kedrolint::core
