// Suppressor, pair_ranges and entry_names_code (suppress/suppressor): how
// directives filter diagnostics after the rules ran, and which codes were used
// (the input of KL003 unused-suppression).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "suppress/directives.hpp"
#include "suppress/suppressor.hpp"

using namespace kedrolint;
using suppress::Directive;

namespace {

core::Diagnostic diag(const std::string& code, core::FileId file = 0) {
  return core::Diagnostic{code, core::Severity::Error, "m", core::Span{file, 0, 1}, {}, {}, {}};
}

struct Fixture {
  core::SourceFile file;
  suppress::DirectivesByFile map;
  explicit Fixture(std::string text, suppress::Syntax syntax = suppress::Syntax::Python)
      : file(0, "/p/a.py", "a.py", std::move(text)) {
    map[0] = suppress::lex_directives(file, syntax);
  }
};

}  // namespace

TEST_CASE("suppressor: a trailing ignore hides listed codes on its line only", "[suppress][suppressor]") {
  Fixture f("a = 1\nb = 2  # kedrolint: ignore[KL101, missing-catalog-entry]\nc = 3\n");
  suppress::Suppressor s(f.map);
  CHECK(s.suppresses(diag("KL101"), 2));
  CHECK(s.suppresses(diag("KL301"), 2));  // by rule name
  CHECK_FALSE(s.suppresses(diag("KL102"), 2));
  CHECK_FALSE(s.suppresses(diag("KL101"), 1));
  CHECK_FALSE(s.suppresses(diag("KL101"), 3));
  CHECK_FALSE(s.suppresses(diag("KL101", 1), 2));  // another file
  REQUIRE(s.usage().entries.size() == 1);
  CHECK(s.usage().entries[0].used == std::vector<bool>{true, true});
  CHECK(s.usage().entries[0].file == 0);
}

TEST_CASE("suppressor: `ignore` does not take prefixes, `file-ignore` does", "[suppress][suppressor]") {
  Fixture f("a = 1  # kedrolint: ignore[KL3]\n# kedrolint: file-ignore[KL2]\n");
  suppress::Suppressor s(f.map);
  CHECK_FALSE(s.suppresses(diag("KL301"), 1));
  CHECK(s.suppresses(diag("KL201"), 1));
  CHECK(s.suppresses(diag("KL205"), 40));
  CHECK_FALSE(s.suppresses(diag("KL101"), 40));
  REQUIRE(s.usage().entries.size() == 2);
  CHECK(s.usage().entries[0].used == std::vector<bool>{false});
  CHECK(s.usage().entries[1].used == std::vector<bool>{true});
}

TEST_CASE("suppressor: an own-line ignore covers the whole next statement", "[suppress][suppressor]") {
  Fixture f("# kedrolint: ignore[KL105]\nx = node(\n    f,\n    'a')\ny = 1\n");
  suppress::Suppressor s(f.map);
  CHECK_FALSE(s.suppresses(diag("KL105"), 1));
  CHECK(s.suppresses(diag("KL105"), 2));
  CHECK(s.suppresses(diag("KL105"), 4));
  CHECK_FALSE(s.suppresses(diag("KL105"), 5));
}

TEST_CASE("suppressor: disable/enable ranges, closed and open", "[suppress][suppressor]") {
  Fixture f(
      "a = 1\n"                        // 1
      "# kedrolint: disable[KL101]\n"  // 2
      "b = 1\n"                        // 3
      "# kedrolint: enable[KL101]\n"   // 4
      "c = 1\n"                        // 5
      "# kedrolint: disable[KL102]\n"  // 6
      "d = 1\n");                      // 7
  suppress::Suppressor s(f.map);
  CHECK_FALSE(s.suppresses(diag("KL101"), 1));
  CHECK(s.suppresses(diag("KL101"), 3));
  CHECK_FALSE(s.suppresses(diag("KL101"), 5));
  CHECK_FALSE(s.suppresses(diag("KL102"), 5));
  CHECK(s.suppresses(diag("KL102"), 7));
  CHECK(s.suppresses(diag("KL102"), 10000));  // an unclosed range runs to the end of the file
}

TEST_CASE("suppressor: several directives on one line are all marked used", "[suppress][suppressor]") {
  Fixture f("# kedrolint: file-ignore[KL1]\na = 1  # kedrolint: ignore[KL101]\n");
  suppress::Suppressor s(f.map);
  CHECK(s.suppresses(diag("KL101"), 2));
  for (const auto& e : s.usage().entries) CHECK(e.used == std::vector<bool>{true});
}

TEST_CASE("suppressor: malformed directives suppress nothing", "[suppress][suppressor]") {
  Fixture f("a = 1  # kedrolint: ignroe[KL101]\nb = 1  # kedrolint: ignore[KL101\n");
  suppress::Suppressor s(f.map);
  CHECK_FALSE(s.suppresses(diag("KL101"), 1));
  CHECK_FALSE(s.suppresses(diag("KL101"), 2));
  CHECK(s.usage().entries.empty());
}

TEST_CASE("pair_ranges: codes must match exactly and orphans are returned", "[suppress][suppressor]") {
  Fixture f(
      "# kedrolint: disable[KL1]\n"
      "# kedrolint: disable[KL301, KL302]\n"
      "# kedrolint: enable[KL302, KL301]\n"  // different order: not the same list
      "# kedrolint: enable[KL301, KL302]\n"
      "# kedrolint: enable[KL1]\n"
      "# kedrolint: enable[KL9]\n");
  std::vector<const Directive*> orphans;
  const auto ranges = suppress::pair_ranges(f.map[0], &orphans);
  REQUIRE(ranges.size() == 2);
  REQUIRE(ranges[0].enable);
  CHECK(ranges[0].enable->first_line == 5);
  REQUIRE(ranges[1].enable);
  CHECK(ranges[1].enable->first_line == 4);
  REQUIRE(orphans.size() == 2);
  CHECK(orphans[0]->first_line == 3);
  CHECK(orphans[1]->first_line == 6);
  CHECK(suppress::pair_ranges(f.map[0], nullptr).size() == 2);
}

TEST_CASE("pair_ranges: nested ranges of the same codes close innermost first", "[suppress][suppressor]") {
  Fixture f(
      "# kedrolint: disable[KL1]\n"
      "# kedrolint: disable[KL1]\n"
      "# kedrolint: enable[KL1]\n");
  std::vector<const Directive*> orphans;
  const auto ranges = suppress::pair_ranges(f.map[0], &orphans);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0].enable == nullptr);
  REQUIRE(ranges[1].enable);
  CHECK(orphans.empty());
}

TEST_CASE("entry_names_code: codes, names and prefixes", "[suppress][suppressor]") {
  using suppress::entry_names_code;
  CHECK(entry_names_code("KL301", "KL301", false));
  CHECK(entry_names_code("missing-catalog-entry", "KL301", false));
  CHECK_FALSE(entry_names_code("missing-catalog-entry", "KL302", true));
  CHECK_FALSE(entry_names_code("KL3", "KL301", false));
  CHECK(entry_names_code("KL3", "KL301", true));
  CHECK(entry_names_code("KL30", "KL301", true));
  CHECK_FALSE(entry_names_code("KL31", "KL301", true));
  CHECK_FALSE(entry_names_code("K", "KL301", true));
  CHECK_FALSE(entry_names_code("", "KL301", true));
}
