// core::python_str_repr: how messages quote names the way Kedro's own errors
// print them (`repr(str)`), expected values from CPython 3.11.
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
