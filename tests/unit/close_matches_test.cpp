// similarity_ratio and close_matches must read exactly like Python's difflib,
// because Kedro's own "did you mean" messages come from
// difflib.get_close_matches. Every expected value below was computed with
// Debian's /usr/bin/python3 (3.11.2):
//   difflib.SequenceMatcher(None, a, b).ratio()
//   difflib.get_close_matches(word, possibilities, n, cutoff)
// Ratios are compared exactly: the port does the same integer matching and the
// same 2.0 * M / T division, so the doubles must be bit-identical.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text.hpp"

using kedrolint::core::close_matches;
using kedrolint::core::similarity_ratio;
using Strings = std::vector<std::string>;

namespace {

std::string rep(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("similarity_ratio: short strings, ASCII and Unicode", "[core][difflib]") {
  struct Case {
    const char* a;
    const char* b;
    double ratio;
  };
  const Case cases[] = {
      {"", "", 1.0},
      {"a", "", 0.0},
      {"", "abc", 0.0},
      {"abc", "abc", 1.0},
      {"abcd", "bcde", 0.75},
      {"model_options", "model_input_tabel", 0.5333333333333333},
      {"preprocessed_companies", "preprocess_companies", 0.9523809523809523},
      {"params:model_options", "params:model_option", 0.9743589743589743},
      {"KL301", "KL310", 0.8},
      {"ignroe", "ignore", 0.8333333333333334},
      {"private", "privateer", 0.875},
      {"qabxcd", "abycdf", 0.6666666666666666},
      {"abxcd", "abcd", 0.8888888888888888},
      {"abcd", "abxcd", 0.8888888888888888},
      // Not symmetric: the longest match is searched with b's index.
      {"tide", "diet", 0.25},
      {"diet", "tide", 0.5},
      // Code points, not bytes.
      {"résumé", "resume", 0.6666666666666666},
      {"naïve", "naive", 0.8},
      {"日本語テキスト", "日本語のテキスト", 0.9333333333333333},
      {"😀a😀b", "a😀b😀", 0.75},
      {"données", "donnees", 0.8571428571428571},
      {"straße", "strasse", 0.7692307692307693},
      {"Ω", "ω", 0.0},
  };
  for (const auto& c : cases) {
    INFO("a=" << c.a << " b=" << c.b);
    CHECK(similarity_ratio(c.a, c.b) == c.ratio);
  }
}

TEST_CASE("similarity_ratio: autojunk drops popular elements of b when b has >= 200 code points", "[core][difflib]") {
  // (a, b, ratio with autojunk) and, in the comment, difflib's ratio with autojunk=False.
  CHECK(similarity_ratio(std::string(249, 'x') + "y", std::string(250, 'x')) == 0.996);  // same without autojunk
  CHECK(similarity_ratio(std::string(200, 'x'), std::string(250, 'x')) == 0.8888888888888888);
  const std::string letters = "abcdefghij";
  // b has 250 code points; every letter occurs 20 times > 250/100+1 = 3: all popular.
  CHECK(similarity_ratio(rep(letters, 15) + std::string(10, 'x'), std::string(50, 'x') + rep(letters, 20)) ==
        0.0);  // 0.7317073170731707 without autojunk
  // Swapped, b has 160 code points: no autojunk.
  CHECK(similarity_ratio(std::string(50, 'x') + rep(letters, 20), rep(letters, 15) + std::string(10, 'x')) ==
        0.7317073170731707);
  CHECK(similarity_ratio(rep("ab", 120), rep("ba", 110) + "ccccc") == 0.0);  // 0.946236559139785 without
  CHECK(similarity_ratio(rep("data/01_raw/companies.csv ", 8), rep("data/01_raw/companys.csv ", 8)) ==
        0.08823529411764706);  // 0.9411764705882353 without
  // The threshold is on b's length: 199 code points no autojunk, 200 autojunk.
  CHECK(similarity_ratio(rep(letters, 12), std::string(39, 'x') + rep(letters, 16)) == 0.7523510971786834);
  CHECK(similarity_ratio(rep(letters, 12), std::string(40, 'x') + rep(letters, 16)) == 0.0);
}

TEST_CASE("similarity_ratio: the autojunk length is counted in code points, not bytes", "[core][difflib]") {
  // 160 code points but 220 bytes: difflib does not apply autojunk here.
  CHECK(similarity_ratio(rep("abcdefghij", 8), rep("é", 60) + rep("abcdefghij", 10)) == 0.6666666666666666);
  // 200 code points, 400 bytes.
  CHECK(similarity_ratio(rep("é", 199) + "e", rep("é", 200)) == 0.995);
  CHECK(similarity_ratio(rep("é", 150), rep("é", 150) + std::string(60, 'e')) == 0.8333333333333334);
}

TEST_CASE("close_matches: best first, ties by the larger string, n and cutoff", "[core][difflib]") {
  CHECK(close_matches("model_input_tabel", {"model_input_table", "model_options", "X_train",
                                            "preprocessed_shuttles"}) == Strings{"model_input_table"});
  // Ties on the score are broken by comparing the strings (heapq.nlargest on tuples).
  CHECK(close_matches("abc", {"abd", "abe", "xbc", "abc"}) == Strings{"abc", "xbc", "abe"});
  CHECK(close_matches("abc", {"abd", "abe", "xbc", "abc"}, 2) == Strings{"abc", "xbc"});
  CHECK(close_matches("abc", {"abd", "abe", "xbc", "abc"}, 10) == Strings{"abc", "xbc", "abe", "abd"});
  CHECK(close_matches("zz", {"za", "az", "zb", "bz"}, 4, 0.5) == Strings{"zb", "za", "bz", "az"});
  CHECK(close_matches("ab", {"ba", "ab ", " ab", "a b"}, 4) == Strings{"ab ", "a b", " ab"});
  // Duplicates are kept, as in difflib.
  CHECK(close_matches("abc", {"abc", "abc", "ab"}) == Strings{"abc", "abc", "ab"});
  CHECK(close_matches("appel", {"ape", "apple", "peach", "puppy"}) == Strings{"apple", "ape"});
  CHECK(close_matches("wheel", {"while", "wheel", "whale", "shell", "shoe"}) == Strings{"wheel", "while", "whale"});
  CHECK(close_matches("wheel", {"while", "wheel", "whale", "shell", "shoe"}, 5, 0.0) ==
        Strings{"wheel", "while", "whale", "shell", "shoe"});
  CHECK(close_matches("wheel", {"while", "wheel", "whale", "shell", "shoe"}, 3, 1.0) == Strings{"wheel"});
  CHECK(close_matches("KL999", {"KL001", "KL009", "KL101", "KL999x"}) == Strings{"KL999x", "KL009"});
  CHECK(close_matches("companies", {"companies_csv", "companies", "shuttles", "reviews", "compagnies"}, 2) ==
        Strings{"companies", "compagnies"});
  CHECK(close_matches("ignroe", {"select", "extend-select", "ignore", "per-file-ignores", "severity", "fail-on", "env"},
                      1) == Strings{"ignore"});
  // The ratio is taken as SequenceMatcher(None, candidate, word): word is b.
  CHECK(close_matches("diet", {"tide"}, 3, 0.0) == Strings{"tide"});
}

TEST_CASE("close_matches: empty inputs", "[core][difflib]") {
  CHECK(close_matches("", {"", "a", ""}) == Strings{"", ""});
  CHECK(close_matches("", {"a", "b"}, 3, 0.0) == Strings{"b", "a"});
  CHECK(close_matches("x", {}).empty());
  CHECK(close_matches("x", {"y"}).empty());
}

TEST_CASE("close_matches: Unicode candidates", "[core][difflib]") {
  CHECK(close_matches("résumé", {"resume", "résumés", "rsum"}) == Strings{"résumés", "rsum", "resume"});
  CHECK(close_matches("Résumé", {"résumé", "RÉSUMÉ", "Resume"}, 3, 0.5) == Strings{"résumé", "Resume"});
  CHECK(close_matches("données", {"donnees", "données_brutes", "donné"}) ==
        Strings{"donnees", "donné", "données_brutes"});
  // 😁 > 😀 as code points (and as UTF-8 bytes), so it wins the tie.
  CHECK(close_matches("😀ab", {"😀ac", "ab😀", "😁ab"}) == Strings{"😁ab", "😀ac", "ab😀"});
}

TEST_CASE("close_matches: a word of >= 200 code points gets autojunk", "[core][difflib]") {
  const std::string letters = "abcdefghij";
  const std::string word = rep(letters, 15) + std::string(60, 'x');  // 210 code points; 'x' is popular
  CHECK(similarity_ratio(rep(letters, 15), word) == 0.8333333333333334);
  CHECK(similarity_ratio(std::string(60, 'x'), word) == 0.0);
  CHECK(similarity_ratio(rep(letters, 15) + std::string(60, 'y'), word) == 0.7142857142857143);
  CHECK(close_matches(word, {rep(letters, 15), std::string(60, 'x'), rep(letters, 15) + std::string(60, 'y'), word}, 4,
                      0.0) ==
        Strings{word, rep(letters, 15), rep(letters, 15) + std::string(60, 'y'), std::string(60, 'x')});
  CHECK(close_matches(rep(letters, 15), {word, rep(letters, 14)}) == Strings{rep(letters, 14), word});
}
