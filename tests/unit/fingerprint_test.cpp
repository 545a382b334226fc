// line_hashes: GitHub code scanning's primaryLocationLineHash.
//
// The first test uses the vectors published in github/codeql-action's
// src/fingerprints.test.ts (the version of src/fingerprints.ts that appends an
// EOF marker, 65535, before the zero padding: that marker is why an empty
// file still has one hash, "c129715d7a2bc9a3:1", and why a file ending in a
// newline gets one more hash for the empty last line).
//
// The second test adds inputs the published vectors do not cover (non-ASCII
// text and UTF-16 surrogates, a line longer than the 100-unit window, a BOM,
// blank lines, mixed line endings). Their expected values were computed with a
// line-by-line JavaScript port of codeql-action's hash() (BigInt standing in
// for Long), run with Node 20; the port reproduces every published vector.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "report/fingerprint.hpp"

using kedrolint::report::line_hashes;
using Hashes = std::vector<std::string>;

TEST_CASE("fingerprint: codeql-action's published vectors", "[report][fingerprint]") {
  SECTION("empty file") { CHECK(line_hashes("") == Hashes{"c129715d7a2bc9a3:1"}); }
  SECTION("spaces and tabs are skipped") {
    CHECK(line_hashes(" a\nb\n  \t\tc\n d") ==
          Hashes{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"});
  }
  SECTION("no trailing newline") {
    CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End") ==
          Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                 "b86d3392aea1be30:1", "e6ceba753e1a442:1"});
  }
  const Hashes trailing = {"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                           "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"};
  SECTION("trailing newline, LF") {
    CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n") == trailing);
  }
  SECTION("trailing newline, CR") {
    CHECK(line_hashes(" hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r") == trailing);
  }
  SECTION("trailing newline, CRLF") {
    CHECK(line_hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == trailing);
  }
  SECTION("trailing newline, mixed endings") {
    CHECK(line_hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n") == trailing);
  }
  SECTION("repeated lines are numbered by occurrence") {
    std::string lorem;
    for (int i = 0; i < 10; ++i) lorem += "Lorem ipsum dolor sit amet.\n";
    CHECK(line_hashes(lorem) == Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                                       "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                                       "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                                       "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"});
  }
}

TEST_CASE("fingerprint: more inputs, checked against a port of codeql-action", "[report][fingerprint]") {
  SECTION("non-ASCII and surrogate pairs are hashed as UTF-16 code units") {
    CHECK(line_hashes("caf\xC3\xA9 = 1\n# \xF0\x9F\x98\x80 \xC3\xA9moji\nx = '\xE6\x97\xA5\xE6\x9C\xAC'\n") ==
          Hashes{"5da3f9d368061ea6:1", "7e35658757bf82ef:1", "c77ea6635a2bd291:1", "c129715d7a2bc9a3:1"});
  }
  SECTION("a line longer than the window") {
    CHECK(line_hashes(std::string(150, 'x') + "\ny = 1\n") ==
          Hashes{"52b56201ffb58620:1", "17ab1ef2caecdd1c:1", "c129715d7a2bc9a3:1"});
  }
  SECTION("a byte order mark is an ordinary character") {
    CHECK(line_hashes("\xEF\xBB\xBF"
                      "a: 1\nb: 2\n") == Hashes{"af9a9a241ff3d7a0:1", "5d56533273a3bbdb:1", "c129715d7a2bc9a3:1"});
  }
  SECTION("blank lines") {
    CHECK(line_hashes("\n\n\n") ==
          Hashes{"4e5d562094661a0d:1", "5b5d4caf73a13177:1", "3c5bef55b72b93c9:1", "c129715d7a2bc9a3:1"});
  }
  SECTION("CRLF, CR and LF in one file") {
    CHECK(line_hashes("a\r\n\r\nb\rc\n") == Hashes{"5dac9960e82853e9:1", "e8678f64ecf7af62:1", "9ed7939040abc6c0:1",
                                                   "3791504be0bd17cc:1", "c129715d7a2bc9a3:1"});
  }
}

TEST_CASE("fingerprint: one hash per line, index 0 is line 1", "[report][fingerprint]") {
  for (const std::string text : {"a", "a\n", "a\nb", "a\nb\n", "a\r\nb\r\n", "\n"}) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    }
    INFO(text);
    CHECK(line_hashes(text).size() == lines);
  }
}

// codeql-action reads files with Node's UTF-8 decoder, which replaces each
// maximal invalid subsequence by one U+FFFD (WHATWG). A lone Latin-1 byte is
// one U+FFFD either way; a truncated multi-byte sequence is one U+FFFD in Node.
// Expected values from the same Node port, run on the raw bytes.
TEST_CASE("fingerprint: invalid UTF-8 is decoded like Node does", "[report][fingerprint]") {
  CHECK(line_hashes("caf\xE9\n") == Hashes{"39189928e398c5c4:1", "c129715d7a2bc9a3:1"});
  CHECK(line_hashes("x = '\xE6\x97'\ny\n") == Hashes{"618da96a1a41c95c:1", "c33be7e0cf7c3ca:1", "c129715d7a2bc9a3:1"});
}
