// The pinned tree-sitter-python grammar must load into Debian's runtime
// (ts_parser_set_language returns false on an ABI mismatch) and parse the
// Python that Kedro projects are written in without error nodes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parse/python_source.hpp"

using namespace kedrolint;
namespace ts = kedrolint::parse::ts;

namespace {

std::vector<std::string> named_child_types(ts::Node n) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < n.named_child_count(); ++i) out.emplace_back(n.named_child(i).type());
  return out;
}

}  // namespace

TEST_CASE("grammar: the runtime accepts the grammar's ABI", "[parse][grammar]") {
  ts::PythonParser parser;
  INFO("grammar ABI " << ts::PythonParser::grammar_abi() << ", runtime ABI " << ts::PythonParser::runtime_abi());
  REQUIRE(parser.ready());
  CHECK(ts::PythonParser::grammar_abi() <= ts::PythonParser::runtime_abi());
  CHECK(ts::PythonParser::grammar_abi() >= 13);  // TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION of 0.20
}

TEST_CASE("grammar: a small pipeline module parses without error", "[parse][grammar]") {
  ts::PythonParser parser;
  REQUIRE(parser.ready());
  const std::string source =
      "from kedro.pipeline import Pipeline, node, pipeline\n"
      "\n"
      "from .nodes import split_data, train_model\n"
      "\n"
      "\n"
      "def create_pipeline(**kwargs) -> Pipeline:\n"
      "    return pipeline(\n"
      "        [\n"
      "            node(split_data, [\"model_input_table\", \"params:model_options\"], [\"X_train\", \"y_train\"],\n"
      "                 name=\"split_data_node\"),\n"
      "            node(train_model, {\"X\": \"X_train\", \"y\": \"y_train\"}, \"regressor\", tags=[\"training\"]),\n"
      "        ],\n"
      "        namespace=\"data_science\",\n"
      "    )\n";
  core::SourceFile file(0, "/p/pipeline.py", "pipeline.py", source);
  const auto parsed = parse::parse_python(parser, file);
  CHECK_FALSE(parsed.error.has_value());
  const auto root = parsed.tree.root();
  REQUIRE(root.is("module"));
  CHECK_FALSE(root.has_error());
  CHECK(named_child_types(root) ==
        std::vector<std::string>{"import_from_statement", "import_from_statement", "function_definition"});
  const auto fn = root.named_child(2);
  CHECK(parsed.text(fn.field("name")) == "create_pipeline");
  CHECK(parsed.text(fn.field("return_type")) == "Pipeline");
  CHECK(root.start() == 0);
  CHECK(root.end() == source.size());
}

TEST_CASE("grammar: modern Python syntax parses without error", "[parse][grammar]") {
  ts::PythonParser parser;
  REQUIRE(parser.ready());
  const std::vector<std::string> snippets = {
      "if (n := len(xs)) > 3:\n    pass\n",
      "match cmd:\n    case {\"a\": x, **rest}:\n        pass\n    case [1, *others]:\n        pass\n    case _:\n"
      "        pass\n",
      "name = f\"{ns}.{f'{x!r:>10}'}\"\n",
      "async def f():\n    async with a as b:\n        await b\n",
      "@decorator(arg)\ndef g(a, /, b, *, c=1, **kw) -> dict[str, list[int]]:\n    return {**kw}\n",
      "x: list[int] = [i for i in range(3) if i]\n",
      "lambda *a, **k: (a, k)\n",
      "try:\n    pass\nexcept* ValueError:\n    pass\n",
      "print(\"caf\xC3\xA9\", '\xF0\x9F\x98\x80')\n",
      "s = '''\ntriple\n'''\nb = rb'\\x00'\n",
  };
  for (const auto& s : snippets) {
    INFO(s);
    core::SourceFile file(0, "/p/m.py", "m.py", s);
    const auto parsed = parse::parse_python(parser, file);
    CHECK_FALSE(parsed.error.has_value());
  }
}

TEST_CASE("grammar: one parser parses many files in a row", "[parse][grammar]") {
  ts::PythonParser parser;
  REQUIRE(parser.ready());
  for (int i = 0; i < 50; ++i) {
    const std::string s = (i % 2) ? "def f(:\n" : "x = " + std::to_string(i) + "\n";
    core::SourceFile file(0, "/p/m.py", "m.py", s);
    const auto parsed = parse::parse_python(parser, file);
    CHECK(parsed.error.has_value() == static_cast<bool>(i % 2));
  }
}
