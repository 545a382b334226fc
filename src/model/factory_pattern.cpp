#include "model/factory_pattern.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "core/utf8.hpp"

namespace kedrolint::model {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `text` equals the lower-cased `lowered`, ignoring ASCII case (re.IGNORECASE).
bool equals_ignore_case(std::string_view text, std::string_view lowered) {
  if (text.size() != lowered.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))) != lowered[i]) return false;
  }
  return true;
}

// Length of the longest prefix of `s` that the typed field accepts, as a
// predicate over candidate lengths (parse's type regexes, greedy).
bool type_accepts(char type, std::string_view s) {
  if (s.empty()) return false;
  auto all = [&](auto pred) {
    for (const char c : s) {
      if (!pred(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  switch (type) {
    case 'd': {
      const std::size_t i = (s[0] == '-' || s[0] == '+' || s[0] == ' ') ? 1 : 0;
      return i < s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    }
    case 'w': return all([](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; });
    case 'W': return all([](unsigned char c) { return !(std::isalnum(c) || c == '_' || c >= 0x80); });
    case 's': return all([](unsigned char c) { return std::isspace(c) != 0; });
    case 'S': return all([](unsigned char c) { return !std::isspace(c); });
    case 'l': return all([](unsigned char c) { return std::isalpha(c) != 0; });
    case 'D': return all([](unsigned char c) { return !std::isdigit(c); });
    default: return false;
  }
}

std::string convert(char type, std::string_view s) {
  if (type != 'd') return std::string(s);
  std::string sign;
  std::size_t i = 0;
  if (s[0] == '-' ) sign = "-", i = 1;
  else if (s[0] == '+' || s[0] == ' ') i = 1;
  while (i + 1 < s.size() && s[i] == '0') ++i;
  const std::string digits(s.substr(i));
  return digits == "0" ? digits : sign + digits;
}

// parse 1.19's extract_format: [[fill]align][0][width][.precision][type],
// the type one of ALLOWED_TYPES.
bool parse_accepts_spec(std::string_view spec) {
  if (spec.empty()) return true;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  if (is_align(spec[0])) {
    spec.remove_prefix(1);
  } else if (spec.size() > 1 && is_align(spec[1])) {
    spec.remove_prefix(2);
  }
  if (!spec.empty() && spec[0] == '0') spec.remove_prefix(1);
  auto skip_digits = [&] {
    while (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0]))) spec.remove_prefix(1);
  };
  skip_digits();
  if (!spec.empty() && spec[0] == '.') {
    spec.remove_prefix(1);
    skip_digits();
  }
  if (spec.empty()) return true;
  if (spec.size() == 1) return std::string_view("nbox%fFegwWdDsSl").find(spec[0]) != std::string_view::npos;
  return spec.size() == 2 && spec[0] == 't' && std::string_view("ieahgcts").find(spec[1]) != std::string_view::npos;
}

}  // namespace

std::vector<std::string> find_placeholders(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    const auto close = text.find('}', i + 1);
    if (close == std::string_view::npos) break;
    out.emplace_back(text.substr(i, close - i + 1));
    i = close + 1;
  }
  return out;
}

char FactoryPattern::field_type(std::string_view name) const {
  for (const auto& part : parts_) {
    if (part.field && part.name == name) return part.type;
  }
  return 0;
}

std::optional<FactoryPattern> FactoryPattern::compile(const std::string& pattern, std::string& error,
                                                      bool* unsupported) {
  FactoryPattern p;
  p.text_ = pattern;
  p.placeholders_ = find_placeholders(pattern);
  // Specificity: len(re.sub(r"\{.*?\}", "", pattern)) in code points.
  std::string outside;
  {
    std::size_t i = 0;
    while (i < pattern.size()) {
      const auto open = pattern.find('{', i);
      if (open == std::string::npos) {
        outside += pattern.substr(i);
        break;
      }
      const auto close = pattern.find('}', open + 1);
      if (close == std::string::npos) {
        outside += pattern.substr(i);
        break;
      }
      outside += pattern.substr(i, open - i);
      i = close + 1;
    }
  }
  p.specificity_ = core::codepoint_count(outside);
  p.braces_ = static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '{'));
  Part literal;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      literal.literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      error = "unbalanced `}` at position " + std::to_string(i + 1);
      return std::nullopt;
    }
    if (c != '{') {
      literal.literal += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    const auto close = pattern.find('}', i + 1);
    if (close == std::string::npos) {
      error = "unbalanced `{` at position " + std::to_string(i + 1);
      return std::nullopt;
    }
    std::string body = pattern.substr(i + 1, close - i - 1);
    if (body.find('{') != std::string::npos) {
      error = "nested `{` inside a placeholder";
      return std::nullopt;
    }
    Part field;
    field.field = true;
    const auto colon = body.find(':');
    field.name = body.substr(0, colon);
    if (colon != std::string::npos) {
      const std::string spec = body.substr(colon + 1);
      if (!parse_accepts_spec(spec)) {
        error = "the parse library rejects its format `{" + body + "}`: \"format spec '" + spec + "' not recognised\"";
        return std::nullopt;
      }
      if (spec.size() != 1 || std::string_view("dwWsSlD").find(spec[0]) == std::string_view::npos) {
        error = "it uses the format `{" + body + "}`, which kedrolint does not evaluate";
        if (unsupported) *unsupported = true;
        return std::nullopt;
      }
      field.type = spec[0];
    }
    if (!literal.literal.empty()) p.parts_.push_back(std::move(literal));
    literal = Part{};
    p.parts_.push_back(std::move(field));
    i = close;
  }
  if (!literal.literal.empty()) p.parts_.push_back(std::move(literal));
  std::set<std::string_view> names;
  for (const Part& part : p.parts_) {
    if (part.field && !part.name.empty() && !names.insert(part.name).second) p.repeats_a_name_ = true;
  }
  return p;
}

bool FactoryPattern::match_from(std::size_t part, std::string_view name, std::size_t pos,
                                std::map<std::string, std::string>& values, std::vector<bool>* failed) const {
  if (part == parts_.size()) return pos == name.size();
  const std::size_t state = part * (name.size() + 1) + pos;
  if (failed && (*failed)[state]) return false;
  const bool matched = match_part(part, name, pos, values, failed);
  if (!matched && failed) (*failed)[state] = true;
  return matched;
}

bool FactoryPattern::match_part(std::size_t part, std::string_view name, std::size_t pos,
                                std::map<std::string, std::string>& values, std::vector<bool>* failed) const {
  const Part& p = parts_[part];
  if (!p.field) {
    if (name.size() - pos < p.literal.size()) return false;
    if (!equals_ignore_case(name.substr(pos, p.literal.size()), p.literal)) return false;
    return match_from(part + 1, name, pos + p.literal.size(), values, failed);
  }
  if (!p.name.empty()) {
    if (auto it = values.find(p.name); it != values.end() && !p.type) {
      // A repeated name is a backreference (case-insensitive, like re.I).
      const std::string& prev = it->second;
      if (name.size() - pos < prev.size() || lower_ascii(name.substr(pos, prev.size())) != lower_ascii(prev)) {
        return false;
      }
      return match_from(part + 1, name, pos + prev.size(), values, failed);
    }
  }
  // Untyped: lazy, shortest first. Typed: greedy, as their regexes are.
  const std::size_t remaining = name.size() - pos;
  auto attempt = [&](std::size_t len) {
    const std::string_view candidate = name.substr(pos, len);
    if (p.type && !type_accepts(p.type, candidate)) return false;
    auto saved = values;
    if (!p.name.empty()) values[p.name] = p.type ? convert(p.type, candidate) : std::string(candidate);
    if (match_from(part + 1, name, pos + len, values, failed)) return true;
    values = std::move(saved);
    return false;
  };
  if (p.type) {
    for (std::size_t len = remaining; len >= 1; --len) {
      if (attempt(len)) return true;
    }
    return false;
  }
  for (std::size_t len = 1; len <= remaining; ++len) {
    // Do not split a UTF-8 sequence.
    if (pos + len < name.size() && (static_cast<unsigned char>(name[pos + len]) & 0xC0) == 0x80) continue;
    if (attempt(len)) return true;
  }
  return false;
}

std::optional<std::map<std::string, std::string>> FactoryPattern::match(std::string_view name) const {
  // Cheap rejections first: the literal prefix and suffix must be there.
  if (!parts_.empty() && !parts_.front().field) {
    const auto& lit = parts_.front().literal;
    if (name.size() < lit.size() || !equals_ignore_case(name.substr(0, lit.size()), lit)) return std::nullopt;
  }
  if (parts_.size() > 1 && !parts_.back().field) {
    const auto& lit = parts_.back().literal;
    if (name.size() < lit.size() || !equals_ignore_case(name.substr(name.size() - lit.size()), lit)) return std::nullopt;
  }
  // Adjacent untyped fields try every split of the text between them: with
  // k of them that is about n^k tries, unless a failed (field, position) is
  // remembered, which bounds the search to fields x positions.
  std::map<std::string, std::string> values;
  std::vector<bool> failed;
  if (!repeats_a_name_) failed.assign(parts_.size() * (name.size() + 1), false);
  if (!match_from(0, name, 0, values, repeats_a_name_ ? nullptr : &failed)) return std::nullopt;
  return values;
}

bool pattern_ranks_before(const FactoryPattern& a, const FactoryPattern& b) {
  return std::make_tuple(-static_cast<long>(a.specificity()), -static_cast<long>(a.brace_count()), a.text()) <
         std::make_tuple(-static_cast<long>(b.specificity()), -static_cast<long>(b.brace_count()), b.text());
}

}  // namespace kedrolint::model
