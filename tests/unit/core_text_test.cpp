#include <catch2/catch.hpp>

#include "core/source_file.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

using namespace kedrolint::core;

// Expected values computed with CPython's difflib (3.11).
TEST_CASE("close_matches agrees with difflib.get_close_matches", "[core]") {
  CHECK(close_matches("model_input_tabel", {"model_input_table", "model_options", "X_train", "preprocessed_shuttles"}) ==
        std::vector<std::string>{"model_input_table"});
  CHECK(close_matches("KL999", {"KL001", "KL009", "KL101", "KL999x"}) == std::vector<std::string>{"KL999x", "KL009"});
  // Ties on the score: the larger string first, as heapq.nlargest on tuples.
  CHECK(close_matches("abc", {"abd", "abe", "xbc", "abc"}) == std::vector<std::string>{"abc", "xbc", "abe"});
  CHECK(close_matches("", {"a", ""}) == std::vector<std::string>{""});
  CHECK(close_matches("résumé", {"resume", "résumés", "rsum"}) == std::vector<std::string>{"résumés", "rsum", "resume"});
  CHECK(close_matches("trian_model", {"train_model", "evaluate_model", "split_data"}) ==
        std::vector<std::string>{"train_model"});
}

TEST_CASE("similarity_ratio matches SequenceMatcher.ratio, autojunk included", "[core]") {
  CHECK(similarity_ratio("model_options", "model_input_tabel") == Approx(0.533333).epsilon(1e-5));
  CHECK(similarity_ratio("rsum", "résumé") == Approx(0.8).epsilon(1e-5));
  const std::string word(250, 'x');
  CHECK(similarity_ratio(std::string(249, 'x') + "y", word) == Approx(0.996).epsilon(1e-5));
  CHECK(similarity_ratio(std::string(250, 'y'), word) == Approx(0.0));
  CHECK(similarity_ratio(std::string(200, 'x'), word) == Approx(0.888889).epsilon(1e-5));
}

TEST_CASE("LineIndex converts byte offsets to code-point and UTF-16 columns", "[core]") {
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80x\r\nline2\rline3";  // a é 😀 x CRLF ...
  SourceFile file(0, "/p/f.py", "f.py", text);
  const auto x = file.position(static_cast<std::uint32_t>(text.find('x')));
  CHECK(x.line == 1);
  CHECK(x.byte_column == 8);
  CHECK(x.column == 4);        // a, é, 😀, then x
  CHECK(x.utf16_column == 5);  // 😀 is a surrogate pair
  CHECK(file.position(static_cast<std::uint32_t>(text.find("line2"))).line == 2);
  CHECK(file.position(static_cast<std::uint32_t>(text.find("line3"))).line == 3);  // a lone \r ends a line
  CHECK(file.line_text(1) == "a\xC3\xA9\xF0\x9F\x98\x80x");
  CHECK(file.lines().offset_of(text, 1, 4) == text.find('x'));
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[core]") {
  CHECK_FALSE(first_invalid_utf8("plain \xC3\xA9 text").has_value());
  CHECK(first_invalid_utf8("caf\xE9 = 1").value() == 3);
  CHECK(first_invalid_utf8("\xED\xA0\x80").value() == 0);  // a surrogate is not UTF-8
  CHECK(first_invalid_utf8("ok \xEF\xBF\xBD").has_value() == false);  // U+FFFD itself is fine
}

TEST_CASE("glob matching follows the per-file-ignores syntax", "[core]") {
  CHECK(is_glob_match("conf/**", "conf/base/catalog.yml"));
  CHECK(is_glob_match("**/catalog*", "catalog.yml"));
  CHECK(is_glob_match("**/catalog*", "nested/dir/catalog_x.yml"));
  CHECK_FALSE(is_glob_match("catalog*", "sub/catalog.yml"));
  CHECK(is_glob_match("src/*/pipelines/*.py", "src/pkg/pipelines/a.py"));
  CHECK_FALSE(is_glob_match("src/*.py", "src/pkg/a.py"));
  CHECK(is_glob_match("data_[0-9].csv", "data_7.csv"));
}

TEST_CASE("Python str repr", "[core]") {
  CHECK(python_str_repr("a") == "'a'");
  CHECK(python_str_repr("it's") == "\"it's\"");
  CHECK(python_str_repr("both ' and \"") == "'both \\' and \"'");
  CHECK(python_str_repr("tab\there\n") == "'tab\\there\\n'");
  CHECK(python_str_repr("é") == "'é'");
}
