#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/utf8.hpp"

namespace kedrolint::core {
namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) out += decode_utf8(s, i);
  return out;
}

// A faithful port of the matching-blocks computation of CPython's difflib,
// including its "autojunk" heuristic for long second sequences.
class SequenceMatcher {
 public:
  SequenceMatcher(std::u32string a, std::u32string b) : a_(std::move(a)), b_(std::move(b)) {
    for (std::size_t j = 0; j < b_.size(); ++j) b2j_[b_[j]].push_back(j);
    const std::size_t n = b_.size();
    if (n >= 200) {
      const std::size_t ntest = n / 100 + 1;
      for (auto it = b2j_.begin(); it != b2j_.end();) {
        if (it->second.size() > ntest) {
          it = b2j_.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  std::size_t matches() const {
    std::size_t total = 0;
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> queue{{0, a_.size(), 0, b_.size()}};
    while (!queue.empty()) {
      auto [alo, ahi, blo, bhi] = queue.back();
      queue.pop_back();
      auto [i, j, k] = longest_match(alo, ahi, blo, bhi);
      if (k == 0) continue;
      total += k;
      if (alo < i && blo < j) queue.emplace_back(alo, i, blo, j);
      if (i + k < ahi && j + k < bhi) queue.emplace_back(i + k, ahi, j + k, bhi);
    }
    return total;
  }

 private:
  std::tuple<std::size_t, std::size_t, std::size_t> longest_match(std::size_t alo, std::size_t ahi, std::size_t blo,
                                                                   std::size_t bhi) const {
    std::size_t besti = alo, bestj = blo, bestsize = 0;
    std::unordered_map<std::size_t, std::size_t> j2len;
    for (std::size_t i = alo; i < ahi; ++i) {
      std::unordered_map<std::size_t, std::size_t> newj2len;
      auto it = b2j_.find(a_[i]);
      if (it != b2j_.end()) {
        for (const std::size_t j : it->second) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const auto prev = j > 0 ? j2len.find(j - 1) : j2len.end();
          const std::size_t k = (prev == j2len.end() ? 0 : prev->second) + 1;
          newj2len[j] = k;
          if (k > bestsize) {
            besti = i + 1 - k;
            bestj = j + 1 - k;
            bestsize = k;
          }
        }
      }
      j2len = std::move(newj2len);
    }
    // Popular elements were dropped from b2j; extend the match over them.
    while (besti > alo && bestj > blo && a_[besti - 1] == b_[bestj - 1]) {
      --besti;
      --bestj;
      ++bestsize;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a_[besti + bestsize] == b_[bestj + bestsize]) {
      ++bestsize;
    }
    return {besti, bestj, bestsize};
  }

  std::u32string a_, b_;
  std::map<char32_t, std::vector<std::size_t>> b2j_;
};

}  // namespace

double similarity_ratio(std::string_view a, std::string_view b) {
  const std::u32string ua = decode(a), ub = decode(b);
  const std::size_t length = ua.size() + ub.size();
  if (length == 0) return 1.0;
  return 2.0 * static_cast<double>(SequenceMatcher(ua, ub).matches()) / static_cast<double>(length);
}

std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t n, double cutoff) {
  std::vector<std::pair<double, std::string>> scored;
  const std::size_t word_len = codepoint_count(word);
  for (const auto& candidate : candidates) {
    // real_quick_ratio: an upper bound from the lengths alone.
    const std::size_t cand_len = codepoint_count(candidate);
    const std::size_t total = word_len + cand_len;
    if (total > 0 && 2.0 * static_cast<double>(std::min(word_len, cand_len)) / static_cast<double>(total) < cutoff) {
      continue;
    }
    const double score = similarity_ratio(candidate, word);
    if (score >= cutoff) scored.emplace_back(score, candidate);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x > y; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  const std::string last = std::string(" ") + std::string(conjunction) + " ";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? (items.size() > 2 ? "," + last : last) : ", ";
    out += "`" + items[i] + "`";
  }
  return out;
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = text.find(sep, start);
    out.emplace_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

// Glob with `*` (no '/'), `**` (any, including '/'), `?` and `[...]`.
bool is_glob_match(std::string_view p, std::string_view t) {
  std::size_t pi = 0, ti = 0;
  if (pi == p.size()) return ti == t.size();
  if (p.substr(pi, 2) == "**") {
    std::string_view rest = p.substr(pi + 2);
    if (!rest.empty() && rest.front() == '/') {
      // "**/" also matches zero directories.
      if (is_glob_match(rest.substr(1), t)) return true;
    }
    for (std::size_t k = ti; k <= t.size(); ++k) {
      if (is_glob_match(rest, t.substr(k))) return true;
    }
    return false;
  }
  const char c = p[pi];
  if (c == '*') {
    for (std::size_t k = ti; k <= t.size(); ++k) {
      if (is_glob_match(p.substr(pi + 1), t.substr(k))) return true;
      if (k < t.size() && t[k] == '/') break;
    }
    return false;
  }
  if (ti == t.size()) return false;
  // `?` and `[...]` match one character, which may be several UTF-8 bytes.
  std::size_t t_next = 0;
  const char32_t tc = decode_utf8(t, t_next);
  if (c == '?') return tc != U'/' && is_glob_match(p.substr(1), t.substr(t_next));
  if (c == '[') {
    const auto close = p.find(']', pi + 1);
    if (close != std::string_view::npos) {
      const std::string_view set = p.substr(pi + 1, close - pi - 1);
      std::size_t k = 0;
      const bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
      if (negate) ++k;
      bool hit = false;
      while (k < set.size()) {
        const char32_t low = decode_utf8(set, k);
        if (k + 1 < set.size() && set[k] == '-') {
          ++k;
          const char32_t high = decode_utf8(set, k);
          hit |= tc >= low && tc <= high;
        } else {
          hit |= tc == low;
        }
      }
      return hit != negate && is_glob_match(p.substr(close + 1), t.substr(t_next));
    }
  }
  return c == t[ti] && is_glob_match(p.substr(1), t.substr(1));
}

std::string python_str_repr(const std::string& s) {
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) {
      // Not str.isprintable(): control characters, NBSP and the soft hyphen.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x200B || cp == 0xFEFF) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  out += quote;
  return out;
}

std::string printable(std::string_view text) {
  bool clean = true;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || b >= 0x80) {
      clean = false;
      break;
    }
  }
  if (clean) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    if (cp == '\t') {
      out += ' ';
    } else if (cp < 0x20) {
      append_utf8(out, 0x2400 + cp);
    } else if (cp == 0x7F) {
      append_utf8(out, 0x2421);
    } else if ((cp >= 0x80 && cp <= 0x9F) || (cp == 0xFFFD && text.substr(start, 3) != "\xEF\xBF\xBD")) {
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace kedrolint::core
