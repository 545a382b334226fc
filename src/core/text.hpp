#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kedrolint::core {

/// difflib.SequenceMatcher(None, a, b).ratio() over code points.
double similarity_ratio(std::string_view a, std::string_view b);

/// difflib.get_close_matches(word, candidates, n, cutoff): the candidates
/// whose ratio to `word` is at least `cutoff`, best first, ties broken by the
/// larger string first (heapq.nlargest on (ratio, candidate) tuples). Kedro
/// uses this for its "did you mean" suggestions, so ours read the same.
std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t n = 3, double cutoff = 0.6);

std::string join(const std::vector<std::string>& items, std::string_view sep);
/// `a`, `b` or `c` with backticks, for messages.
std::string quoted_list(const std::vector<std::string>& items, std::string_view conjunction = "or");
std::vector<std::string> split(std::string_view text, char sep);
std::string_view trim(std::string_view text);
bool is_glob_match(std::string_view pattern, std::string_view text);
/// Python's repr() of a str: single quotes unless the text has ' and no ".
std::string python_str_repr(const std::string& s);
/// `text` made safe for a terminal, one code point for one code point so that
/// columns stay aligned: a tab becomes a space, other C0 controls and DEL
/// their Unicode control picture (ESC -> U+241B), C1 controls and invalid
/// UTF-8 U+FFFD. Source text in reports never reaches the terminal raw.
std::string printable(std::string_view text);

}  // namespace kedrolint::core
