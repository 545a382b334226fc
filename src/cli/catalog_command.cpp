#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/project_model.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

namespace {

std::string where(const model::Project& project, const model::ResolvedDataset& d) {
  if (!d.entry) return "-";
  const auto& file = project.sources->get(d.entry->key_span.file);
  const auto pos = file.position(d.entry->key_span.begin);
  return file.display_path() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

}  // namespace

Runner add_catalog_command(CLI::App& app) {
  struct Args {
    std::string path = ".";
    std::optional<std::string> pipeline;
    std::optional<std::string> env;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "catalog", "Show how each dataset of the registered pipelines is backed: catalog entry, factory pattern or the "
                 "default MemoryDataset, with its type and where it is defined.");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--pipeline,-p", args->pipeline, "Only this registered pipeline");
  cmd->add_option("--env,-e", args->env, kEnvHelp);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  return [args] {
    engine::CheckOptions options;
    options.env = args->env;
    const auto model = load_project_model(args->path, options, ModelNeeds::Catalog);
    if (!model) return 2;
    const auto& result = model->result;
    const auto& project = result.project;
    if (args->pipeline && !project.pipelines.count(*args->pipeline)) {
      std::cerr << "kedrolint: no registered pipeline named `" << *args->pipeline << "`\n";
      return 2;
    }
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& [name, reg] : project.pipelines) {
      if (args->pipeline && name != *args->pipeline) continue;
      const auto& datasets = reg.datasets;
      std::size_t name_width = 9, type_width = 6;
      for (const auto& ds : datasets) {
        name_width = std::max(name_width, ds.size() + 2);
        if (auto it = project.datasets.find(ds); it != project.datasets.end()) {
          type_width = std::max(type_width, it->second.type.size() + 2);
        }
      }
      const int nw = static_cast<int>(name_width), tw = static_cast<int>(type_width);
      if (args->format == "text") {
        std::cout << "Pipeline " << name << (reg.pipeline->complete() ? "" : " (incomplete: see KL010)") << "\n";
        std::cout << "  " << std::left << std::setw(nw) << "dataset" << std::setw(9) << "source" << std::setw(tw)
                  << "type" << std::setw(11) << "persisted" << "defined at\n";
      }
      nlohmann::ordered_json list = nlohmann::ordered_json::object();
      for (const auto& ds : datasets) {
        auto it = project.datasets.find(ds);
        if (it == project.datasets.end()) continue;  // parameters
        const auto& d = it->second;
        const std::string source(model::to_string(d.source));
        const std::string at = where(project, d);
        if (args->format == "text") {
          std::cout << "  " << std::setw(nw) << ds << std::setw(9) << source << std::setw(tw) << d.type
                    << std::setw(11) << (d.persisted ? "yes" : "no") << at
                    << (d.source == model::ResolvedDataset::Source::Factory ? " (\"" + d.entry->name + "\")" : "")
                    << "\n";
        }
        list[ds] = {{"source", source},
                    {"pattern", d.source == model::ResolvedDataset::Source::Factory ? nlohmann::ordered_json(d.entry->name)
                                                                                    : nlohmann::ordered_json(nullptr)},
                    {"type", d.type},
                    {"persisted", d.persisted},
                    {"defined_at", d.entry ? nlohmann::ordered_json(at) : nlohmann::ordered_json(nullptr)}};
      }
      if (args->format == "text") std::cout << "\n";
      json[name] = std::move(list);
    }
    if (args->format == "json") std::cout << json.dump(2) << "\n";
    return 0;
  };
}

}  // namespace kedrolint::cli
