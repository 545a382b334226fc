// The inline `# expect:` syntax of rule fixtures (tests/fixture_expectations,
// CONVENTIONS.md 6.4). The parser is compiled into this test directly: it is
// part of the fixture runner, not of a library.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../fixture_expectations.cpp"  // NOLINT(bugprone-suspicious-include)

namespace fs = std::filesystem;
using kedrolint::testing::Expectation;
using kedrolint::testing::parse_expectations;

TEST_CASE("expectations: a trailing comment applies to its own line", "[fixtures][expectations]") {
  const auto e = parse_expectations("a.py", "x = 1\nnode(f, 'a', 'a'),  # expect: KL111\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].kind == Expectation::Kind::Expect);
  CHECK(e[0].file == "a.py");
  CHECK(e[0].line == 2);
  CHECK(e[0].written_on == 2);
  CHECK(e[0].code == "KL111");
  CHECK_FALSE(e[0].contains);
  CHECK_FALSE(e[0].column);
}

TEST_CASE("expectations: own-line comments stack onto the next other line", "[fixtures][expectations]") {
  const std::string text =
      "a = 1\n"                  // 1
      "# expect: KL101\n"        // 2
      "# expect: KL102 KL103\n"  // 3
      "b = 2\n"                  // 4
      "    # expect: KL104\n"    // 5
      "\n"                       // 6: a blank line is the next line
      "c = 3\n";                 // 7
  const auto e = parse_expectations("p.py", text);
  REQUIRE(e.size() == 4);
  CHECK(e[0].code == "KL101");
  CHECK(e[0].line == 4);
  CHECK(e[0].written_on == 2);
  CHECK(e[1].code == "KL102");
  CHECK(e[1].line == 4);
  CHECK(e[2].code == "KL103");
  CHECK(e[2].line == 4);
  CHECK(e[3].code == "KL104");
  CHECK(e[3].line == 6);
}

TEST_CASE("expectations: message text and column", "[fixtures][expectations]") {
  const auto e = parse_expectations(
      "c.yml", "a:  # expect: KL304 \"`a` is defined\" KL307@9 \"unknown dataset type\"\nb: 1  # expect: KL303@1\n");
  REQUIRE(e.size() == 3);
  CHECK(e[0].code == "KL304");
  CHECK(e[0].contains == std::optional<std::string>("`a` is defined"));
  CHECK_FALSE(e[0].column);
  CHECK(e[1].code == "KL307");
  CHECK(e[1].column == std::optional<std::uint32_t>(9));
  CHECK(e[1].contains == std::optional<std::string>("unknown dataset type"));
  CHECK(e[2].code == "KL303");
  CHECK(e[2].line == 2);
  CHECK(e[2].column == std::optional<std::uint32_t>(1));
}

TEST_CASE("expectations: expect-none and expect-todo", "[fixtures][expectations]") {
  const auto e = parse_expectations("a.py", "x = 1  # expect-none: KL303\n# expect-todo: KL301 \"later\"\ny = 2\n");
  REQUIRE(e.size() == 2);
  CHECK(e[0].kind == Expectation::Kind::None);
  CHECK(e[0].line == 1);
  CHECK(e[1].kind == Expectation::Kind::Todo);
  CHECK(e[1].line == 3);
  CHECK(e[1].contains == std::optional<std::string>("later"));
}

TEST_CASE("expectations: after a suppression directive on the same line", "[fixtures][expectations]") {
  const auto e = parse_expectations(
      "a.py", "node(f, 'a', 'b'),  # kedrolint: ignore[KL105] -- why # expect: KL003 \"unused suppression\"\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].line == 1);
  CHECK(e[0].code == "KL003");
  CHECK(e[0].contains == std::optional<std::string>("unused suppression"));
}

TEST_CASE("expectations: CRLF files and trailing spaces", "[fixtures][expectations]") {
  const auto e = parse_expectations("a.toml", "[tool.kedro]  # expect: KL006   \r\n# expect: KL007\r\nx = 1\r\n");
  REQUIRE(e.size() == 2);
  CHECK(e[0].code == "KL006");
  CHECK(e[0].line == 1);
  CHECK(e[1].code == "KL007");
  CHECK(e[1].line == 3);
}

TEST_CASE("expectations: own-line comments at the end of a file expect nothing", "[fixtures][expectations]") {
  // Nothing follows them: they are dropped rather than pinned to a line.
  const auto e = parse_expectations("a.py", "x = 1\n# expect: KL101\n");
  CHECK(e.empty());
}

TEST_CASE("expectations: read_expectations walks .py, .yml, .yaml and .toml files", "[fixtures][expectations]") {
  const fs::path root = fs::temp_directory_path() / ("kedrolint-expect-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "conf/base");
  fs::create_directories(root / "src/demo");
  std::ofstream(root / "pyproject.toml") << "[tool.kedro]  # expect: KL006\n";
  std::ofstream(root / "conf/base/catalog.yml") << "a: 1  # expect: KL304\n";
  std::ofstream(root / "conf/base/params.yaml") << "b: 1  # expect: KL303\n";
  std::ofstream(root / "src/demo/x.py") << "# expect: KL001\nx = (\n";
  std::ofstream(root / "README.md") << "# expect: KL999\n";
  std::ofstream(root / "conf/base/notes.txt") << "# expect: KL998\n";
  auto e = kedrolint::testing::read_expectations(root);
  std::sort(e.begin(), e.end(), [](const Expectation& a, const Expectation& b) { return a.file < b.file; });
  REQUIRE(e.size() == 4);
  CHECK(e[0].file == "conf/base/catalog.yml");
  CHECK(e[1].file == "conf/base/params.yaml");
  CHECK(e[2].file == "pyproject.toml");
  CHECK(e[3].file == "src/demo/x.py");
  CHECK(e[3].line == 2);
  fs::remove_all(root);
}
