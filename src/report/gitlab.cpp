#include <map>
#include <nlohmann/json.hpp>

#include "model/naming.hpp"
#include "report/fingerprint.hpp"
#include "report/report.hpp"

namespace kedrolint::report {
namespace {

// GitLab Code Quality severities: info, minor, major, critical, blocker.
std::string_view gitlab_severity(core::Severity s) {
  switch (s) {
    case core::Severity::Error: return "major";
    case core::Severity::Warning: return "minor";
    case core::Severity::Note: return "info";
  }
  return "minor";
}

}  // namespace

// GitLab's Code Quality report (a subset of the Code Climate spec): one
// object per finding; `fingerprint` identifies it across pipelines, so it is
// built from the rule, the file, GitHub's content-based line hash (stable
// when lines move) and the message, never from line numbers.
void write_gitlab(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out) {
  std::map<core::FileId, std::vector<std::string>> hashes;
  auto array = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    const core::SourceFile& file = ctx.sources.get(d.primary.file);
    auto [it, fresh] = hashes.try_emplace(d.primary.file);
    if (fresh) it->second = line_hashes(file.text());
    const Range r = display_range(ctx.sources, d.primary);
    const std::string line_hash = r.start.line <= it->second.size() ? it->second[r.start.line - 1] : "";
    nlohmann::ordered_json item;
    item["description"] = d.message + " [" + d.code + "]";
    item["check_name"] = d.code;
    // Unique per finding (GitLab drops duplicates), stable across pipelines.
    item["fingerprint"] = model::sha256_hex(d.code + '\0' + file.display_path() + '\0' + line_hash + '\0' + d.message)
                              .substr(0, 32);
    item["severity"] = std::string(gitlab_severity(d.severity));
    item["location"] = {{"path", file.display_path()}, {"lines", {{"begin", r.start.line}, {"end", r.end.line}}}};
    array.push_back(std::move(item));
  }
  out << array.dump(2) << "\n";
}

}  // namespace kedrolint::report
