#include "report/deps.hpp"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace kedrolint::report {
namespace {

using Json = nlohmann::ordered_json;

std::string where(const model::Project& project, core::Span span) {
  if (!span.valid()) return {};
  const auto& file = project.sources->get(span.file);
  return file.display_path() + ":" + std::to_string(file.position(span.begin).line);
}

// Why an import is needed, shortest first: a module, a function, a dataset.
std::string reason(const model::ImportNeed& n) {
  if (n.implicit) return "runs every pipeline";
  std::vector<std::string> parts;
  if (!n.modules.empty()) parts.push_back("imported by " + *n.modules.begin() +
                                          (n.modules.size() > 1 ? " (+" + std::to_string(n.modules.size() - 1) + ")" : ""));
  if (!n.functions.empty()) parts.push_back("node function " + *n.functions.begin());
  if (!n.datasets.empty()) parts.push_back("dataset " + *n.datasets.begin() +
                                           (n.datasets.size() > 1 ? " (+" + std::to_string(n.datasets.size() - 1) + ")" : ""));
  return core::join(parts, "; ");
}

void write_group_text(const DepsGroup& g, const std::string& by, std::ostream& out) {
  out << by << " " << g.name << ": " << g.nodes << " node" << (g.nodes == 1 ? "" : "s")
      << (g.deps.complete ? "" : " (incomplete: what cannot be evaluated statically is missing, see KL010)") << "\n";
  out << "  requirements:\n";
  if (g.deps.requirements.empty()) out << "    none declared\n";
  for (const auto* r : g.deps.requirements) {
    std::vector<std::string> imports;
    for (const auto& n : g.deps.imports) {
      if (n.requirement == r) imports.push_back(n.name);
    }
    out << "    " << std::left << std::setw(36) << r->text << " " << core::join(imports, ", ") << "\n";
  }
  bool header = false;
  for (const auto& n : g.deps.imports) {
    if (n.requirement || n.optional) continue;
    if (!header) out << "  needed but not declared (import -> distribution):\n";
    header = true;
    out << "    " << std::left << std::setw(36) << (n.name + " -> " + n.distributions.front()) << " " << reason(n) << "\n";
  }
  header = false;
  for (const auto& n : g.deps.imports) {
    if (!n.optional) continue;
    if (!header) out << "  optional (every import guarded by `except ImportError`):\n";
    header = true;
    out << "    " << std::left << std::setw(36) << n.name << " " << reason(n) << "\n";
  }
}

Json strings(const std::set<std::string>& items) { return Json(std::vector<std::string>(items.begin(), items.end())); }

Json group_json(const DepsGroup& g) {
  Json imports = Json::array();
  for (const auto& n : g.deps.imports) {
    imports.push_back({{"import", n.name},
                       {"requirement", n.requirement ? Json(n.requirement->text) : Json(nullptr)},
                       {"distribution", n.requirement ? n.requirement->name : n.distributions.front()},
                       {"optional", n.optional},
                       {"modules", strings(n.modules)},
                       {"functions", strings(n.functions)},
                       {"datasets", strings(n.datasets)}});
  }
  Json requirements = Json::array();
  for (const auto* r : g.deps.requirements) requirements.push_back(r->text);
  return {{"name", g.name},
          {"nodes", g.nodes},
          {"complete", g.deps.complete},
          {"requirements", std::move(requirements)},
          {"imports", std::move(imports)},
          {"modules", strings(g.deps.modules)}};
}

}  // namespace

void write_deps_text(const model::Project& project, const DepsReport& report, std::ostream& out) {
  for (const auto& g : report.groups) {
    write_group_text(g, report.by, out);
    out << "\n";
  }
  out << "declared but needed by no pipeline" << (report.unused_certain ? "" : " (some pipelines are incomplete: check before removing)")
      << ":\n";
  if (report.unused.empty()) out << "  none\n";
  for (const auto* r : report.unused) out << "  " << std::left << std::setw(36) << r->text << " " << where(project, r->span) << "\n";
}

void write_deps_json(const model::Project& project, const DepsReport& report, std::ostream& out) {
  Json j;
  j["by"] = report.by;
  j["groups"] = Json::array();
  for (const auto& g : report.groups) j["groups"].push_back(group_json(g));
  auto requirement = [&](const model::Requirement& r) {
    const std::string at = where(project, r.span);
    const auto colon = at.rfind(':');
    return Json{{"requirement", r.text},
                {"distribution", r.name},
                {"file", colon == std::string::npos ? Json(nullptr) : Json(at.substr(0, colon))},
                {"line", colon == std::string::npos ? Json(nullptr) : Json(std::stoi(at.substr(colon + 1)))}};
  };
  j["declared"] = Json::array();
  if (report.declared) {
    for (const auto& r : *report.declared) j["declared"].push_back(requirement(r));
  }
  j["unused"] = Json::array();
  for (const auto* r : report.unused) j["unused"].push_back(requirement(*r));
  j["unused_certain"] = report.unused_certain;
  out << j.dump(2) << "\n";
}

}  // namespace kedrolint::report
