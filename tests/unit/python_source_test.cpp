// parse_python: the first ERROR or MISSING node in document order becomes the
// file's syntax error (KL001), with a byte span and a short message.
#include <catch2/catch.hpp>

#include <string>

#include "parse/python_source.hpp"

using namespace kedrolint;

namespace {

struct Parsed {
  core::SourceFile file;
  parse::PythonSource py;
  Parsed(parse::ts::PythonParser& parser, std::string text)
      : file(0, "/p/m.py", "m.py", std::move(text)), py(parse::parse_python(parser, file)) {}
  core::Position pos() const { return file.position(py.error->span.begin); }
};

}  // namespace

TEST_CASE("python: valid files have no error, the tree is kept", "[parse][python]") {
  parse::ts::PythonParser parser;
  REQUIRE(parser.ready());
  for (const char* text : {"", "\n", "# comment only\n", "x = 1", "x = 1\r\ny = 2\r\n", "\xEF\xBB\xBFx = 1\n"}) {
    INFO(text);
    Parsed p(parser, text);
    CHECK_FALSE(p.py.error.has_value());
    CHECK(p.py.tree.root().is("module"));
    CHECK(p.py.file == &p.file);
  }
}

TEST_CASE("python: an unclosed call is reported on its line", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser,
           "from kedro.pipeline import node, pipeline\n"
           "\n"
           "def create_pipeline(**kwargs):\n"
           "    return pipeline([\n"
           "        node(train, \"X\", \"model\"\n"
           "    ])\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 5);
  CHECK_FALSE(p.py.error->message.empty());
  CHECK(p.py.tree);  // the partial tree is still there
  CHECK(p.py.tree.root().has_error());
}

TEST_CASE("python: the first error in document order wins", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "a = 1\ndef f(:\n    pass\ndef g(:\n    pass\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 2);
  CHECK(p.pos().column >= 7);
}

TEST_CASE("python: a stray token names the token", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "x = 1\ny = = 2\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 2);
  CHECK(p.py.error->message.find("invalid syntax") == 0);
}

TEST_CASE("python: a missing ':' is reported on its line", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "def f(x)\n    return x\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 1);
  CHECK_FALSE(p.py.error->message.empty());
}

TEST_CASE("python: error columns count code points after non-ASCII text", "[parse][python]") {
  parse::ts::PythonParser parser;
  // "é" is 2 bytes: tree-sitter's byte column and the code-point column differ by one.
  Parsed p(parser, "print(\"\xC3\xA9\" \"a\" +)\n");
  REQUIRE(p.py.error);
  const auto pos = p.pos();
  CHECK(pos.line == 1);
  CHECK(p.file.text()[p.py.error->span.begin] == '+');
  CHECK(pos.column == 15);
  CHECK(pos.byte_column == 16);
  CHECK(p.py.error->message == "invalid syntax near `+`");
}

TEST_CASE("python: deep nesting does not overflow the stack", "[parse][python]") {
  parse::ts::PythonParser parser;
  std::string deep = "x = " + std::string(3000, '(') + "1" + std::string(2999, ')') + "\n";
  Parsed p(parser, deep);
  REQUIRE(p.py.error);  // one ')' short
  std::string balanced = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  Parsed q(parser, balanced);
  REQUIRE(q.py.error);
  CHECK(q.py.error->message == "too many nested parentheses");
}

// CPython's tokenizer (MAXLEVEL) accepts 200 open brackets and refuses the 201st.
TEST_CASE("python: more than 200 open brackets are too many nested parentheses", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed allowed(parser, "x = " + std::string(100, '(') + std::string(100, '[') + "1" + std::string(100, ']') +
                             std::string(100, ')') + "\n");
  CHECK_FALSE(allowed.py.error);
  Parsed too_deep(parser, "x = " + std::string(201, '{') + std::string(201, '}') + "\n");
  REQUIRE(too_deep.py.error);
  CHECK(too_deep.py.error->message == "too many nested parentheses");
  CHECK(too_deep.pos().column == 4 + 200 + 1);
  // Brackets in strings, f-strings, bytes and comments are not counted.
  const std::string text = "s = \"" + std::string(300, '(') + "\" + rb'" + std::string(300, '[') + "' + f\"\"\"" +
                           std::string(300, '{') + "\"\"\"  # " + std::string(300, '(') + "\n";
  Parsed quoted(parser, text);
  CHECK_FALSE(quoted.py.error);
}

// Python raises IndentationError for both ("expected an indented block after
// function definition on line 1", "unexpected indent"), so Kedro cannot import
// the module; tree-sitter-python accepts them without an ERROR node.
TEST_CASE("python: a missing indented block is a syntax error", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "def f():\nreturn 1\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 2);
}

TEST_CASE("python: an unexpected indent is a syntax error", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "def f():\n  x = 1\n    y = 2\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 3);
}

TEST_CASE("python: indentation errors use CPython's words and lines", "[parse][python]") {
  parse::ts::PythonParser parser;
  struct Case {
    const char* text;
    std::uint32_t line, column;
    const char* message;
  };
  for (const Case& c : {
           Case{"def f():\nreturn 1\n", 2, 1, "expected an indented block after function definition on line 1"},
           Case{"class A:\n\n# c\nx = 1\n", 4, 1, "expected an indented block after class definition on line 1"},
           Case{"x = 1\nif x:\n    pass\nelse:\ny = 2\n", 5, 1, "expected an indented block after 'else' statement on line 4"},
           Case{"for i in range(3):\n", 2, 1, "expected an indented block after 'for' statement on line 1"},
           Case{"  x = 1\n", 1, 3, "unexpected indent"},
           Case{"if True:\n    a = 1\n  b = 2\n", 3, 3, "unindent does not match any outer indentation level"},
           Case{"def f():\n    a = 1\n\tb = 2\n", 3, 2, "inconsistent use of tabs and spaces in indentation"},
           Case{"def f():\n\ta = 1\n        b = 2\n", 3, 9, "inconsistent use of tabs and spaces in indentation"},
           Case{"def f():\n\ta = 1\n\t  b = 2\n", 3, 4, "unexpected indent"},
       }) {
    INFO(c.text);
    Parsed p(parser, c.text);
    REQUIRE(p.py.error);
    CHECK(p.pos().line == c.line);
    CHECK(p.pos().column == c.column);
    CHECK(p.py.error->message == c.message);
  }
}

TEST_CASE("python: what CPython accepts is no indentation error", "[parse][python]") {
  parse::ts::PythonParser parser;
  for (const char* text : {
           "def f():\n    x = 1\n  # a comment at any indentation\n    return x\n",
           "if x: a = 1; b = 2\nc = 3\n",
           "class A:\n    \"\"\"doc\"\"\"\n\n\n    @staticmethod\n    def f(): pass\n",
           "x = (1 +\n       2)\ny = 1 + \\\n    2\n",
           "s = '''\n  indented text\n'''\n",
           "def f():\n\treturn 1\n",
       }) {
    INFO(text);
    Parsed p(parser, text);
    CHECK_FALSE(p.py.error.has_value());
  }
}

TEST_CASE("python: an unterminated string", "[parse][python]") {
  parse::ts::PythonParser parser;
  Parsed p(parser, "x = 1\ny = 'abc\nz = 3\n");
  REQUIRE(p.py.error);
  CHECK(p.pos().line == 2);
}

TEST_CASE("python: a file ending inside an f-string does not change how the next file parses", "[parse][python]") {
  // tree-sitter-python's scanner kept its "inside an f-string" flag across
  // parses: the valid file below lost its DEDENT and was reported as an
  // indentation error when the same parser had read the broken one first.
  parse::ts::PythonParser parser;
  const std::string valid = "def f():\n    x = 1\ny = 'a'\n";
  Parsed broken(parser, "x = [f\"{r}_raw\" for r in regions]\ny = f\"mode");
  REQUIRE(broken.py.error);
  Parsed after(parser, valid);
  CHECK_FALSE(after.py.error.has_value());
  // And the same file gives the same error whatever the parser read before.
  parse::ts::PythonParser fresh;
  Parsed first(fresh, "x = [f\"{r}\" for r in a]\ny = f\"mode\n");
  Parsed again(fresh, "x = [f\"{r}\" for r in a]\ny = f\"mode\n");
  REQUIRE(first.py.error);
  REQUIRE(again.py.error);
  CHECK(first.py.error->span.begin == again.py.error->span.begin);
  CHECK(first.py.error->span.end == again.py.error->span.end);
}
