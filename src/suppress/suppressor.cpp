#include "suppress/suppressor.hpp"

#include <limits>

#include "rules/rule.hpp"

namespace kedrolint::suppress {

bool entry_names_code(std::string_view entry, std::string_view code, bool prefixes) {
  if (entry == code) return true;
  if (const auto* rule = rules::find_rule(entry); rule && rule->code == code) return true;
  return prefixes && entry.size() >= 2 && code.substr(0, entry.size()) == entry;
}

std::vector<Range> pair_ranges(const std::vector<Directive>& directives, std::vector<const Directive*>* orphans) {
  std::vector<Range> ranges;
  for (const auto& d : directives) {
    if (d.kind == Directive::Kind::Disable) {
      ranges.push_back({&d, nullptr});
    } else if (d.kind == Directive::Kind::Enable) {
      bool closed = false;
      for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
        if (!it->enable && it->disable->codes == d.codes) {
          it->enable = &d;
          closed = true;
          break;
        }
      }
      if (!closed && orphans) orphans->push_back(&d);
    }
  }
  return ranges;
}

Suppressor::Suppressor(const DirectivesByFile& directives) {
  constexpr auto kEnd = std::numeric_limits<std::uint32_t>::max();
  for (const auto& by_file : directives) {
    const auto file = by_file.first;
    const auto& list = by_file.second;
    auto& scopes = scopes_[file];
    auto add = [&](const Directive& d, std::uint32_t first, std::uint32_t last) {
      usage_.entries.push_back({file, &d, std::vector<bool>(std::max<std::size_t>(d.codes.size(), 1), false)});
      scopes.push_back({usage_.entries.size() - 1, first, last});
    };
    for (const auto& d : list) {
      if (d.kind == Directive::Kind::Ignore) add(d, d.first_line, d.last_line);
      if (d.kind == Directive::Kind::FileIgnore) add(d, 0, kEnd);
    }
    for (const auto& range : pair_ranges(list, nullptr)) {
      add(*range.disable, range.disable->first_line, range.enable ? range.enable->first_line : kEnd);
    }
  }
}

bool Suppressor::suppresses(const core::Diagnostic& d, std::uint32_t line, bool bare) {
  auto it = scopes_.find(d.primary.file);
  if (it == scopes_.end()) return false;
  bool hit = false;
  for (const auto& scope : it->second) {
    if (line < scope.first_line || line > scope.last_line) continue;
    auto& entry = usage_.entries[scope.entry];
    const Directive& dir = *entry.directive;
    if (dir.codes.empty()) {
      if (!bare) continue;
      entry.used[0] = true;
      hit = true;
      continue;
    }
    for (std::size_t i = 0; i < dir.codes.size(); ++i) {
      if (entry_names_code(dir.codes[i], d.code, dir.kind == Directive::Kind::FileIgnore)) {
        entry.used[i] = true;
        hit = true;
      }
    }
  }
  return hit;
}

}  // namespace kedrolint::suppress
