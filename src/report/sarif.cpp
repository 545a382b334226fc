#include <map>

#include <nlohmann/json.hpp>

#include "report/fingerprint.hpp"
#include "report/report.hpp"
#include "rules/rule.hpp"

namespace kedrolint::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view level(core::Severity s) {
  switch (s) {
    case core::Severity::Error: return "error";
    case core::Severity::Warning: return "warning";
    case core::Severity::Note: return "note";
  }
  return "warning";
}

// SARIF asks for messages that are complete sentences.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

std::string uri_encode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

Json physical_location(const core::SourceMap& sources, core::Span span) {
  const Range r = display_range(sources, span);
  const core::SourceFile& file = sources.get(span.file);
  Json artifact = {{"uri", uri_encode(file.display_path())}};
  if (file.display_path().empty() || file.display_path().front() != '/') artifact["uriBaseId"] = "%SRCROOT%";
  return {{"artifactLocation", artifact},
          {"region",
           {{"startLine", r.start.line},
            {"startColumn", r.start.column},
            {"endLine", r.end.line},
            {"endColumn", r.end.column}}}};
}

Json rule_descriptor(const rules::RuleInfo& rule) {
  const std::string doc(rule.body->doc);
  Json tags = Json::array({std::string(rules::to_string(rule.category))});
  return {{"id", std::string(rule.code)},
          {"name", std::string(rule.name)},
          {"shortDescription", {{"text", sentence(std::string(rule.body->summary))}}},
          {"fullDescription", {{"text", sentence(std::string(rule.body->summary))}, {"markdown", doc}}},
          {"help", {{"text", doc}, {"markdown", doc}}},
          {"helpUri", rule_url(rule.code)},
          {"defaultConfiguration", {{"level", std::string(level(rule.default_severity))}}},
          {"properties", {{"tags", tags}, {"precision", std::string(rule.body->precision)}}}};
}

}  // namespace

void write_sarif(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out) {
  const auto& rules = rules::all_rules();
  Json descriptors = Json::array();
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    descriptors.push_back(rule_descriptor(rules[i]));
    index[rules[i].code] = i;
  }
  std::map<core::FileId, std::vector<std::string>> hashes;
  Json results = Json::array();
  for (const auto& d : diagnostics) {
    Json result;
    result["ruleId"] = d.code;
    if (auto it = index.find(d.code); it != index.end()) result["ruleIndex"] = it->second;
    result["level"] = std::string(level(d.severity));
    std::string text = sentence(d.message);
    if (d.help) text += " " + sentence(*d.help);
    result["message"] = {{"text", text}};
    result["locations"] = Json::array({{{"physicalLocation", physical_location(ctx.sources, d.primary)}}});
    if (!d.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const auto& label : d.related) {
        related.push_back({{"id", id++},
                           {"physicalLocation", physical_location(ctx.sources, label.span)},
                           {"message", {{"text", sentence(label.message)}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    if (!d.flow.empty()) {
      Json steps = Json::array();
      for (const auto& step : d.flow) {
        steps.push_back({{"location",
                          {{"physicalLocation", physical_location(ctx.sources, step.span)},
                           {"message", {{"text", sentence(step.message)}}}}}});
      }
      result["codeFlows"] = Json::array({{{"threadFlows", Json::array({{{"locations", steps}}})}}});
    }
    auto& file_hashes = hashes[d.primary.file];
    if (file_hashes.empty()) file_hashes = line_hashes(ctx.sources.get(d.primary.file).text());
    const auto line = display_range(ctx.sources, d.primary).start.line;
    if (line >= 1 && line <= file_hashes.size()) {
      result["partialFingerprints"] = {{"primaryLocationLineHash", file_hashes[line - 1]}};
    }
    results.push_back(std::move(result));
  }
  std::string root = ctx.sources.root().generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  Json run;
  run["tool"] = {{"driver",
                  {{"name", "kedrolint"},
                   {"version", ctx.tool_version},
                   {"semanticVersion", ctx.tool_version},
                   {"informationUri", std::string(kHomepage)},
                   {"rules", descriptors}}}};
  run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + uri_encode(root)}}}};
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";
  sarif["runs"] = Json::array({std::move(run)});
  out << sarif.dump(2) << "\n";
}

}  // namespace kedrolint::report
