#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "rules/rule.hpp"

using namespace kedrolint::rules;

TEST_CASE("rules.def is sorted, codes and names are unique and well formed", "[rules]") {
  const auto& rules = all_rules();
  REQUIRE_FALSE(rules.empty());
  std::set<std::string_view> codes, names;
  const std::regex code("KL[0-9]{3}"), name("[a-z0-9]+(-[a-z0-9]+)*");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    INFO(rules[i].code);
    CHECK(std::regex_match(std::string(rules[i].code), code));
    CHECK(std::regex_match(std::string(rules[i].name), name));
    CHECK(codes.insert(rules[i].code).second);
    CHECK(names.insert(rules[i].name).second);
    if (i) CHECK(rules[i - 1].code < rules[i].code);
  }
}

TEST_CASE("every rule documents itself with the fixed sections", "[rules]") {
  for (const auto& r : all_rules()) {
    INFO(r.code);
    const std::string doc(r.body->doc);
    const auto what = doc.find("## What it does"), why = doc.find("## Why is this bad?"),
               example = doc.find("## Example"), instead = doc.find("Use instead:");
    CHECK(what == 0);
    CHECK(why != std::string::npos);
    CHECK(example != std::string::npos);
    CHECK(instead != std::string::npos);
    CHECK((what < why && why < example && example < instead));
    const std::string summary(r.body->summary);
    CHECK_FALSE(summary.empty());
    CHECK(summary.back() != '.');
    CHECK(summary.find('\n') == std::string::npos);
  }
}

TEST_CASE("selectors: codes, prefixes, names, ALL", "[rules]") {
  const auto* rule = find_rule("KL301");
  REQUIRE(rule);
  CHECK(selector_matches("KL3", *rule));
  CHECK(selector_matches("missing-catalog-entry", *rule));
  CHECK(selector_matches("ALL", *rule));
  CHECK_FALSE(selector_matches("KL30 ", *rule));
  CHECK(is_valid_selector("KL4"));
  CHECK_FALSE(is_valid_selector("KL9"));
}
