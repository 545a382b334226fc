#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
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
  cmd->add_option("--env,-e", args->env, "Kedro configuration environment (default: settings.py's default_run_env, else local)");
  return [args] {
    auto root = project::find_project_root(args->path);
    if (!root) {
      std::cerr << "kedrolint: " << args->path << " is not inside a Kedro project\n";
      return 2;
    }
    engine::CheckOptions options;
    options.env = args->env;
    options.select = std::vector<std::string>{};
    core::SourceMap sources(*root);
    const auto result = engine::check_project(*root, options, sources);
    if (!result.analysed()) {
      std::cerr << "kedrolint: the project at " << root->string() << " could not be read (run `kedrolint check`)\n";
      return 2;
    }
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
