// The rule registry (rules/rules.def) and the embedded rule documentation
// (CONVENTIONS.md 6.2, 6.3, 6.5, 6.9).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "rules/rule.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;
using rules::all_rules;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string snake(std::string_view kebab) {
  std::string out(kebab);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

struct DefLine {
  std::string code, name, symbol;
};

// The KL_RULE lines of rules/rules.def, in file order.
std::vector<DefLine> def_lines() {
  const std::string text = read(fs::path(KEDROLINT_SOURCE_DIR) / "rules/rules.def");
  const std::regex line(R"re(^KL_RULE\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*(\w+)\s*,)re");
  std::vector<DefLine> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_search(l, m, line)) out.push_back({m[1], m[2], m[3]});
  }
  return out;
}

}  // namespace

TEST_CASE("registry: rules.def is sorted by code, codes are KL + 3 digits and unique", "[rules][registry]") {
  const auto lines = def_lines();
  REQUIRE(lines.size() == all_rules().size());
  const std::regex code("KL[0-9]{3}");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO(lines[i].code);
    CHECK(std::regex_match(lines[i].code, code));
    CHECK(seen.insert(lines[i].code).second);
    if (i > 0) CHECK(lines[i - 1].code < lines[i].code);
    CHECK(all_rules()[i].code == lines[i].code);  // the table keeps the file's order
  }
}

TEST_CASE("registry: names are kebab-case, unique, and match the symbol", "[rules][registry]") {
  const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  std::set<std::string> names;
  for (const auto& l : def_lines()) {
    INFO(l.code << " " << l.name);
    CHECK(std::regex_match(l.name, kebab));
    CHECK(names.insert(l.name).second);
    CHECK(l.symbol == snake(l.name));
    // Names describe the bad pattern, not a prohibition (CONVENTIONS.md 6.5).
    CHECK(l.name.rfind("no-", 0) != 0);
    CHECK(l.name.rfind("disallow-", 0) != 0);
  }
}

TEST_CASE("registry: find_rule by code or name, nothing else", "[rules][registry]") {
  for (const auto& r : all_rules()) {
    CHECK(rules::find_rule(r.code) == &r);
    CHECK(rules::find_rule(r.name) == &r);
  }
  CHECK(rules::find_rule("") == nullptr);
  CHECK(rules::find_rule("KL") == nullptr);
  CHECK(rules::find_rule("kl301") == nullptr);
  CHECK(rules::find_rule("KL3011") == nullptr);
  CHECK(rules::find_rule("ALL") == nullptr);
}

TEST_CASE("registry: selectors are codes, code prefixes, names or ALL", "[rules][registry]") {
  const auto* kl301 = rules::find_rule("KL301");
  REQUIRE(kl301);
  CHECK(rules::selector_matches("KL301", *kl301));
  CHECK(rules::selector_matches("KL30", *kl301));
  CHECK(rules::selector_matches("KL3", *kl301));
  CHECK(rules::selector_matches("ALL", *kl301));
  CHECK(rules::selector_matches("missing-catalog-entry", *kl301));
  CHECK_FALSE(rules::selector_matches("KL31", *kl301));
  CHECK_FALSE(rules::selector_matches("missing", *kl301));
  CHECK_FALSE(rules::selector_matches("K", *kl301));
  CHECK_FALSE(rules::selector_matches("", *kl301));
  CHECK(rules::is_valid_selector("KL0"));
  CHECK(rules::is_valid_selector("KL5"));
  CHECK_FALSE(rules::is_valid_selector("KL6"));
  CHECK_FALSE(rules::is_valid_selector("KL3011"));
  CHECK_FALSE(rules::is_valid_selector("all"));
}

TEST_CASE("registry: every doc has the fixed sections in order", "[rules][registry][docs]") {
  for (const auto& r : all_rules()) {
    INFO(r.code);
    const std::string doc(r.body->doc);
    const auto what = doc.find("## What it does\n");
    const auto why = doc.find("## Why is this bad?\n");
    const auto example = doc.find("## Example\n");
    const auto instead = doc.find("\nUse instead:");
    REQUIRE(what != std::string::npos);
    REQUIRE(why != std::string::npos);
    REQUIRE(example != std::string::npos);
    REQUIRE(instead != std::string::npos);
    CHECK(what == 0);
    CHECK(what < why);
    CHECK(why < example);
    CHECK(example < instead);
    // Each section once.
    CHECK(doc.find("## What it does", what + 1) == std::string::npos);
    CHECK(doc.find("## Why is this bad?", why + 1) == std::string::npos);
    CHECK(doc.find("## Example", example + 1) == std::string::npos);
    CHECK(doc.find("Use instead:", instead + 2) == std::string::npos);
    // The example shows code.
    CHECK(doc.find("```", example) < instead);
    // Only the optional sections may follow.
    std::istringstream in(doc);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("## ", 0) != 0) continue;
      INFO(line);
      CHECK((line == "## What it does" || line == "## Why is this bad?" || line == "## Example" ||
             line == "## Options" || line == "## References"));
    }
    if (const auto options = doc.find("## Options"); options != std::string::npos) CHECK(options > instead);
    if (const auto refs = doc.find("## References"); refs != std::string::npos) CHECK(refs > instead);
    // Code fences are balanced.
    std::size_t fences = 0;
    for (auto at = doc.find("```"); at != std::string::npos; at = doc.find("```", at + 3)) ++fences;
    CHECK(fences % 2 == 0);
  }
}

TEST_CASE("registry: `## Options` bullets name real option keys", "[rules][registry][docs]") {
  std::set<std::string> keys;
  for (const auto& d : config::option_docs()) keys.emplace(d.key);
  const std::regex bullet(R"(^- `([^`]+)`)");
  for (const auto& r : all_rules()) {
    const std::string doc(r.body->doc);
    const auto options = doc.find("## Options");
    if (options == std::string::npos) continue;
    const auto end = doc.find("\n## ", options + 1);
    std::istringstream in(doc.substr(options, end == std::string::npos ? std::string::npos : end - options));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, bullet)) continue;
      INFO(r.code << ": option `" << m[1] << "`");
      CHECK(keys.count(m[1]) == 1);
    }
  }
}

TEST_CASE("registry: summaries are one line without a trailing period", "[rules][registry][docs]") {
  for (const auto& r : all_rules()) {
    INFO(r.code << ": " << r.body->summary);
    const std::string_view s = r.body->summary;
    REQUIRE_FALSE(s.empty());
    CHECK(s.find('\n') == std::string_view::npos);
    CHECK(s.back() != '.');
    CHECK(s.back() != ' ');
    CHECK(s.front() != ' ');
    CHECK(r.body->check != nullptr);
  }
}

TEST_CASE("registry: each rule has its file, marker comment and generated doc page", "[rules][registry]") {
  const fs::path src(KEDROLINT_SOURCE_DIR);
  std::map<std::string, fs::path> files;  // snake name -> rule file
  for (const auto& e : fs::recursive_directory_iterator(src / "rules")) {
    if (e.path().extension() == ".cpp") files[e.path().stem().string()] = e.path();
  }
  for (const auto& r : all_rules()) {
    INFO(r.code << " " << r.name);
    const auto it = files.find(snake(r.name));
    REQUIRE(it != files.end());
    const std::string text = read(it->second);
    CHECK(text.rfind("// " + std::string(r.code) + " " + std::string(r.name) + "\n", 0) == 0);
    CHECK(fs::is_regular_file(src / "docs/rules" / (std::string(r.code) + ".md")));
  }
}

TEST_CASE("registry: each rule has a fixture folder with a case", "[rules][registry]") {
  const fs::path fixtures = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/rules";
  for (const auto& r : all_rules()) {
    INFO(r.code << ": fixtures/rules/" << r.code << "_" << snake(r.name) << "/<case>/pyproject.toml");
    const fs::path dir = fixtures / (std::string(r.code) + "_" + snake(r.name));
    REQUIRE(fs::is_directory(dir));
    bool has_case = false;
    for (const auto& e : fs::directory_iterator(dir)) has_case |= fs::is_regular_file(e.path() / "pyproject.toml");
    CHECK(has_case);
  }
}
