// LineIndex and SourceFile: the one place where byte offsets become 1-based
// lines and code-point / UTF-16 / byte columns (CONVENTIONS.md 6.8).
#include <catch2/catch.hpp>

#include <string>

#include "core/source_file.hpp"

using kedrolint::core::LineIndex;
using kedrolint::core::Position;
using kedrolint::core::SourceFile;

namespace {

Position at(const SourceFile& f, std::size_t offset) { return f.position(static_cast<std::uint32_t>(offset)); }

}  // namespace

TEST_CASE("LineIndex: an empty text has one line and every offset is 1:1", "[core][line_index]") {
  SourceFile f(0, "/p/e.py", "e.py", "");
  CHECK(f.lines().line_count() == 1);
  const auto p = at(f, 0);
  CHECK(p.line == 1);
  CHECK(p.column == 1);
  CHECK(p.utf16_column == 1);
  CHECK(p.byte_column == 1);
  CHECK(at(f, 99).line == 1);  // clamped to the end of the text
  CHECK(f.line_text(1).empty());
  CHECK(f.line_text(0).empty());
  CHECK(f.line_text(2).empty());
}

TEST_CASE("LineIndex: LF, CRLF and a lone CR each end one line", "[core][line_index]") {
  const std::string text = "a\nbb\r\nccc\rdddd";
  SourceFile f(0, "/p/x.py", "x.py", text);
  REQUIRE(f.lines().line_count() == 4);
  CHECK(f.line_text(1) == "a");
  CHECK(f.line_text(2) == "bb");
  CHECK(f.line_text(3) == "ccc");
  CHECK(f.line_text(4) == "dddd");
  CHECK(at(f, text.find("bb")).line == 2);
  CHECK(at(f, text.find("ccc")).line == 3);
  CHECK(at(f, text.find("dddd")).line == 4);
  // The terminator belongs to the line it ends.
  CHECK(at(f, text.find('\r')).line == 2);
  CHECK(at(f, text.find('\r')).column == 3);
  CHECK(at(f, text.find('\r') + 1).line == 2);  // the \n of \r\n
  CHECK(at(f, text.find('\r') + 1).column == 4);
  // Offset == size is the end of the last line.
  const auto end = at(f, text.size());
  CHECK(end.line == 4);
  CHECK(end.column == 5);
}

TEST_CASE("LineIndex: a trailing newline opens an empty last line", "[core][line_index]") {
  SourceFile f(0, "/p/x.yml", "x.yml", "a: 1\n");
  CHECK(f.lines().line_count() == 2);
  CHECK(at(f, 5).line == 2);
  CHECK(at(f, 5).column == 1);
  CHECK(f.line_text(2).empty());
  SourceFile crlf(0, "/p/x.yml", "x.yml", "a: 1\r\n\r\n");
  CHECK(crlf.lines().line_count() == 3);
  CHECK(crlf.line_text(1) == "a: 1");
  CHECK(crlf.line_text(2).empty());
}

TEST_CASE("LineIndex: columns count code points, UTF-16 units and bytes", "[core][line_index]") {
  // x = "é😀日" + y  : é is 2 bytes / 1 unit, 😀 is 4 bytes / 2 units, 日 is 3 bytes / 1 unit.
  const std::string text = "first\nx = \"\xC3\xA9\xF0\x9F\x98\x80\xE6\x97\xA5\" + y\n";
  SourceFile f(0, "/p/x.py", "x.py", text);
  const auto y = at(f, text.find('y'));
  CHECK(y.line == 2);
  CHECK(y.byte_column == 19);   // x,space,=,space,",é(2),😀(4),日(3),",space,+,space: 18 bytes before
  CHECK(y.column == 13);        // 12 code points before
  CHECK(y.utf16_column == 14);  // 😀 counts twice
  const auto emoji = at(f, text.find("\xF0\x9F\x98\x80"));
  CHECK(emoji.column == 7);
  CHECK(emoji.utf16_column == 7);
  const auto after_emoji = at(f, text.find("\xE6\x97\xA5"));
  CHECK(after_emoji.column == 8);
  CHECK(after_emoji.utf16_column == 9);
}

TEST_CASE("LineIndex: offset_of maps a code-point column back to bytes", "[core][line_index]") {
  const std::string text = "\xC3\xA9t\xC3\xA9: x\r\nnext: \xF0\x9F\x98\x80z\n";
  SourceFile f(0, "/p/x.yml", "x.yml", text);
  const auto& idx = f.lines();
  CHECK(idx.offset_of(f.text(), 1, 1) == 0);
  CHECK(idx.offset_of(f.text(), 1, 2) == 2);  // after é
  CHECK(idx.offset_of(f.text(), 1, 4) == text.find(':'));
  CHECK(idx.offset_of(f.text(), 2, 8) == text.find('z'));
  // Clamped to the end of the line content (before the terminator).
  CHECK(idx.offset_of(f.text(), 1, 100) == text.find('\r'));
  // Line 0 is read as line 1; a line past the end is the end of the text.
  CHECK(idx.offset_of(f.text(), 0, 1) == 0);
  CHECK(idx.offset_of(f.text(), 99, 1) == text.size());
  // Round trip for every code point start on line 2.
  for (std::uint32_t col = 1; col <= 8; ++col) {
    const auto off = idx.offset_of(f.text(), 2, col);
    CHECK(at(f, off).line == 2);
    CHECK(at(f, off).column == col);
  }
}

TEST_CASE("LineIndex: offset_of_byte_column is a plain byte offset", "[core][line_index]") {
  const std::string text = "ab\n\xC3\xA9x\n";
  SourceFile f(0, "/p/x.yml", "x.yml", text);
  CHECK(f.lines().offset_of_byte_column(2, 1) == 3);
  CHECK(f.lines().offset_of_byte_column(2, 3) == text.find('x'));
  CHECK(f.lines().offset_of_byte_column(2, 0) == 3);
  // Lines out of range map to the start of the last line.
  CHECK(f.lines().offset_of_byte_column(0, 1) == text.size());
  CHECK(f.lines().offset_of_byte_column(7, 1) == text.size());
}

TEST_CASE("SourceFile: span_at builds a byte span from a code-point column", "[core][line_index]") {
  const std::string text = "k\xC3\xA9y: value\n";
  SourceFile f(3, "/p/c.yml", "c.yml", text);
  const auto s = f.span_at(1, 6, 5);
  CHECK(s.file == 3);
  CHECK(s.begin == text.find("value"));
  CHECK(s.end == s.begin + 5);
  const auto clipped = f.span_at(1, 6, 1000);
  CHECK(clipped.end == text.size());
  CHECK(f.display_path() == "c.yml");
  CHECK(f.path() == "/p/c.yml");
}

TEST_CASE("LineIndex: many lines, binary search at boundaries", "[core][line_index]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "line " + std::to_string(i) + "\n";
  SourceFile f(0, "/p/big.py", "big.py", text);
  CHECK(f.lines().line_count() == 1001);
  std::size_t offset = 0;
  for (std::uint32_t line = 1; line <= 1000; ++line) {
    INFO("line " << line);
    REQUIRE(at(f, offset).line == line);
    REQUIRE(at(f, offset).column == 1);
    const auto nl = text.find('\n', offset);
    REQUIRE(at(f, nl).line == line);  // the terminator is still on the line
    offset = nl + 1;
  }
}
