// parse_yaml: yaml-cpp behind a value type that keeps duplicates, applies
// merge keys (yaml-cpp 0.7 does not) and records byte spans.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parse/yaml_source.hpp"

using namespace kedrolint;
using parse::YamlNode;

namespace {

struct Parsed {
  core::SourceFile file;
  parse::YamlSource yaml;
  explicit Parsed(std::string text) : file(0, "/p/c.yml", "c.yml", std::move(text)), yaml(parse::parse_yaml(file)) {}
  std::string_view text_of(const core::Span& s) const { return file.text().substr(s.begin, s.end - s.begin); }
  core::Position pos(const core::Span& s) const { return file.position(s.begin); }
};

std::vector<std::string> keys(const YamlNode& map) {
  std::vector<std::string> out;
  for (const auto& [k, v] : map.entries) out.push_back(k->scalar);
  return out;
}

}  // namespace

TEST_CASE("yaml: scalars, sequences, maps and their kinds", "[parse][yaml]") {
  Parsed p("a: 1\nb: [x, 'y', \"z\"]\nc:\n  d: ~\ne:\n");
  REQUIRE_FALSE(p.yaml.error);
  REQUIRE(p.yaml.root);
  const auto& root = *p.yaml.root;
  REQUIRE(root.is_map());
  CHECK(keys(root) == std::vector<std::string>{"a", "b", "c", "e"});
  CHECK(root.get("a")->is_scalar());
  CHECK(root.get("a")->scalar == "1");
  CHECK_FALSE(root.get("a")->quoted);
  const auto* b = root.get("b");
  REQUIRE(b->is_sequence());
  REQUIRE(b->items.size() == 3);
  CHECK(b->items[0]->scalar == "x");
  CHECK_FALSE(b->items[0]->quoted);
  CHECK(b->items[1]->scalar == "y");
  CHECK(b->items[1]->quoted);
  CHECK(b->items[2]->quoted);
  CHECK(root.get("c")->get("d")->is_null());
  CHECK(root.get("e")->is_null());
  CHECK(root.get("missing") == nullptr);
}

TEST_CASE("yaml: explicit tags are kept, non-specific ones are not", "[parse][yaml]") {
  Parsed p("a: !!str 1\nb: 1\nc: \"1\"\nd: !custom x\n");
  REQUIRE_FALSE(p.yaml.error);
  CHECK(p.yaml.root->get("a")->tag == "tag:yaml.org,2002:str");
  CHECK(p.yaml.root->get("b")->tag.empty());
  CHECK(p.yaml.root->get("c")->tag.empty());
  CHECK(p.yaml.root->get("c")->quoted);
  CHECK(p.yaml.root->get("d")->tag == "!custom");
}

TEST_CASE("yaml: an empty document is a null root, not an error", "[parse][yaml]") {
  Parsed empty("");
  CHECK_FALSE(empty.yaml.error);
  REQUIRE(empty.yaml.root);
  CHECK(empty.yaml.root->is_null());
  Parsed comments("# only a comment\n\n");
  CHECK_FALSE(comments.yaml.error);
  REQUIRE(comments.yaml.root);
  CHECK(comments.yaml.root->is_null());
}

TEST_CASE("yaml: duplicate keys are all kept, get() returns the last (PyYAML)", "[parse][yaml]") {
  Parsed p("x: 1\ny: a\nx: 2\nx: 3\n");
  REQUIRE_FALSE(p.yaml.error);
  CHECK(keys(*p.yaml.root) == std::vector<std::string>{"x", "y", "x", "x"});
  CHECK(p.yaml.root->get("x")->scalar == "3");
  CHECK(p.pos(p.yaml.root->entries[2].first->span).line == 3);
  CHECK(p.pos(p.yaml.root->entries[3].first->span).line == 4);
}

TEST_CASE("yaml: merge key from one anchor, explicit keys win wherever they are", "[parse][yaml]") {
  Parsed p(
      "_csv: &csv\n"
      "  type: pandas.CSVDataset\n"
      "  load_args: {sep: ','}\n"
      "  save_args: {index: false}\n"
      "before:\n"
      "  type: pandas.ParquetDataset\n"
      "  <<: *csv\n"
      "after:\n"
      "  <<: *csv\n"
      "  type: pandas.ExcelDataset\n"
      "plain:\n"
      "  <<: *csv\n");
  REQUIRE_FALSE(p.yaml.error);
  const auto& root = *p.yaml.root;
  CHECK(root.get("before")->get("type")->scalar == "pandas.ParquetDataset");
  CHECK(root.get("after")->get("type")->scalar == "pandas.ExcelDataset");
  CHECK(root.get("plain")->get("type")->scalar == "pandas.CSVDataset");
  // The `<<` entry itself is gone; merged entries come after explicit ones.
  CHECK(keys(*root.get("before")) == std::vector<std::string>{"type", "load_args", "save_args"});
  CHECK(keys(*root.get("after")) == std::vector<std::string>{"type", "load_args", "save_args"});
  CHECK(keys(*root.get("plain")) == std::vector<std::string>{"type", "load_args", "save_args"});
  for (const auto& [k, v] : root.get("after")->entries) {
    INFO(k->scalar);
    CHECK(k->merged == (k->scalar != "type"));
  }
  // A merged value is the anchor's node, with the anchor's span.
  CHECK(p.pos(root.get("plain")->get("type")->span).line == 2);
  CHECK(root.get("plain")->get("load_args")->get("sep")->scalar == ",");
}

TEST_CASE("yaml: merge key with a list of anchors, earlier anchors win", "[parse][yaml]") {
  Parsed p(
      "a: &a {x: 1, y: 1}\n"
      "b: &b {y: 2, z: 2}\n"
      "c:\n"
      "  <<: [*a, *b]\n"
      "  w: 0\n"
      "d:\n"
      "  <<: [*b, *a]\n");
  REQUIRE_FALSE(p.yaml.error);
  const auto& c = *p.yaml.root->get("c");
  CHECK(keys(c) == std::vector<std::string>{"w", "x", "y", "z"});
  CHECK(c.get("y")->scalar == "1");
  CHECK(p.yaml.root->get("d")->get("y")->scalar == "2");
  CHECK(p.yaml.root->get("d")->get("x")->scalar == "1");
}

TEST_CASE("yaml: merges nest through anchors that merge themselves", "[parse][yaml]") {
  Parsed p(
      "base: &base {type: pandas.CSVDataset, fs_args: {a: 1}}\n"
      "mid: &mid\n"
      "  <<: *base\n"
      "  filepath: data/mid.csv\n"
      "leaf:\n"
      "  <<: *mid\n"
      "  filepath: data/leaf.csv\n");
  REQUIRE_FALSE(p.yaml.error);
  const auto& leaf = *p.yaml.root->get("leaf");
  CHECK(leaf.get("type")->scalar == "pandas.CSVDataset");
  CHECK(leaf.get("filepath")->scalar == "data/leaf.csv");
  CHECK(keys(leaf) == std::vector<std::string>{"filepath", "type", "fs_args"});
}

TEST_CASE("yaml: a quoted '<<' is an ordinary key", "[parse][yaml]") {
  Parsed p("a: &a {x: 1}\nb:\n  '<<': *a\n");
  REQUIRE_FALSE(p.yaml.error);
  const auto& b = *p.yaml.root->get("b");
  CHECK(keys(b) == std::vector<std::string>{"<<"});
  CHECK(b.get("<<")->is_map());
}

TEST_CASE("yaml: key and value spans are byte ranges of the source text", "[parse][yaml]") {
  const std::string text =
      "companies:   # the raw data\n"
      "  type: pandas.CSVDataset   # trailing comment\n"
      "  filepath: 'data/01_raw/a#b.csv'\n"
      "  desc: \"say \\\"hi\\\"\"\n"
      "  list: [a, bb, ccc]\n"
      "  flow: {k: v}\n";
  Parsed p(text);
  REQUIRE_FALSE(p.yaml.error);
  const auto& root = *p.yaml.root;
  const auto& key = *root.entries[0].first;
  CHECK(p.text_of(key.span) == "companies");
  CHECK(key.span.begin == 0);
  const auto& entry = *root.entries[0].second;
  const auto& type_key = *entry.entries[0].first;
  CHECK(p.text_of(type_key.span) == "type");
  CHECK(p.pos(type_key.span).line == 2);
  CHECK(p.pos(type_key.span).column == 3);
  CHECK(p.text_of(entry.get("type")->span) == "pandas.CSVDataset");
  CHECK(p.text_of(entry.get("filepath")->span) == "'data/01_raw/a#b.csv'");
  CHECK(entry.get("filepath")->scalar == "data/01_raw/a#b.csv");
  CHECK(p.text_of(entry.get("desc")->span) == "\"say \\\"hi\\\"\"");
  CHECK(entry.get("desc")->scalar == "say \"hi\"");
  const auto& list = *entry.get("list");
  REQUIRE(list.items.size() == 3);
  CHECK(p.text_of(list.items[0]->span) == "a");
  CHECK(p.text_of(list.items[1]->span) == "bb");
  CHECK(p.text_of(list.items[2]->span) == "ccc");
  CHECK(p.text_of(entry.get("flow")->get("k")->span) == "v");
}

TEST_CASE("yaml: spans stay byte offsets after non-ASCII text", "[parse][yaml]") {
  const std::string text =
      "donn\xC3\xA9"
      "es: {caf\xC3\xA9: th\xC3\xA9}\nnext: \xF0\x9F\x98\x80 x\n";
  Parsed p(text);
  REQUIRE_FALSE(p.yaml.error);
  const auto& root = *p.yaml.root;
  CHECK(p.text_of(root.entries[0].first->span) ==
        "donn\xC3\xA9"
        "es");
  const auto& inner = *root.entries[0].second;
  CHECK(p.text_of(inner.entries[0].first->span) == "caf\xC3\xA9");
  CHECK(p.text_of(inner.entries[0].second->span) == "th\xC3\xA9");
  CHECK(p.pos(inner.entries[0].second->span).column == 17);  // code points
  CHECK(p.pos(inner.entries[0].second->span).byte_column == 19);
  const auto* next = root.get("next");
  REQUIRE(next);
  CHECK(p.text_of(next->span) == "\xF0\x9F\x98\x80 x");
  CHECK(p.pos(next->span).line == 2);
  CHECK(p.pos(next->span).column == 7);
}

TEST_CASE("yaml: spans with CRLF line endings", "[parse][yaml]") {
  const std::string text = "a:\r\n  type: pandas.CSVDataset\r\n  filepath: x.csv\r\nb: 1\r\n";
  Parsed p(text);
  REQUIRE_FALSE(p.yaml.error);
  const auto& root = *p.yaml.root;
  CHECK(p.text_of(root.entries[0].first->span) == "a");
  CHECK(p.text_of(root.get("a")->get("type")->span) == "pandas.CSVDataset");
  CHECK(p.text_of(root.get("a")->get("filepath")->span) == "x.csv");
  CHECK(p.pos(root.entries[1].first->span).line == 4);
  CHECK(p.text_of(root.get("b")->span) == "1");
}

TEST_CASE("yaml: syntax errors carry the line and column of yaml-cpp's mark", "[parse][yaml]") {
  {
    Parsed p("a:\n  type: x\n   filepath: y\n");
    REQUIRE(p.yaml.error);
    CHECK_FALSE(p.yaml.root);
    CHECK(p.pos(p.yaml.error->span).line == 3);
    CHECK_FALSE(p.yaml.error->message.empty());
  }
  {
    Parsed p("a: [1, 2\nb: 3\n");
    REQUIRE(p.yaml.error);
    CHECK(p.yaml.error->message == "end of sequence flow not found");
  }
  {
    // A tab used for indentation.
    Parsed p("a:\n\tb: 1\n");
    REQUIRE(p.yaml.error);
    CHECK(p.pos(p.yaml.error->span).line == 2);
  }
  {
    // An undefined alias.
    Parsed p("a: *nothing\n");
    REQUIRE(p.yaml.error);
    CHECK(p.pos(p.yaml.error->span).line == 1);
  }
}

// PyYAML, which Kedro's OmegaConfigLoader uses, rejects this file ("while
// scanning a quoted scalar ... found unexpected end of stream"), so Kedro
// fails to load the configuration; it must be KL002 here too.
TEST_CASE("yaml: an unterminated quoted scalar is an error", "[parse][yaml]") {
  Parsed p("a: 'unterminated\nb: 1\n");
  REQUIRE(p.yaml.error);
  CHECK(p.pos(p.yaml.error->span).line == 1);
}

TEST_CASE("yaml: an error column after non-ASCII text is converted from bytes", "[parse][yaml]") {
  // yaml-cpp reports "illegal map value" at the second ':' of line 2.
  Parsed p("ok: 1\n\xC3\xA9\xC3\xA9: a: b\n");
  REQUIRE(p.yaml.error);
  const auto pos = p.pos(p.yaml.error->span);
  CHECK(pos.line == 2);
  CHECK(pos.column == 6);  // PyYAML: "mapping values are not allowed here ... line 2, column 6"
  CHECK(pos.byte_column == 8);
  CHECK(p.file.text()[p.yaml.error->span.begin] == ':');
  Parsed emoji("\xF0\x9F\x98\x80: a: b\n");
  REQUIRE(emoji.yaml.error);
  CHECK(emoji.pos(emoji.yaml.error->span).column == 5);
}

// PyYAML's single-document loader (what Kedro uses) raises ComposerError.
TEST_CASE("yaml: a second document is an error", "[parse][yaml]") {
  Parsed p("a: 1\n---\nb: 2\n");
  REQUIRE(p.yaml.error);
  CHECK(p.yaml.error->message == "expected a single document in the stream, but found another document");
  CHECK_FALSE(p.yaml.root);
  Parsed ended("a: 1\n...\n");
  CHECK_FALSE(ended.yaml.error);
}

TEST_CASE("yaml: alias expansion is bounded by max_alias_nodes", "[parse][yaml]") {
  core::SourceFile f(0, "/p/c.yml", "c.yml", "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n");
  CHECK_FALSE(parse::parse_yaml(f, 100).error);
  const auto small = parse::parse_yaml(f, 5);
  REQUIRE(small.error);
  CHECK(small.error->message.find("more than 5 nodes") != std::string::npos);
  CHECK_FALSE(small.root);
}

TEST_CASE("yaml: an alias shares the anchored node instead of copying it", "[parse][yaml]") {
  Parsed p("a: &a {x: 1}\nb: *a\n");
  REQUIRE_FALSE(p.yaml.error);
  CHECK(p.yaml.root->get("a") == p.yaml.root->get("b"));
}

TEST_CASE("yaml: billion laughs stays bounded and is reported", "[parse][yaml]") {
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += std::string(k ? ", " : "") + "*l" + std::to_string(i - 1);
    text += "]\n";
  }
  Parsed p(text);
  REQUIRE(p.yaml.error);
  CHECK(p.yaml.error->message.find("more than 1000000 nodes") != std::string::npos);
  CHECK(p.pos(p.yaml.error->span).line == 6);  // l5's aliases pass the budget
}

TEST_CASE("yaml: plain nodes do not count against the alias budget", "[parse][yaml]") {
  // A 200,000-entry catalog used to be refused as an alias bomb.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "d" + std::to_string(i) + ": {type: pandas.CSVDataset, filepath: x}\n";
  text += "_t: &t {type: x}\nuse: *t\n";
  core::SourceFile f(0, "/p/c.yml", "c.yml", std::move(text));
  const auto yaml = parse::parse_yaml(f, 10);
  REQUIRE_FALSE(yaml.error);
  CHECK(yaml.root->entries.size() == 2002);
}

// PyYAML builds recursive structures, but OmegaConf then recurses forever
// (RecursionError); following the alias here used to overflow the stack.
TEST_CASE("yaml: a recursive alias is an error at the alias", "[parse][yaml]") {
  for (const std::string text : {"a: &a [*a]\n", "a: &a {b: [1, {c: *a}]}\n", "x: 1\na: &a\n  b: *a\n"}) {
    INFO(text);
    Parsed p(text);
    REQUIRE(p.yaml.error);
    CHECK_FALSE(p.yaml.root);
    CHECK(p.yaml.error->message.find("alias `*a` refers to the node that contains it") != std::string::npos);
    CHECK(p.file.text().substr(p.yaml.error->span.begin, 2) == "*a");
  }
}

TEST_CASE("yaml: deep nesting is an error, not a stack overflow", "[parse][yaml]") {
  Parsed ok("x: " + std::string(400, '[') + std::string(400, ']') + "\n");
  CHECK_FALSE(ok.yaml.error);
  Parsed deep("x: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  REQUIRE(deep.yaml.error);
  CHECK(deep.yaml.error->message.find("nests too deeply") != std::string::npos);
  std::string blocks;
  for (int i = 0; i < 1200; ++i) blocks += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  Parsed block(blocks);
  REQUIRE(block.yaml.error);
  CHECK(block.yaml.error->message.find("nests too deeply") != std::string::npos);
}
