#include "core/source_file.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace kedrolint::core {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // \n, \r\n and a lone \r all end a line, as in Python and YAML.
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

Position LineIndex::position(std::string_view text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin());
  const std::uint32_t start = starts_[line - 1];
  Position pos;
  pos.line = line;
  pos.byte_column = offset - start + 1;
  std::uint32_t cps = 0, units = 0;
  std::size_t i = start;
  while (i < offset) {
    const char32_t cp = decode_utf8(text, i);
    ++cps;
    units += cp >= 0x10000 ? 2 : 1;
  }
  pos.column = cps + 1;
  pos.utf16_column = units + 1;
  return pos;
}

std::string_view LineIndex::line_text(std::string_view text, std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  const std::size_t begin = starts_[line - 1];
  std::size_t end = line < starts_.size() ? starts_[line] : text.size();
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return text.substr(begin, end - begin);
}

std::uint32_t LineIndex::offset_of(std::string_view text, std::uint32_t line, std::uint32_t column) const {
  if (line == 0) line = 1;
  if (line > starts_.size()) return static_cast<std::uint32_t>(text.size());
  const std::string_view content = line_text(text, line);
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < column && i < content.size(); ++c) decode_utf8(content, i);
  return starts_[line - 1] + static_cast<std::uint32_t>(i);
}

std::uint32_t LineIndex::offset_of_byte_column(std::uint32_t line, std::uint32_t byte_column) const {
  if (line == 0 || line > starts_.size()) return starts_.back();
  return starts_[line - 1] + (byte_column > 0 ? byte_column - 1 : 0);
}

SourceFile::SourceFile(FileId id, std::filesystem::path path, std::string display_path, std::string text)
    : id_(id), path_(std::move(path)), display_path_(std::move(display_path)), text_(std::move(text)), lines_(text_) {}

Span SourceFile::span_at(std::uint32_t line, std::uint32_t column, std::uint32_t length) const {
  const std::uint32_t begin = lines_.offset_of(text_, line, column);
  const auto end = std::min<std::uint32_t>(begin + length, static_cast<std::uint32_t>(text_.size()));
  return Span{id_, begin, end};
}

}  // namespace kedrolint::core
