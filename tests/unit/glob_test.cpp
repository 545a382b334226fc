// is_glob_match: the globs of `per-file-ignores`, matched against paths
// relative to the project root with '/' separators.
#include <catch2/catch.hpp>

#include "core/text.hpp"

using kedrolint::core::is_glob_match;

TEST_CASE("glob: literals must match the whole path", "[core][glob]") {
  CHECK(is_glob_match("conf/base/catalog.yml", "conf/base/catalog.yml"));
  CHECK_FALSE(is_glob_match("conf/base/catalog.yml", "conf/base/catalog.yml.bak"));
  CHECK_FALSE(is_glob_match("catalog.yml", "conf/base/catalog.yml"));
  CHECK_FALSE(is_glob_match("Catalog.yml", "catalog.yml"));  // case-sensitive
  CHECK(is_glob_match("", ""));
  CHECK_FALSE(is_glob_match("", "a"));
  CHECK_FALSE(is_glob_match("a", ""));
}

TEST_CASE("glob: * stays inside one path segment", "[core][glob]") {
  CHECK(is_glob_match("*.py", "pipeline.py"));
  CHECK_FALSE(is_glob_match("*.py", "src/pipeline.py"));
  CHECK(is_glob_match("src/*/pipeline_registry.py", "src/demo/pipeline_registry.py"));
  CHECK_FALSE(is_glob_match("src/*/pipeline_registry.py", "src/a/b/pipeline_registry.py"));
  CHECK(is_glob_match("conf/*/catalog*.yml", "conf/base/catalog_extra.yml"));
  CHECK(is_glob_match("*", ""));
  CHECK(is_glob_match("a*", "a"));
  CHECK(is_glob_match("*a*b*", "xxaybzz"));
  CHECK_FALSE(is_glob_match("*a*b*", "xxbyazz"));
  CHECK(is_glob_match("*", ".hidden"));
}

TEST_CASE("glob: ** crosses folders and **/ also matches zero folders", "[core][glob]") {
  CHECK(is_glob_match("**", "a/b/c.py"));
  CHECK(is_glob_match("**", ""));
  CHECK(is_glob_match("conf/**", "conf/base/catalog.yml"));
  CHECK(is_glob_match("conf/**", "conf/local/deep/nested/x.yml"));
  CHECK_FALSE(is_glob_match("conf/**", "src/conf/x.yml"));
  CHECK(is_glob_match("**/*.py", "a.py"));
  CHECK(is_glob_match("**/*.py", "src/demo/pipelines/ds/nodes.py"));
  CHECK_FALSE(is_glob_match("**/*.py", "src/demo/catalog.yml"));
  CHECK(is_glob_match("src/**/nodes.py", "src/nodes.py"));
  CHECK(is_glob_match("src/**/nodes.py", "src/demo/pipelines/ds/nodes.py"));
  CHECK(is_glob_match("**/pipelines/**", "src/demo/pipelines/ds/pipeline.py"));
  CHECK_FALSE(is_glob_match("**/pipelines/**", "src/demo/pipeline_registry.py"));
}

TEST_CASE("glob: ? and character classes", "[core][glob]") {
  CHECK(is_glob_match("data_?.csv", "data_1.csv"));
  CHECK_FALSE(is_glob_match("data_?.csv", "data_12.csv"));
  CHECK_FALSE(is_glob_match("a?b", "a/b"));  // ? does not match '/'
  CHECK(is_glob_match("data_[0-9].csv", "data_7.csv"));
  CHECK_FALSE(is_glob_match("data_[0-9].csv", "data_x.csv"));
  CHECK(is_glob_match("data_[!0-9].csv", "data_x.csv"));
  CHECK(is_glob_match("data_[^0-9].csv", "data_x.csv"));
  CHECK_FALSE(is_glob_match("data_[!0-9].csv", "data_3.csv"));
  CHECK(is_glob_match("[abc].py", "b.py"));
  CHECK(is_glob_match("[a-cx-z].py", "y.py"));
  CHECK_FALSE(is_glob_match("[a-cx-z].py", "m.py"));
  CHECK(is_glob_match("[-a].py", "-.py"));  // a leading '-' is literal
  // An unclosed '[' is a literal character.
  CHECK(is_glob_match("a[b", "a[b"));
}

// Paths are UTF-8; a glob character matches one character, as in ruff's
// globset and Python's fnmatch, not one byte.
TEST_CASE("glob: ? and [...] match one code point of a non-ASCII path", "[core][glob]") {
  CHECK(is_glob_match("conf/base/caf?.yml", "conf/base/café.yml"));
  CHECK(is_glob_match("conf/base/caf[éè].yml", "conf/base/café.yml"));
  CHECK(is_glob_match("conf/base/caf*.yml", "conf/base/café.yml"));  // * is fine either way
}
