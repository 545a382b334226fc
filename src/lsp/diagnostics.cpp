#include "lsp/diagnostics.hpp"

#include "lsp/uri.hpp"
#include "report/report.hpp"

namespace kedrolint::lsp {
using nlohmann::json;

namespace {

int lsp_severity(core::Severity s) {
  switch (s) {
    case core::Severity::Error: return 1;
    case core::Severity::Warning: return 2;
    case core::Severity::Note: return 3;  // Information
  }
  return 2;
}

}  // namespace

json to_lsp_range(const core::SourceMap& sources, core::Span span) {
  const report::Range r = report::display_range(sources, span);
  return {{"start", {{"line", r.start.line - 1}, {"character", r.start.utf16_column - 1}}},
          {"end", {{"line", r.end.line - 1}, {"character", r.end.utf16_column - 1}}}};
}

json to_lsp_diagnostic(const core::Diagnostic& d, const core::SourceMap& sources) {
  std::string message = d.message;
  if (d.help) message += "\nhelp: " + *d.help;
  json related = json::array();
  for (const auto& label : d.related) {
    if (!label.span.valid()) continue;
    related.push_back({{"location", {{"uri", uri_of_path(sources.get(label.span.file).path())},
                                     {"range", to_lsp_range(sources, label.span)}}},
                       {"message", label.message}});
  }
  json out = {{"range", to_lsp_range(sources, d.primary)},
              {"severity", lsp_severity(d.severity)},
              {"code", d.code},
              {"codeDescription", {{"href", report::rule_url(d.code)}}},
              {"source", "kedrolint"},
              {"message", message}};
  if (!related.empty()) out["relatedInformation"] = related;
  return out;
}

}  // namespace kedrolint::lsp
