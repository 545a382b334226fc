#include <catch2/catch.hpp>

#include "parse/python_source.hpp"
#include "parse/toml_source.hpp"
#include "parse/yaml_source.hpp"

using namespace kedrolint;

TEST_CASE("the runtime accepts the pinned tree-sitter-python grammar", "[parse]") {
  parse::ts::PythonParser parser;
  REQUIRE(parser.ready());
  core::SourceFile file(0, "/p/a.py", "a.py", "def f(x):\n    return x\n");
  const auto parsed = parse::parse_python(parser, file);
  CHECK_FALSE(parsed.error.has_value());
  CHECK(parsed.tree.root().is("module"));
}

TEST_CASE("Python syntax errors are located", "[parse]") {
  parse::ts::PythonParser parser;
  core::SourceFile file(0, "/p/a.py", "a.py", "x = 1\ndef f(:\n    pass\n");
  const auto parsed = parse::parse_python(parser, file);
  REQUIRE(parsed.error.has_value());
  CHECK(file.position(parsed.error->span.begin).line == 2);
}

TEST_CASE("YAML keeps duplicates and spans, and applies merge keys", "[parse]") {
  const std::string text = "_base: &b\n  type: pandas.CSVDataset\n  sep: ','\nx:\n  <<: *b\n  sep: ';'\ny: 1\ny: 2\n";
  core::SourceFile file(0, "/p/c.yml", "c.yml", text);
  const auto yaml = parse::parse_yaml(file);
  REQUIRE_FALSE(yaml.error);
  const auto* x = yaml.root->get("x");
  REQUIRE(x);
  CHECK(x->get("type")->scalar == "pandas.CSVDataset");  // merged from the anchor
  CHECK(x->get("sep")->scalar == ";");                   // explicit keys win over merged ones
  int ys = 0;
  for (const auto& [k, v] : yaml.root->entries) ys += k->scalar == "y";
  CHECK(ys == 2);
  CHECK(file.position(yaml.root->entries[1].first->span.begin).line == 4);
}

TEST_CASE("YAML errors are located and alias bombs are bounded", "[parse]") {
  core::SourceFile bad(0, "/p/c.yml", "c.yml", "a:\n  b: 1\n   c: 2\n");
  const auto broken = parse::parse_yaml(bad);
  REQUIRE(broken.error);
  CHECK(bad.position(broken.error->span.begin).line == 3);
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
    prev = c;
  }
  core::SourceFile laughs(0, "/p/bomb.yml", "bomb.yml", bomb);
  const auto result = parse::parse_yaml(laughs, 100000);
  REQUIRE(result.error);
  CHECK(result.error->message.find("expands to more than") != std::string::npos);
}

TEST_CASE("TOML values keep their key spans", "[parse]") {
  core::SourceFile file(0, "/p/pyproject.toml", "pyproject.toml", "[tool.kedro]\npackage_name = \"demo\"\n");
  const auto toml = parse::parse_toml(file);
  REQUIRE(toml.root);
  const auto* v = toml.root->path("tool.kedro.package_name");
  REQUIRE(v);
  CHECK(v->string == "demo");
  CHECK(file.position(v->key_span.begin).line == 2);
  core::SourceFile broken(0, "/p/pyproject.toml", "pyproject.toml", "[tool.kedro\n");
  CHECK(parse::parse_toml(broken).error.has_value());
}
