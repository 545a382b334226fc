// `kedrolint graph`: a picture of a registered pipeline (Mermaid, Graphviz
// DOT) or a Kedro-Viz save-file folder of the registered pipelines.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/project_model.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"
#include "report/kedro_viz.hpp"
#include "report/pipeline_picture.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

namespace {

struct GraphArgs {
  std::string path = ".";
  std::optional<std::string> pipeline, output, env;
  std::string format = "mermaid";
  bool no_params = false;
};

// What is drawn is what could be established: say so when it is not all.
void warn_if_incomplete(const model::RegisteredPipeline& p) {
  if (p.pipeline->complete()) return;
  std::cerr << "kedrolint: pipeline `" << p.name << "` is incomplete: " << p.pipeline->unknowns.size()
            << " construct(s) cannot be evaluated statically (KL010, see `kedrolint check`); only the nodes that "
               "could be established are shown\n";
}

// Kedro-Viz's load-file server rejects ids that are not plain file names.
bool safe_file_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\\') == std::string::npos;
}

int write_viz(const model::Project& project, const GraphArgs& args) {
  if (!args.output) {
    std::cerr << "kedrolint: --format viz writes a folder: give it with --output DIR\n";
    return 2;
  }
  for (const auto& name : project.registration_order) {
    if (!args.pipeline || name == *args.pipeline) warn_if_incomplete(project.pipelines.at(name));
  }
  const fs::path dir(*args.output);
  std::error_code ec;
  for (const char* sub : {"api/nodes", "api/pipelines"}) {
    fs::create_directories(dir / sub, ec);
    if (ec) {
      std::cerr << "kedrolint: cannot create " << (dir / sub).string() << ": " << ec.message() << "\n";
      return 2;
    }
  }
  for (const auto& file : report::kedro_viz_files(project, args.pipeline)) {
    if (!safe_file_name(fs::path(file.path).filename().string())) {
      std::cerr << "kedrolint: skipping " << file.path << ": Kedro-Viz cannot serve that name\n";
      continue;
    }
    if (!write_output(dir / file.path, [&](std::ostream& out) { out << file.content; })) return 2;
  }
  return 0;
}

}  // namespace

Runner add_graph_command(CLI::App& app) {
  auto args = std::make_shared<GraphArgs>();
  auto* cmd = app.add_subcommand("graph", "Draw a registered pipeline (Mermaid, Graphviz DOT), or write a Kedro-Viz "
                                          "folder that `kedro viz run --load-file` shows.");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--pipeline,-p", args->pipeline,
                  "The registered pipeline (default: __default__; for viz: every registered pipeline)");
  cmd->add_option("--format", args->format, "mermaid, dot or viz (default: mermaid)")
      ->check(CLI::IsMember({"mermaid", "dot", "viz"}));
  cmd->add_option("--output,-o", args->output, "Write to FILE (mermaid, dot) or into DIR (viz) instead of stdout");
  cmd->add_option("--env,-e", args->env, kEnvHelp);
  cmd->add_flag("--no-params", args->no_params, "Leave out the `params:` and `parameters` inputs (mermaid, dot)");
  return [args] {
    engine::CheckOptions options;
    options.env = args->env;
    const auto model = load_project_model(args->path, options, ModelNeeds::Pipelines);
    if (!model) return 2;
    const auto& result = model->result;
    const auto& project = result.project;
    const std::string name = args->pipeline.value_or("__default__");
    if ((args->pipeline || args->format != "viz") && !project.pipelines.count(name)) {
      std::cerr << "kedrolint: no registered pipeline named `" << name << "`\n";
      return 2;
    }
    if (args->format == "viz") return write_viz(project, *args);
    const auto& pipeline = project.pipelines.at(name);
    warn_if_incomplete(pipeline);
    const auto picture = report::build_picture(project, pipeline, {!args->no_params});
    const bool ok = write_output(args->output ? std::optional<fs::path>(*args->output) : std::nullopt,
                                 [&](std::ostream& out) {
                                   if (args->format == "dot") report::write_picture_dot(picture, out);
                                   else report::write_picture_mermaid(picture, out);
                                 });
    return ok ? 0 : 2;
  };
}

}  // namespace kedrolint::cli
