#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/project_model.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"
#include "model/build.hpp"
#include "report/export.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

Runner add_export_command(CLI::App& app) {
  struct Args {
    std::string path = ".";
    std::optional<std::string> pipeline;
    std::optional<std::string> output;
    std::optional<std::string> env;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("export", "Write the registered pipelines as JSON (schema kedrolint.export/v1).");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--pipeline,-p", args->pipeline, "Only this registered pipeline");
  cmd->add_option("--output,-o", args->output, "Write to FILE (atomically) instead of stdout");
  cmd->add_option("--env,-e", args->env, kEnvHelp);
  return [args] {
    engine::CheckOptions options;
    options.env = args->env;
    const auto model = load_project_model(args->path, options, ModelNeeds::Files);
    if (!model) return 2;
    const auto& result = model->result;
    if (args->pipeline && !result.project.pipelines.count(*args->pipeline)) {
      std::cerr << "kedrolint: no registered pipeline named `" << *args->pipeline << "`\n";
      return 2;
    }
    const auto json = report::build_export(result.project, args->pipeline);
    const bool ok = write_output(args->output ? std::optional<fs::path>(*args->output) : std::nullopt,
                                 [&](std::ostream& out) { out << json.dump(2) << "\n"; });
    return ok ? 0 : 2;
  };
}

}  // namespace kedrolint::cli
