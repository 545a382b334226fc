// Function bodies elided from the tree-sitter parse (parse/python_skeleton.hpp):
// which bodies the body check takes, and that the elided parse always tells
// what the whole parse tells (skeleton_equivalence.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parse/python_skeleton.hpp"
#include "skeleton_equivalence.hpp"

using namespace kedrolint;
namespace fs = std::filesystem;

namespace {

// Long enough for any body to be worth eliding.
constexpr const char* kPadding = "    padding_so_that_the_body_is_long_enough = 1\n";

std::string function_with(const std::string& body) {
  std::string indented;
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) indented += line.empty() ? "\n" : "    " + line + "\n";
  return "import pandas as pd\n\n\ndef f(a, b=1, *args, **kwargs):\n" + std::string(kPadding) + indented + "\n\nx = 1\n";
}

struct Case {
  core::SourceFile file;
  parse::PythonSource skeleton;
  Case(parse::ts::PythonParser& parser, std::string text)
      : file(0, "/p/m.py", "m.py", std::move(text)), skeleton(parse::parse_python_skeleton(parser, file)) {}
};

bool parses_cleanly(parse::ts::PythonParser& parser, const core::SourceFile& file) {
  return !parse::parse_python(parser, file).error.has_value();
}

}  // namespace

TEST_CASE("skeleton: bodies of valid Python are elided", "[parse][skeleton]") {
  parse::ts::PythonParser parser;
  const std::vector<std::string> bodies = {
      "return a + b",
      "df = a.copy()\nfor column, value in b.get('fill', {}).items():\n    if column in df.columns:\n"
      "        df[column] = df[column].fillna(value)\nreturn df",
      "\"\"\"A docstring.\"\"\"\nlogger.info(\"Processing %d rows\", len(a))\nreturn a.reset_index(drop=True)",
      "x = [i * 2 for i in range(10) if i % 2 if i > 3]\ny = {k: v for k, v in b.items()}\nz = {*x, 1}\nreturn x, y, z",
      "w = (n for n in a)\nv = sum(x for x in a)\nu = sorted(a, key=lambda item: -item[1])\nreturn w, v, u",
      "predictions = a.select_dtypes('number').fillna(0).to_numpy() @ b\nreturn {'rmse': float(x**2), 'mae': -y ** 2}",
      "try:\n    r = a[0]\nexcept (KeyError, IndexError) as e:\n    raise ValueError('no') from e\nelse:\n    pass\n"
      "finally:\n    del a\nreturn r",
      "with open(a) as fh, open(b) as gh:\n    data = fh.read()\nwhile data:\n    data = data[1:]\nelse:\n"
      "    data = None\nreturn data",
      "if (n := len(a)) > 10:\n    return n\nelif not a:\n    return None\nelse:\n    return ...",
      "x: int = 5\nself.y: str\nx += 1\nx **= 2\na[0], a[1] = a[1], a[0]\n(c, d), *e = b\n[g, h] = 1, 2\ni = j = k = 0",
      "def inner(x: int, /, y: str = 'a', *rest: int, z, **kw: float) -> dict[str, int]:\n    return {}\n"
      "@functools.wraps(inner)\ndef wrapper(*args, **kwargs):\n    return inner(*args, **kwargs)\nreturn wrapper",
      "class Local(Base, metaclass=Meta):\n    attribute = 1\n\n    def method(self):\n        return self.attribute\n"
      "return Local",
      "s = f\"{a!r:>{b}} {a['key']} {a=} {len(b):.2f} {{literal}} {a:%Y-%m-%d}\"\nt = rf'\\d+{a}' 'plain' b'bytes'\n"
      "return s + t",
      "print(f\"Processing {len(a)} rows\", file=b)\nprint = type(a)\nmatch = re.match(a, b)\nreturn print, match",
      "x = a[1:2, ::3, ..., :]\ny = a[:, 0]\nz = -~+a\nglobal g\nassert a, 'message'\nreturn x if y else z",
      "x = yield\ny = yield a, b\nyield from b\nreturn (yield)",
      "numbers = [0x1F, 0o17, 0b101, 1_000_000, 3.14, 1e-5, .5, 2., 1j, 0, 00, 1_0.0_1e+1_0]\nreturn numbers",
      "result = a if b else c if d else e\nfn = lambda x, y=1, *z, **w: x\nflag = a is not b and c not in d or not e\n"
      "return result, fn, flag",
      "x = (a,)\ny = ()\nz = [*a, *b]\nw = {**a, 'k': 1}\nv = f(*a, *b, k=1, **c)\nreturn x, y, z, w, v",
      "x = 1; y = 2;\nif x: return y\nfor i in range(3): pass\nreturn x",
      "text = '''multi\nline # not a comment\n    string'''\nreturn text.format(a=1) % (b,)",
      "total = (a +\n         b)  # a comment\n# an own-line comment\nreturn total \\\n    * 2",
  };
  for (const auto& body : bodies) {
    INFO(body);
    Case c(parser, function_with(body));
    REQUIRE(parses_cleanly(parser, c.file));
    CHECK(c.skeleton.elided.size() == 1);
    CHECK(testing::skeleton_mismatch(parser, c.file).empty());
  }
}

TEST_CASE("skeleton: bodies the check does not take are parsed whole", "[parse][skeleton]") {
  parse::ts::PythonParser parser;
  const std::vector<std::string> bodies = {
      // Imports: recorded from the tree (module_imports_scan).
      "import numpy as np\nreturn np.zeros(3)",
      "from sklearn.linear_model import LinearRegression\nreturn LinearRegression()",
      // Pipelines are built here: the evaluation calls this function.
      "return pipeline([node(f, 'a', 'b')])",
      "nodes = []\nnodes.append(Node(f, 'a', 'b'))\nreturn nodes",
      // Syntax the check leaves to tree-sitter.
      "async def g():\n    await a\nreturn g",
      "match a:\n    case 1:\n        return 1\nreturn 2",
      "with (open(a) as fh, open(b) as gh):\n    return fh",
      "def g[T](x: T) -> T:\n    return x\nreturn g",
      "s = f\"{a\\n}\"\nreturn s",
      "s = f\"{'\\n'.join(a)}\"\nreturn s",
      "x = f(a for a in b, c)\nreturn x",
      "exec('x = 1')\nreturn x",
      "x := 1\nreturn x",
      // Invalid Python: tree-sitter reports it (KL001).
      "x = = 1\nreturn x",
      "return a +\n",
      "f() = 1\nreturn a",
      "x = f\"{}\"\nreturn x",
      "x = f\"}\"\nreturn x",
      "x = a[]\nreturn x",
      "x = 012\nreturn x",
      "if a:\nreturn b",
      "  return a\n return b",
  };
  for (const auto& body : bodies) {
    INFO(body);
    Case c(parser, function_with(body));
    CHECK(c.skeleton.elided.empty());
    CHECK(testing::skeleton_mismatch(parser, c.file).empty());
  }
}

TEST_CASE("skeleton: a file the tokenizer refuses is parsed whole", "[parse][skeleton]") {
  parse::ts::PythonParser parser;
  const std::string body = "    x = 1\n    y = 2\n    return x + y + a + b + the_rest_of_a_long_body\n";
  for (const std::string& text : {"def f(a, b):\n" + body + "x = 'caf\xC3\xA9'\ny = caf\xC3\xA9\n",
                                   "def f(a, b):\n" + body + "\tx = 1\n", "def f(a, b):\n" + body + "x = 1\ry = 2\n",
                                   "def f(a, b):\n" + body + "x = (1\n",
                                   // Found by fuzz_skeleton: tree-sitter's scanner ends a string at a NUL.
                                   "def f(a, b):\n" + body.substr(0, 10) + "    s = 'a" + std::string(1, '\0') + "b'\n" +
                                       body.substr(10)}) {
    INFO(text);
    Case c(parser, text);
    CHECK(c.skeleton.elided.empty());
    CHECK(testing::skeleton_mismatch(parser, c.file).empty());
  }
}

TEST_CASE("skeleton: the elided tree keeps every other node where it was", "[parse][skeleton]") {
  parse::ts::PythonParser parser;
  Case c(parser,
         "@decorator\n"
         "def first(a: pd.DataFrame, b: dict[str, int]) -> pd.DataFrame:\n"
         "    \"\"\"Docstring.\"\"\"\n"
         "    return a.merge(b, how='left')  # trailing comment\n"
         "    # a comment at the end of the body\n"
         "\n"
         "class Hooks:\n"
         "    def method(self, catalog):\n"
         "        return catalog.list() + catalog.list() + catalog.list()\n"
         "\n"
         "def short(a):\n"
         "    return a\n");
  REQUIRE(c.skeleton.elided.size() == 2);
  const auto& first = c.skeleton.elided[0];
  CHECK(first.top_level);
  CHECK(c.file.text().substr(first.def_begin, 3) == "def");
  CHECK(c.file.text().substr(first.begin, 3) == "\"\"\"");
  CHECK(c.file.text().substr(first.end - 5, 5) == "eft')");
  CHECK_FALSE(c.skeleton.elided[1].top_level);  // a method: parsed with its file when needed
  CHECK(c.skeleton.elided_at(first.def_begin, first.def_end) == &first);
  CHECK(c.skeleton.elided_at(first.def_begin, first.begin) == nullptr);  // the header is in the tree
  CHECK(c.skeleton.elided_at(first.begin + 4, first.begin + 4) == &first);
  CHECK(testing::skeleton_mismatch(parser, c.file).empty());
  const parse::PythonSource alone = parse::parse_python_function(parser, c.file, first);
  REQUIRE(alone.tree);
  CHECK_FALSE(alone.tree.root().has_error());
  // The decorated definition, alone, at its offsets in the file.
  const auto statements = alone.tree.root().named_children();
  REQUIRE(statements.size() == 1);
  CHECK(statements[0].is("decorated_definition"));
  CHECK(statements[0].start() == first.statement_begin);
}

TEST_CASE("skeleton: every Python file of the fixtures and examples parses the same elided", "[parse][skeleton]") {
  parse::ts::PythonParser parser;
  std::size_t files = 0, elided = 0;
  for (const char* dir : {"fixtures", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(KEDROLINT_SOURCE_DIR) / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const core::SourceFile file(0, entry.path(), entry.path().string(), text.str());
      INFO(entry.path().string());
      CHECK(testing::skeleton_mismatch(parser, file).empty());
      ++files;
      elided += parse::parse_python_skeleton(parser, file).elided.size();
    }
  }
  CHECK(files > 100);
  CHECK(elided > 20);
}

TEST_CASE("skeleton: mutated function bodies parse the same elided", "[parse][skeleton]") {
  // A deterministic fuzz of bodies that are elided as written: each mutant
  // is either still elided and equivalent, or parsed whole.
  parse::ts::PythonParser parser;
  const std::string base = function_with(
      "\"\"\"Doc.\"\"\"\nx = [i * 2 for i in a if i]\ny = {k: (v, -v) for k, v in b.items()}\n"
      "s = f\"{x!r:>{y}} {a['k']}\"\nwith open(a) as fh:\n    t = fh.read()[1:2, ::3]\n"
      "try:\n    z = lambda q=1, *r: q ** 2\nexcept E as e:\n    raise\nreturn x, y if s else t, z");
  const std::vector<std::string> inserts = {"(", ")", "[", "]", "{", "}", ":", ",", "=", "*", "**", "'", "\"",
                                            "\n", "    ", "\\", "#", "f\"{", "lambda", "import x", "if", "else",
                                            ":=", ".", "0x", "1_", "yield", "async ", "print ", "\t", "\r"};
  std::mt19937 random(20261208);
  std::size_t elided_mutants = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    const auto at = std::uniform_int_distribution<std::size_t>(60, text.size() - 10)(random);
    switch (random() % 3) {
      case 0: text.erase(at, 1 + random() % 3); break;
      case 1: text.insert(at, inserts[random() % inserts.size()]); break;
      default: text[at] = inserts[random() % inserts.size()][0]; break;
    }
    const core::SourceFile file(0, "/p/m.py", "m.py", text);
    INFO(text);
    REQUIRE(testing::skeleton_mismatch(parser, file).empty());
    elided_mutants += parse::parse_python_skeleton(parser, file).elided.empty() ? 0 : 1;
  }
  CHECK(elided_mutants > 300);  // the mutants exercise the check, not only the tokenizer's refusals
}
