// The import scan reads statements from the text, without a syntax tree. The
// evaluation relies on it to know which files to parse ahead, so it must find
// the same imports as the tree does, on every Python file of the fixtures.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/source_map.hpp"
#include "parse/python_import_scan.hpp"
#include "parse/python_source.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;
namespace ts = parse::ts;

namespace {

// One line per statement: "from <level> <module>: a, b" or "import: a.b, c".
std::string describe(const std::vector<parse::ImportStatement>& statements) {
  std::string out;
  for (const auto& s : statements) {
    out += s.is_from ? "from " + std::to_string(s.level) + " " + s.module + ":" : std::string("import:");
    for (const auto& n : s.names) out += " " + n;
    out += "\n";
  }
  return out;
}

std::string name_of(const parse::PythonSource& src, ts::Node n) {
  if (n.is("aliased_import")) n = n.field("name");
  return n.is("dotted_name") ? std::string(src.text(n)) : std::string();
}

// The same statements read from the syntax tree, in document order.
std::vector<parse::ImportStatement> from_tree(const parse::PythonSource& src) {
  std::vector<parse::ImportStatement> out;
  std::vector<ts::Node> stack{src.tree.root()};
  while (!stack.empty()) {
    const ts::Node n = stack.back();
    stack.pop_back();
    if (n.is("import_statement") || n.is("import_from_statement") || n.is("future_import_statement")) {
      parse::ImportStatement s;
      s.is_from = !n.is("import_statement");
      if (n.is("future_import_statement")) s.module = "__future__";
      const ts::Node module = s.is_from ? n.field("module_name") : ts::Node();
      if (module.is("relative_import")) {
        for (const ts::Node c : module.named_children()) {
          if (c.is("import_prefix")) s.level = static_cast<int>(src.text(c).size());
          if (c.is("dotted_name")) s.module = std::string(src.text(c));
        }
      } else if (module) {
        s.module = std::string(src.text(module));
      }
      for (const ts::Node c : n.named_children()) {
        if (s.is_from && c == module) continue;
        if (auto name = name_of(src, c); !name.empty()) s.names.push_back(name);
      }
      out.push_back(std::move(s));
      continue;
    }
    const auto children = n.named_children();
    for (auto c = children.rbegin(); c != children.rend(); ++c) stack.push_back(*c);
  }
  return out;
}

}  // namespace

TEST_CASE("import scan: the forms Python accepts", "[imports]") {
  const std::string text =
      "import a, b.c as d\n"
      "from . import x, y as z\n"
      "from ..pkg.mod import (\n    f,\n    g as h,  # comment with import e\n)\n"
      "from m import *\n"
      "if True: import i1; import i2\n"
      "def gen():\n    yield from range(3)\n    raise ValueError() from None\n"
      "s = '''\nimport not_me\n'''\n"
      "t = f\"{'from no import x'}\" \\\n    r'\\' import no'\n"
      "x = [\n  1,\n]; from ... import up\n";
  CHECK(describe(parse::scan_imports(text)) ==
        "import: a b.c\n"
        "from 1 : x y\n"
        "from 2 pkg.mod: f g\n"
        "from 0 m:\n"
        "import: i1\n"
        "import: i2\n"
        "from 3 : up\n");
}

TEST_CASE("import scan: the same imports as the syntax tree in every fixture file", "[imports]") {
  const fs::path fixtures = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures";
  core::SourceMap sources(fixtures);
  parse::ts::PythonParser parser;
  std::size_t files = 0, statements = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    const auto loaded = sources.load(entry.path());
    if (!loaded.file || loaded.error) continue;
    const auto tree = parse::parse_python(parser, *loaded.file);
    if (tree.error) continue;  // error recovery of a broken file is tree-sitter's own
    const auto expected = describe(from_tree(tree));
    INFO(entry.path().string());
    CHECK(describe(parse::scan_imports(loaded.file->text())) == expected);
    ++files;
    statements += from_tree(tree).size();
  }
  CHECK(files > 500);
  CHECK(statements > 400);
}
