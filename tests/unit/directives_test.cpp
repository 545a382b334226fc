// The `# kedrolint:` directive lexer (suppress/directives): which comments are
// directives, what they cover, and how malformed ones are described.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "suppress/directives.hpp"

using namespace kedrolint;
using suppress::Directive;
using suppress::Syntax;
using Codes = std::vector<std::string>;

namespace {

struct Lexed {
  core::SourceFile file;
  std::vector<Directive> d;
  Lexed(std::string text, Syntax syntax, const char* name = "a.py")
      : file(0, std::string("/p/") + name, name, std::move(text)), d(suppress::lex_directives(file, syntax)) {}
  std::string_view text_of(const core::Span& s) const { return file.text().substr(s.begin, s.end - s.begin); }
};

}  // namespace

TEST_CASE("directives: a trailing ignore covers its own line", "[suppress][directives]") {
  Lexed x("a = 1\nnode(f, 'a', 'b'),  # kedrolint: ignore[KL301, missing-catalog-entry] -- read by a notebook\n",
          Syntax::Python);
  REQUIRE(x.d.size() == 1);
  const auto& d = x.d[0];
  CHECK(d.kind == Directive::Kind::Ignore);
  CHECK(d.codes == Codes{"KL301", "missing-catalog-entry"});
  REQUIRE(d.code_spans.size() == 2);
  CHECK(x.text_of(d.code_spans[0]) == "KL301");
  CHECK(x.text_of(d.code_spans[1]) == "missing-catalog-entry");
  CHECK(d.first_line == 2);
  CHECK(d.last_line == 2);
  CHECK(d.reason == "read by a notebook");
  CHECK(x.text_of(d.span).rfind("kedrolint: ignore[", 0) == 0);
  CHECK(x.file.position(d.span.begin).line == 2);
}

TEST_CASE("directives: code lists accept commas and spaces", "[suppress][directives]") {
  Lexed x("a = 1  # kedrolint: ignore[KL101,KL102 ,  KL103]\n", Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].codes == Codes{"KL101", "KL102", "KL103"});
  CHECK(x.d[0].reason.empty());
}

TEST_CASE("directives: an own-line ignore covers the whole next statement", "[suppress][directives]") {
  const std::string text =
      "# kedrolint: ignore[KL105]\n"  // 1
      "\n"                            // 2
      "# an unrelated comment\n"      // 3
      "x = node(\n"                   // 4
      "    f,\n"                      // 5
      "    ['a', ')'],\n"             // 6: a bracket inside a string does not count
      "    'b')\n"                    // 7
      "y = 2\n"                       // 8
      "# kedrolint: ignore[KL101]\n"  // 9
      "z = 1 + \\\n"                  // 10
      "    2\n"                       // 11
      "w = 3\n";                      // 12
  Lexed x(text, Syntax::Python);
  REQUIRE(x.d.size() == 2);
  CHECK(x.d[0].first_line == 4);
  CHECK(x.d[0].last_line == 7);
  CHECK(x.d[1].first_line == 10);
  CHECK(x.d[1].last_line == 11);
}

TEST_CASE("directives: an own-line ignore at the end of a file covers its own line", "[suppress][directives]") {
  Lexed x("x = 1\n# kedrolint: ignore[KL101]\n\n", Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].first_line == 2);
  CHECK(x.d[0].last_line == 2);
}

TEST_CASE("directives: text inside Python strings is not a comment", "[suppress][directives]") {
  const std::string text =
      "a = '# kedrolint: ignore[KL1]'\n"
      "b = \"# kedrolint: ignore[KL2]\"\n"
      "c = \"\"\"\n# kedrolint: ignore[KL3]\n\"\"\"\n"
      "d = '''it''s # kedrolint: ignore[KL4]'''\n"
      "e = 'esc\\' # kedrolint: ignore[KL5]'\n"
      "f = f\"{x} # kedrolint: ignore[KL6]\"\n"
      "g = r'\\' # kedrolint: ignore[KL7]'\n"
      "h = 'x'  # kedrolint: ignore[KL101]\n";
  Lexed x(text, Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].codes == Codes{"KL101"});
  CHECK(x.d[0].first_line == 10);
}

TEST_CASE("directives: disable, enable and file-ignore", "[suppress][directives]") {
  const std::string text =
      "# kedrolint: disable[KL301, KL302]\n"
      "a = 1\n"
      "# kedrolint: enable[KL301, KL302]\n"
      "# kedrolint: file-ignore[KL3, KL1]\n";
  Lexed x(text, Syntax::Python);
  REQUIRE(x.d.size() == 3);
  CHECK(x.d[0].kind == Directive::Kind::Disable);
  CHECK(x.d[0].first_line == 1);
  CHECK(x.d[0].codes == Codes{"KL301", "KL302"});
  CHECK(x.d[1].kind == Directive::Kind::Enable);
  CHECK(x.d[1].first_line == 3);
  CHECK(x.d[2].kind == Directive::Kind::FileIgnore);
  CHECK(x.d[2].codes == Codes{"KL3", "KL1"});
}

TEST_CASE("directives: malformed comments say what is wrong", "[suppress][directives]") {
  const std::string text =
      "a = 1  # kedrolint: ignroe[KL101]\n"
      "b = 1  # kedrolint:\n"
      "c = 1  # kedrolint: ignore[KL101\n"
      "d = 1  # kedrolint: disable\n"
      "e = 1  # kedrolint: file-ignore\n"
      "f = 1  # kedrolint: enable\n";
  Lexed x(text, Syntax::Python);
  REQUIRE(x.d.size() == 6);
  for (const auto& d : x.d) CHECK(d.kind == Directive::Kind::Malformed);
  CHECK(x.d[0].problem == "unknown directive `ignroe`");
  CHECK(x.d[1].problem.find("expected `ignore`") == 0);
  CHECK(x.d[2].problem == "missing `]` after the rule codes");
  CHECK(x.d[3].problem.find("`disable` needs rule codes") == 0);
  CHECK(x.d[4].problem.find("`file-ignore` needs rule codes") == 0);
  CHECK(x.d[5].problem.find("`enable` needs rule codes") == 0);
  CHECK(x.file.position(x.d[2].span.begin).line == 3);
}

TEST_CASE("directives: a bare ignore covers every rule of its line", "[suppress][directives]") {
  Lexed x("a = 1  # kedrolint: ignore\nb = 2  # kedrolint: ignore -- why\nc = 3  # kedrolint: ignore # noqa\n",
          Syntax::Python);
  REQUIRE(x.d.size() == 3);
  for (const auto& d : x.d) {
    CHECK(d.kind == Directive::Kind::Ignore);
    CHECK(d.codes.empty());
  }
  CHECK(x.d[1].reason == "why");
  CHECK(x.d[2].first_line == 3);
}

TEST_CASE("directives: only `ignore` may go without codes", "[suppress][directives]") {
  Lexed x("# kedrolint: disable\n# kedrolint: enable -- x\n# kedrolint: file-ignore\n", Syntax::Python);
  REQUIRE(x.d.size() == 3);
  CHECK(x.d[0].problem == "`disable` needs rule codes in brackets, e.g. `disable[KL301]`");
  CHECK(x.d[1].problem == "`enable` needs rule codes in brackets, e.g. `enable[KL301]`");
  CHECK(x.d[2].problem == "`file-ignore` needs rule codes in brackets, e.g. `file-ignore[KL301]`");
}

TEST_CASE("directives: a reason after ` -- ` is read", "[suppress][directives]") {
  Lexed x("b = 2  # kedrolint: ignore[KL301] -- why\nc = 3  # kedrolint: ignore[KL301] why\n", Syntax::Python);
  REQUIRE(x.d.size() == 2);
  CHECK(x.d[0].reason == "why");
  CHECK(x.d[1].kind == Directive::Kind::Malformed);
}

TEST_CASE("directives: `kedrolint:` in the middle of prose is not a directive", "[suppress][directives]") {
  Lexed x("a = 1  # see kedrolint: docs\nb = 1  # noqa # kedrolint: ignore[KL101]\n", Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].codes == Codes{"KL101"});
}

// A code list separated from `ignore` by a space, or written without
// brackets, must not silently become a blanket `ignore` that hides every rule
// on the line: either the codes are read, or the comment is malformed (KL005).
TEST_CASE("directives: `ignore [KL301]` and `ignore KL301` are not blanket ignores", "[suppress][directives]") {
  Lexed x("a = 1  # kedrolint: ignore [KL301]\nb = 1  # kedrolint: ignore KL301\n", Syntax::Python);
  REQUIRE(x.d.size() == 2);
  for (const auto& d : x.d) {
    INFO(x.text_of(d.span));
    const bool reads_codes = d.kind == Directive::Kind::Ignore && d.codes == Codes{"KL301"};
    CHECK((reads_codes || d.kind == Directive::Kind::Malformed));
  }
}

TEST_CASE("directives: `ignore[]` with an empty list", "[suppress][directives]") {
  // Brackets promise codes: an empty list is a mistake, not a blanket ignore.
  Lexed x("a = 1  # kedrolint: ignore[]\n", Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].kind == Directive::Kind::Malformed);
}

TEST_CASE("directives: behind another comment on the same line", "[suppress][directives]") {
  Lexed x("a = 1  # noqa: E501 # kedrolint: ignore[KL101]\n", Syntax::Python);
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].codes == Codes{"KL101"});
}

TEST_CASE("directives: YAML own-line ignore covers the next entry and its children", "[suppress][directives]") {
  const std::string text =
      "# kedrolint: ignore[KL304]\n"    // 1
      "unused:\n"                       // 2
      "  type: pandas.CSVDataset\n"     // 3
      "\n"                              // 4
      "  # a comment inside\n"          // 5
      "  filepath: data/a.csv\n"        // 6
      "\n"                              // 7
      "next:\n"                         // 8
      "  # kedrolint: ignore[KL307]\n"  // 9
      "  type: pandas.Nope\n"           // 10
      "  filepath: x\n"                 // 11
      "list:\n"                         // 12
      "  # kedrolint: ignore[KL1]\n"    // 13
      "  - a\n"                         // 14
      "  - b\n";                        // 15
  Lexed x(text, Syntax::Yaml, "catalog.yml");
  REQUIRE(x.d.size() == 3);
  CHECK(x.d[0].first_line == 2);
  CHECK(x.d[0].last_line == 6);  // trailing blank lines are not part of the entry
  CHECK(x.d[1].first_line == 10);
  CHECK(x.d[1].last_line == 10);
  CHECK(x.d[2].first_line == 14);
  CHECK(x.d[2].last_line == 14);
}

TEST_CASE("directives: YAML '#' inside quotes or words is not a comment", "[suppress][directives]") {
  const std::string text =
      "a: 'x # kedrolint: ignore[KL1]'\n"
      "b: \"x # kedrolint: ignore[KL2]\"\n"
      "c: http://host/x#kedrolint: ignore[KL3]\n"
      "d: it's # kedrolint: ignore[KL304]\n"
      "e: \"q\\\"#\" # kedrolint: ignore[KL305]\n";
  Lexed x(text, Syntax::Yaml, "catalog.yml");
  REQUIRE(x.d.size() == 2);
  CHECK(x.d[0].codes == Codes{"KL304"});
  CHECK(x.d[0].first_line == 4);
  CHECK(x.d[1].codes == Codes{"KL305"});
  CHECK(x.d[1].first_line == 5);
}

TEST_CASE("directives: TOML comments", "[suppress][directives]") {
  const std::string text =
      "[tool.kedrolint]\n"
      "s = \"# kedrolint: ignore[KL1]\"\n"
      "ignore = [\"KL3001\"]  # kedrolint: ignore[KL004]\n";
  Lexed x(text, Syntax::Toml, "pyproject.toml");
  REQUIRE(x.d.size() == 1);
  CHECK(x.d[0].codes == Codes{"KL004"});
  CHECK(x.d[0].first_line == 3);
}

TEST_CASE("directives: CRLF line endings", "[suppress][directives]") {
  const std::string text =
      "# kedrolint: ignore[KL101] -- crlf\r\nx = (\r\n  1)\r\ny = 2  # kedrolint: ignore[KL102]\r\n";
  Lexed x(text, Syntax::Python);
  REQUIRE(x.d.size() == 2);
  CHECK(x.d[0].reason == "crlf");
  CHECK(x.d[0].first_line == 2);
  CHECK(x.d[0].last_line == 3);
  CHECK(x.d[1].first_line == 4);
  CHECK(x.d[1].codes == Codes{"KL102"});
}

TEST_CASE("directives: a file without the marker has none", "[suppress][directives]") {
  Lexed x("# kedrolint ignore[KL101]\n# KEDROLINT: ignore[KL101]\n", Syntax::Python);
  CHECK(x.d.empty());
}
