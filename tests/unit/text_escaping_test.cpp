// core::python_str_repr and core::printable: how names are quoted in messages
// (like Kedro's own errors, `repr(str)`) and made safe for a terminal.
// Expected values from CPython 3.11.
#include <catch2/catch.hpp>

#include "core/text.hpp"

using kedrolint::core::python_str_repr;

TEST_CASE("repr: quotes like CPython", "[core][repr]") {
  CHECK(python_str_repr("a") == "'a'");
  CHECK(python_str_repr("") == "''");
  CHECK(python_str_repr("it's") == "\"it's\"");
  CHECK(python_str_repr("say \"x\"") == "'say \"x\"'");
  CHECK(python_str_repr("both ' and \"") == "'both \\' and \"'");
}

TEST_CASE("repr: escapes backslashes and control characters", "[core][repr]") {
  CHECK(python_str_repr("tab\there\n") == "'tab\\there\\n'");
  CHECK(python_str_repr("a\\b") == "'a\\\\b'");
  CHECK(python_str_repr("\r") == "'\\r'");
  CHECK(python_str_repr(std::string("\x01\x7f", 2)) == "'\\x01\\x7f'");
}

TEST_CASE("repr: printable Unicode is kept, invisible characters are escaped", "[core][repr]") {
  CHECK(python_str_repr("é") == "'é'");
  CHECK(python_str_repr("données_ü") == "'données_ü'");
  CHECK(python_str_repr("a\xC2\xA0" "b") == "'a\\xa0b'");          // NO-BREAK SPACE
  CHECK(python_str_repr("\xC2\x85") == "'\\x85'");                 // NEXT LINE (C1 control)
  CHECK(python_str_repr("x\xE2\x80\x8By") == "'x\\u200by'");       // ZERO WIDTH SPACE
  CHECK(python_str_repr("\xE2\x80\xA8") == "'\\u2028'");           // LINE SEPARATOR
}

TEST_CASE("printable: control characters never reach the terminal", "[core][printable]") {
  using kedrolint::core::printable;
  CHECK(printable("plain text") == "plain text");
  CHECK(printable("a\tb") == "a b");
  CHECK(printable("\x1b[31mred") == "\xE2\x90\x9B[31mred");    // ESC -> U+241B
  CHECK(printable("bell\x07") == "bell\xE2\x90\x87");          // BEL -> U+2407
  CHECK(printable("del\x7f") == "del\xE2\x90\xA1");            // DEL -> U+2421
  CHECK(printable("c1\xC2\x9B") == "c1\xEF\xBF\xBD");          // CSI (C1) -> U+FFFD
  CHECK(printable("bad\xFF!") == "bad\xEF\xBF\xBD!");           // invalid UTF-8
  CHECK(printable("é \xEF\xBF\xBD") == "é \xEF\xBF\xBD");       // valid text is kept
}
