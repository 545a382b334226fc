// `kedrolint artifacts`: every dataset with its artifact kind, class,
// evidence, and where it is produced and consumed.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/project_model.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"

namespace kedrolint::cli {
namespace {

// Where a piece of evidence is written, as `kedrolint export` gives it.
nlohmann::ordered_json location(const core::SourceMap& sources, core::Span span) {
  if (!span.valid()) return nullptr;
  const auto& file = sources.get(span.file);
  const auto pos = file.position(span.begin);
  return {{"file", file.display_path()}, {"line", pos.line}, {"column", pos.column}};
}

}  // namespace


Runner add_artifacts_command(CLI::App& app) {
  struct Args {
    std::string path = ".";
    std::optional<std::string> env;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("artifacts", "List the datasets with their artifact kind (model, table, metrics, "
                                              "plot...), class, evidence, producers and consumers.");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--env,-e", args->env, kEnvHelp);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  return [args] {
    engine::CheckOptions options;
    options.env = args->env;
    const auto model = load_project_model(args->path, options, ModelNeeds::Catalog);
    if (!model) return 2;
    const auto& result = model->result;
    auto& sources = model->sources;
    const auto& project = result.project;
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> uses;
    for (const auto& n : project.registered_nodes()) {
      for (const auto& o : n->outputs) uses[o.name].first.push_back(n->name);
      for (const auto& i : n->inputs) uses[i.name].second.push_back(n->name);
    }
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    std::size_t width = 8;
    for (const auto& [name, k] : project.kinds) width = std::max(width, name.size() + 2);
    if (args->format == "text") {
      std::cout << std::left << std::setw(static_cast<int>(width)) << "dataset" << std::setw(9) << "kind" << "class / evidence\n";
    }
    for (const auto& [name, k] : project.kinds) {
      auto d = project.datasets.find(name);
      const std::string type = d == project.datasets.end() ? "?" : d->second.type;
      auto& [producers, consumers] = uses[name];
      std::sort(producers.begin(), producers.end());
      std::sort(consumers.begin(), consumers.end());
      if (args->format == "text") {
        std::cout << std::setw(static_cast<int>(width)) << name << std::setw(9) << k.kind << type << "\n";
        for (const auto& e : k.evidence) {
          if (e.source == "class") continue;
          std::cout << std::setw(static_cast<int>(width + 9)) << "" << e.source << ": " << (e.kind.empty() ? "-" : e.kind)
                    << (e.weak ? " (weak)" : "") << ", " << e.detail() << "\n";
        }
        if (!producers.empty() || !consumers.empty()) {
          std::cout << std::setw(static_cast<int>(width + 9)) << "" << "produced by " << (producers.empty() ? "-" : core::join(producers, ", "))
                    << "; consumed by " << (consumers.empty() ? "-" : core::join(consumers, ", ")) << "\n";
        }
      }
      nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
      for (const auto& e : k.evidence) {
        evidence.push_back({{"source", std::string(e.source)},
                            {"kind", e.kind.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(e.kind))},
                            {"weak", e.weak},
                            {"detail", e.detail()},
                            {"location", location(sources, e.span)}});
      }
      json.push_back({{"dataset", name},
                      {"kind", std::string(k.kind)},
                      {"type", type},
                      {"class", d == project.datasets.end() || d->second.resolved.qualified.empty()
                                    ? nlohmann::ordered_json(nullptr)
                                    : nlohmann::ordered_json(d->second.resolved.qualified)},
                      {"evidence", evidence},
                      {"produced_by", producers},
                      {"consumed_by", consumers}});
    }
    if (args->format == "json") std::cout << json.dump(2) << "\n";
    return 0;
  };
}

}  // namespace kedrolint::cli
