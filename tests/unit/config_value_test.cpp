// config::deep_copy: the configuration read on another thread is copied onto
// the analysis thread (model/build.cpp), so the copy must equal the original
// value for value, span for span, and keep shared values shared.
#include <catch2/catch.hpp>

#include <string>

#include "config/config_value.hpp"
#include "parse/yaml_source.hpp"

using namespace kedrolint;

namespace {

config::ConfigPtr read_yaml(const core::SourceFile& file) {
  const auto yaml = parse::parse_yaml(file);
  REQUIRE_FALSE(yaml.error);
  return config::from_yaml(*yaml.root);
}

void require_same(const config::ConfigValue& a, const config::ConfigValue& b) {
  REQUIRE(&a != &b);
  CHECK(a.kind == b.kind);
  CHECK(a.text == b.text);
  CHECK(a.symbolic == b.symbolic);
  CHECK(a.span.file == b.span.file);
  CHECK(a.span.begin == b.span.begin);
  CHECK(a.span.end == b.span.end);
  CHECK(a.key_span.begin == b.key_span.begin);
  REQUIRE(a.items.size() == b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) require_same(*a.items[i], *b.items[i]);
  REQUIRE(a.entries.size() == b.entries.size());
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    CHECK(a.entries[i].first == b.entries[i].first);
    require_same(*a.entries[i].second, *b.entries[i].second);
  }
}

}  // namespace

TEST_CASE("deep_copy copies every value and keeps shared values shared", "[config]") {
  const core::SourceFile base_file(0, "/p/base.yml", "base.yml",
                                   "model:\n  alpha: 0.1\n  layers: [32, 16]\n  name: \"x\"\nflag: yes\nempty:\n");
  const core::SourceFile over_file(1, "/p/over.yml", "over.yml", "model:\n  alpha: 0.2\nextra: {a: 1}\n");
  // deep_merge shares the subtrees it does not change between its result and its inputs.
  const auto merged = config::deep_merge(read_yaml(base_file), read_yaml(over_file));
  const auto twice = std::make_shared<config::ConfigValue>(*merged);
  twice->entries.emplace_back("again", merged->get_ptr("extra"));

  const auto copy = config::deep_copy(twice);
  require_same(*twice, *copy);
  CHECK(copy->get("model")->get("alpha")->text == "0.2");
  CHECK(copy->get("model")->get("layers")->items.size() == 2);
  CHECK(copy->get_ptr("extra") == copy->get_ptr("again"));
  CHECK(copy->get_ptr("extra") != twice->get_ptr("extra"));
  CHECK(config::deep_copy(nullptr) == nullptr);
}
