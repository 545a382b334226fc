#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "rules/rule.hpp"

namespace kedrolint::report {
namespace {

nlohmann::ordered_json position(const core::Position& p) {
  return {{"row", p.line}, {"column", p.column}};
}

nlohmann::ordered_json located(const core::SourceMap& sources, core::Span span) {
  const Range r = display_range(sources, span);
  return {{"filename", sources.get(span.file).display_path()},
          {"location", position(r.start)},
          {"end_location", position(r.end)}};
}

}  // namespace

void write_json(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    const auto* rule = rules::find_rule(d.code);
    nlohmann::ordered_json item;
    item["code"] = d.code;
    item["name"] = rule ? std::string(rule->name) : std::string();
    item["severity"] = std::string(core::to_string(d.severity));
    item["message"] = d.message;
    const auto where = located(ctx.sources, d.primary);
    for (const auto& [k, v] : where.items()) item[k] = v;
    item["help"] = d.help ? nlohmann::ordered_json(*d.help) : nlohmann::ordered_json();
    auto related = nlohmann::ordered_json::array();
    for (const auto& label : d.related) {
      nlohmann::ordered_json r;
      r["message"] = label.message;
      const auto label_where = located(ctx.sources, label.span);
      for (const auto& [k, v] : label_where.items()) r[k] = v;
      related.push_back(std::move(r));
    }
    item["related"] = std::move(related);
    item["url"] = rule_url(d.code);
    array.push_back(std::move(item));
  }
  out << array.dump(2) << "\n";
}

}  // namespace kedrolint::report
