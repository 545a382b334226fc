#include "fixture_expectations.hpp"

#include <fstream>
#include <sstream>

namespace kedrolint::testing {
namespace fs = std::filesystem;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct Marker {
  Expectation::Kind kind;
  std::string_view prefix;
};
constexpr Marker kMarkers[] = {{Expectation::Kind::None, "# expect-none:"},
                               {Expectation::Kind::Todo, "# expect-todo:"},
                               {Expectation::Kind::Expect, "# expect:"}};

// Parses `KL301 "text" KL302@4` after the marker.
std::vector<Expectation> parse_items(std::string_view rest, Expectation::Kind kind) {
  std::vector<Expectation> out;
  std::size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (i >= rest.size()) break;
    if (rest[i] == '"') {
      const auto close = rest.find('"', i + 1);
      if (!out.empty()) out.back().contains = std::string(rest.substr(i + 1, close - i - 1));
      i = close == std::string_view::npos ? rest.size() : close + 1;
      continue;
    }
    std::size_t end = i;
    while (end < rest.size() && rest[end] != ' ') ++end;
    std::string_view token = rest.substr(i, end - i);
    Expectation e;
    e.kind = kind;
    if (const auto at = token.find('@'); at != std::string_view::npos) {
      e.column = static_cast<std::uint32_t>(std::stoul(std::string(token.substr(at + 1))));
      token = token.substr(0, at);
    }
    e.code = std::string(token);
    out.push_back(std::move(e));
    i = end;
  }
  return out;
}

}  // namespace

std::vector<Expectation> parse_expectations(const std::string& file, const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<Expectation> out, pending;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const auto line_no = static_cast<std::uint32_t>(n + 1);
    const std::string_view line = lines[n];
    bool found = false;
    for (const auto& marker : kMarkers) {
      const auto pos = line.find(marker.prefix);
      if (pos == std::string_view::npos) continue;
      found = true;
      auto items = parse_items(trim(line.substr(pos + marker.prefix.size())), marker.kind);
      const bool own_line = trim(line.substr(0, pos)).empty();
      for (auto& e : items) {
        e.file = file;
        e.written_on = line_no;
        e.line = line_no;
        (own_line ? pending : out).push_back(std::move(e));
      }
      break;
    }
    if (found) continue;
    for (auto& e : pending) {
      e.line = line_no;
      out.push_back(std::move(e));
    }
    pending.clear();
  }
  return out;
}

std::vector<Expectation> read_expectations(const fs::path& root) {
  std::vector<Expectation> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    const auto ext = it->path().extension().string();
    if (ext != ".py" && ext != ".yml" && ext != ".yaml" && ext != ".toml" && ext != ".ini") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto found = parse_expectations(it->path().lexically_relative(root).generic_string(), text.str());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace kedrolint::testing
