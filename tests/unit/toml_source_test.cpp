// parse_toml: toml++ behind a value type with spans for values and keys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/toml_source.hpp"

using namespace kedrolint;
using parse::TomlValue;

namespace {

struct Parsed {
  core::SourceFile file;
  parse::TomlSource toml;
  explicit Parsed(std::string text)
      : file(0, "/p/pyproject.toml", "pyproject.toml", std::move(text)), toml(parse::parse_toml(file)) {}
  std::string_view text_of(const core::Span& s) const { return file.text().substr(s.begin, s.end - s.begin); }
  core::Position pos(const core::Span& s) const { return file.position(s.begin); }
};

}  // namespace

TEST_CASE("toml: value kinds", "[parse][toml]") {
  Parsed p(
      "s = \"text\"\n"
      "i = 42\n"
      "f = 1.5\n"
      "b = true\n"
      "a = [\"x\", 2]\n"
      "d = 1979-05-27\n"
      "[t]\n"
      "k = 'literal'\n");
  REQUIRE_FALSE(p.toml.error);
  REQUIRE(p.toml.root);
  const auto& root = *p.toml.root;
  CHECK(root.is_table());
  CHECK(root.get("s")->kind == TomlValue::Kind::String);
  CHECK(root.get("s")->string == "text");
  CHECK(root.get("i")->kind == TomlValue::Kind::Integer);
  CHECK(root.get("i")->integer == 42);
  CHECK(root.get("f")->kind == TomlValue::Kind::Float);
  CHECK(root.get("f")->floating == 1.5);
  CHECK(root.get("b")->kind == TomlValue::Kind::Boolean);
  CHECK(root.get("b")->boolean);
  REQUIRE(root.get("a")->is_array());
  CHECK(root.get("a")->array.size() == 2);
  CHECK(root.get("a")->array[1].integer == 2);
  CHECK(root.get("d")->kind == TomlValue::Kind::Other);
  CHECK(root.get("d")->kind_name() == "a date or time");
  CHECK(root.get("t")->is_table());
  CHECK(root.path("t.k")->string == "literal");
  CHECK(root.get("nope") == nullptr);
  CHECK(root.path("t.k.deeper") == nullptr);
  CHECK(root.path("x.y") == nullptr);
  CHECK(root.get("s")->kind_name() == "a string");
  CHECK(root.get("a")->kind_name() == "an array");
  CHECK(root.get("t")->kind_name() == "a table");
}

TEST_CASE("toml: every key of a table is kept and key spans give the document order", "[parse][toml]") {
  // toml++ iterates a table in key order, so `table` is sorted by key; the
  // key spans still give the order in which the keys were written.
  Parsed p(
      "[tool.kedro]\nproject_name = \"P\"\npackage_name = \"p\"\nkedro_init_version = \"1.5.0\"\nsource_dir = "
      "\"src\"\n");
  REQUIRE_FALSE(p.toml.error);
  const auto* kedro = p.toml.root->path("tool.kedro");
  REQUIRE(kedro);
  std::vector<std::pair<std::uint32_t, std::string>> keys;
  for (const auto& [k, v] : kedro->table) keys.emplace_back(v.key_span.begin, k);
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> names;
  for (const auto& [at, k] : keys) names.push_back(k);
  CHECK(names == std::vector<std::string>{"project_name", "package_name", "kedro_init_version", "source_dir"});
}

TEST_CASE("toml: key and value spans", "[parse][toml]") {
  const std::string text =
      "[tool.kedro]\n"
      "package_name = \"demo\"\n"
      "project_name=\"Demo\"   # comment\n"
      "\n"
      "[tool.kedrolint]\n"
      "select = [\"KL1\", \"KL301\"]\n"
      "severity = { KL303 = \"error\" }\n";
  Parsed p(text);
  REQUIRE_FALSE(p.toml.error);
  const auto* name = p.toml.root->path("tool.kedro.package_name");
  REQUIRE(name);
  CHECK(p.text_of(name->key_span) == "package_name");
  CHECK(p.pos(name->key_span).line == 2);
  CHECK(p.pos(name->key_span).column == 1);
  CHECK(p.text_of(name->span) == "\"demo\"");
  CHECK(p.pos(name->span).column == 16);
  const auto* project = p.toml.root->path("tool.kedro.project_name");
  REQUIRE(project);
  CHECK(p.text_of(project->span) == "\"Demo\"");
  const auto* select = p.toml.root->path("tool.kedrolint.select");
  REQUIRE(select);
  REQUIRE(select->array.size() == 2);
  CHECK(p.text_of(select->array[0].span) == "\"KL1\"");
  CHECK(p.text_of(select->array[1].span) == "\"KL301\"");
  CHECK(p.pos(select->array[1].span).column == 18);
  const auto* severity = p.toml.root->path("tool.kedrolint.severity");
  REQUIRE(severity);
  REQUIRE(severity->table.size() == 1);
  CHECK(p.text_of(severity->table[0].second.key_span) == "KL303");
  CHECK(p.text_of(severity->table[0].second.span) == "\"error\"");
}

TEST_CASE("toml: spans after non-ASCII text use code-point columns", "[parse][toml]") {
  const std::string text =
      "[tool.kedro]\nproject_name = \"Donn\xC3\xA9"
      "es\" ; x = 1\n";
  // The ';' makes it invalid: check the good part first with a valid file.
  Parsed good(
      "[tool.kedro]\nproject_name = \"Donn\xC3\xA9"
      "es\"\npackage_name = \"d\"\n");
  REQUIRE_FALSE(good.toml.error);
  const auto* project = good.toml.root->path("tool.kedro.project_name");
  REQUIRE(project);
  CHECK(good.text_of(project->span) ==
        "\"Donn\xC3\xA9"
        "es\"");
  CHECK(project->string ==
        "Donn\xC3\xA9"
        "es");
  // An error after the non-ASCII value: toml++ counts columns in code points.
  Parsed bad(text);
  REQUIRE(bad.toml.error);
  const auto pos = bad.pos(bad.toml.error->first);
  CHECK(pos.line == 2);
  CHECK(pos.column == 26);  // the ';'
  CHECK(bad.file.text()[bad.toml.error->first.begin] == ';');
}

TEST_CASE("toml: syntax errors are located", "[parse][toml]") {
  {
    Parsed p("[tool.kedro\npackage_name = \"x\"\n");
    REQUIRE(p.toml.error);
    CHECK_FALSE(p.toml.root);
    CHECK(p.pos(p.toml.error->first).line == 1);
    CHECK_FALSE(p.toml.error->second.empty());
  }
  {
    // An unterminated string: the error is on the line of the string.
    Parsed p("[tool.kedro]\npackage_name = \"demo\nproject_name = 1\n");
    REQUIRE(p.toml.error);
    CHECK(p.pos(p.toml.error->first).line == 2);
  }
  {
    // A key defined twice.
    Parsed p("[tool.kedro]\na = 1\na = 2\n");
    REQUIRE(p.toml.error);
    CHECK(p.pos(p.toml.error->first).line == 3);
  }
  {
    // A value missing after '='.
    Parsed p("x =\n");
    REQUIRE(p.toml.error);
    CHECK(p.pos(p.toml.error->first).line == 1);
  }
}

TEST_CASE("toml: an empty file is an empty table", "[parse][toml]") {
  Parsed p("");
  REQUIRE_FALSE(p.toml.error);
  REQUIRE(p.toml.root);
  CHECK(p.toml.root->is_table());
  CHECK(p.toml.root->table.empty());
}
