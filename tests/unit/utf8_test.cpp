// UTF-8 decoding and validation (core/utf8): what makes a file KL008 and how
// columns are counted.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/utf8.hpp"

using namespace kedrolint::core;

namespace {

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(decode_utf8(s, i));
  return out;
}

}  // namespace

TEST_CASE("decode_utf8 decodes 1 to 4 byte sequences", "[core][utf8]") {
  CHECK(decode_all("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == std::vector<char32_t>{U'a', 0xE9, 0x20AC, 0x1F600});
  // Boundaries of each length.
  CHECK(decode_all("\x7F") == std::vector<char32_t>{0x7F});
  CHECK(decode_all("\xC2\x80") == std::vector<char32_t>{0x80});
  CHECK(decode_all("\xDF\xBF") == std::vector<char32_t>{0x7FF});
  CHECK(decode_all("\xE0\xA0\x80") == std::vector<char32_t>{0x800});
  CHECK(decode_all("\xEF\xBF\xBF") == std::vector<char32_t>{0xFFFF});
  CHECK(decode_all("\xF0\x90\x80\x80") == std::vector<char32_t>{0x10000});
  CHECK(decode_all("\xF4\x8F\xBF\xBF") == std::vector<char32_t>{0x10FFFF});
  CHECK(decode_all(std::string("a\0b", 3)) == std::vector<char32_t>{U'a', 0, U'b'});
}

// WHATWG decoding, as Node, browsers and editors do: a byte that cannot be
// in a sequence is one U+FFFD, and a valid but truncated prefix is one U+FFFD.
TEST_CASE("decode_utf8 replaces each maximal invalid subsequence by one U+FFFD", "[core][utf8]") {
  const char32_t R = 0xFFFD;
  CHECK(decode_all("\x80") == std::vector<char32_t>{R});                       // stray continuation byte
  CHECK(decode_all("\xC3") == std::vector<char32_t>{R});                       // truncated at the end
  CHECK(decode_all("\xC3x") == std::vector<char32_t>{R, U'x'});                // bad continuation
  CHECK(decode_all("\xC0\xAF") == std::vector<char32_t>{R, R});                // overlong '/'
  CHECK(decode_all("\xE0\x80\xAF") == std::vector<char32_t>{R, R, R});         // overlong 3-byte
  CHECK(decode_all("\xED\xA0\x80") == std::vector<char32_t>{R, R, R});         // UTF-16 surrogate
  CHECK(decode_all("\xF4\x90\x80\x80") == std::vector<char32_t>{R, R, R, R});  // above U+10FFFF
  CHECK(decode_all("\xF8\x88\x80\x80\x80").size() == 5);                       // 5-byte forms do not exist
  CHECK(decode_all("\xFF\xFE") == std::vector<char32_t>{R, R});
  CHECK(decode_all("caf\xE9!") == std::vector<char32_t>{U'c', U'a', U'f', R, U'!'});  // Latin-1 é
  CHECK(decode_all("\xE6\x97'") == std::vector<char32_t>{R, U'\''});             // truncated 3-byte
  CHECK(decode_all("\xF0\x9F\x98") == std::vector<char32_t>{R});                  // truncated at the end
  CHECK(decode_all("\xF0\x9F\x98\xC3\xA9") == std::vector<char32_t>{R, 0xE9});    // next sequence kept
}

TEST_CASE("append_utf8 round-trips with decode_utf8", "[core][utf8]") {
  for (const char32_t cp :
       {char32_t{0}, char32_t{0x41}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800}, char32_t{0xFFFD},
        char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x1F600}, char32_t{0x10FFFF}}) {
    std::string s;
    append_utf8(s, cp);
    std::size_t i = 0;
    INFO("code point " << static_cast<unsigned>(cp));
    CHECK(decode_utf8(s, i) == cp);
    CHECK(i == s.size());
    CHECK_FALSE(first_invalid_utf8(s).has_value());
  }
}

TEST_CASE("first_invalid_utf8 gives the byte offset of the first bad sequence", "[core][utf8]") {
  CHECK_FALSE(first_invalid_utf8("").has_value());
  CHECK_FALSE(first_invalid_utf8("plain ASCII\n").has_value());
  CHECK_FALSE(first_invalid_utf8("\xEF\xBB\xBF"
                                 "bom then text")
                  .has_value());                                // a BOM is valid UTF-8
  CHECK_FALSE(first_invalid_utf8("\xEF\xBF\xBD").has_value());  // U+FFFD itself
  CHECK(first_invalid_utf8("caf\xE9 = 1") == std::optional<std::size_t>(3));
  CHECK(first_invalid_utf8("ok\n\xC3") == std::optional<std::size_t>(3));  // truncated at the end
  CHECK(first_invalid_utf8("\xC3\xA9\xC3") == std::optional<std::size_t>(2));
  CHECK(first_invalid_utf8("\xED\xBF\xBF") == std::optional<std::size_t>(0));  // low surrogate
  CHECK(first_invalid_utf8("ab\xC1\xBF") == std::optional<std::size_t>(2));    // overlong
  CHECK(first_invalid_utf8("x\xEF\xBF\xBDy\x80") == std::optional<std::size_t>(5));
  // A Latin-1 file: the first byte >= 0x80 that is not a valid sequence.
  CHECK(first_invalid_utf8("# donn\xE9"
                           "es\n") == std::optional<std::size_t>(6));
}

TEST_CASE("codepoint_count counts lead bytes", "[core][utf8]") {
  CHECK(codepoint_count("") == 0);
  CHECK(codepoint_count("abc") == 3);
  CHECK(codepoint_count("\xC3\xA9t\xC3\xA9") == 3);
  CHECK(codepoint_count("\xF0\x9F\x98\x80") == 1);
  CHECK(codepoint_count("\xE6\x97\xA5\xE6\x9C\xAC") == 2);
}
