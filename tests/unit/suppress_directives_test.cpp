#include <catch2/catch.hpp>

#include "suppress/directives.hpp"
#include "suppress/suppressor.hpp"

using namespace kedrolint;
using suppress::Directive;

TEST_CASE("directives in Python comments, not in strings", "[suppress]") {
  const std::string text =
      "x = '# kedrolint: ignore[KL101]'\n"
      "y = 1  # kedrolint: ignore[KL101, KL102] -- reason here\n"
      "# kedrolint: ignore[KL301]\n"
      "node(\n"
      "    f, 'a', 'b',\n"
      ")\n"
      "s = \"\"\"\n# kedrolint: ignore[KL9]\n\"\"\"\n";
  core::SourceFile file(0, "/p/a.py", "a.py", text);
  const auto directives = suppress::lex_directives(file, suppress::Syntax::Python);
  REQUIRE(directives.size() == 2);
  CHECK(directives[0].codes == std::vector<std::string>{"KL101", "KL102"});
  CHECK(directives[0].first_line == 2);
  CHECK(directives[0].reason == "reason here");
  CHECK(directives[1].first_line == 4);  // own-line: the next statement, brackets included
  CHECK(directives[1].last_line == 6);
}

TEST_CASE("directives in YAML cover the next entry", "[suppress]") {
  const std::string text = "# kedrolint: ignore[KL304]\nunused:\n  type: x\n  filepath: 'a#b'\nnext: 1\n";
  core::SourceFile file(0, "/p/c.yml", "c.yml", text);
  const auto d = suppress::lex_directives(file, suppress::Syntax::Yaml);
  REQUIRE(d.size() == 1);
  CHECK(d[0].first_line == 2);
  CHECK(d[0].last_line == 4);
}

TEST_CASE("malformed and range directives", "[suppress]") {
  const std::string text =
      "# kedrolint: disable[KL1]\na = 1\n# kedrolint: enable[KL1]\n# kedrolint: disable[KL2]\n# kedrolint: ignroe\n";
  core::SourceFile file(0, "/p/a.py", "a.py", text);
  const auto d = suppress::lex_directives(file, suppress::Syntax::Python);
  REQUIRE(d.size() == 4);
  CHECK(d[3].kind == Directive::Kind::Malformed);
  std::vector<const Directive*> orphans;
  const auto ranges = suppress::pair_ranges(d, &orphans);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0].enable != nullptr);
  CHECK(ranges[1].enable == nullptr);  // never closed
  CHECK(orphans.empty());
}

TEST_CASE("the suppressor records which codes were used", "[suppress]") {
  const std::string text = "a = 1  # kedrolint: ignore[KL101, KL102]\n";
  core::SourceFile file(0, "/p/a.py", "a.py", text);
  suppress::DirectivesByFile map{{0, suppress::lex_directives(file, suppress::Syntax::Python)}};
  suppress::Suppressor s(map);
  core::Diagnostic d{"KL101", core::Severity::Error, "m", {0, 0, 1}, {}, {}, {}};
  CHECK(s.suppresses(d, 1));
  core::Diagnostic other{"KL301", core::Severity::Error, "m", {0, 0, 1}, {}, {}, {}};
  CHECK_FALSE(s.suppresses(other, 1));
  REQUIRE(s.usage().entries.size() == 1);
  CHECK(s.usage().entries[0].used == std::vector<bool>{true, false});
}
