// `kedrolint deps`: the third-party requirements each registered pipeline
// (or deployment group) needs, and the declared ones no pipeline needs.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/project_model.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"
#include "model/dependencies.hpp"
#include "report/deps.hpp"

namespace kedrolint::cli {
namespace {

struct DepsArgs {
  std::string path = ".";
  std::string by = "pipeline";
  std::string format = "text";
  std::optional<std::string> env, pipeline, groups;
};

std::vector<model::NodePtr> nodes_of(const model::RegisteredPipeline& p) {
  std::vector<model::NodePtr> nodes = p.order.order;
  nodes.insert(nodes.end(), p.order.cyclic.begin(), p.order.cyclic.end());
  return nodes;
}

// The deployment groups of the deployed pipeline, as `kedrolint groups` computes them.
std::optional<std::vector<report::DepsGroup>> group_needs(const engine::CheckResult& result, const DepsArgs& args,
                                                          const std::vector<model::Requirement>& declared) {
  model::DeployConfig config = result.settings.deploy;
  config.enabled = true;
  if (args.pipeline) config.pipeline = *args.pipeline;
  std::vector<core::Finding> problems;
  auto d = model::build_deployment(result.project, config, problems);
  if (!d) return std::nullopt;
  const bool complete = result.project.pipelines.at(d->pipeline).pipeline->complete();
  std::vector<report::DepsGroup> out;
  for (const auto& g : d->groups) {
    out.push_back({g.name, g.nodes.size(), model::dependencies_of(result.project, g.nodes, declared)});
    out.back().deps.complete = out.back().deps.complete && complete;
  }
  return out;
}

}  // namespace

Runner add_deps_command(CLI::App& app) {
  auto args = std::make_shared<DepsArgs>();
  auto* cmd = app.add_subcommand("deps", "List the third-party requirements each pipeline (or deployment group) "
                                         "needs, and the declared requirements no pipeline needs.");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--by", args->by, "pipeline (each registered pipeline) or group (the deployment groups)")
      ->check(CLI::IsMember({"pipeline", "group"}));
  cmd->add_option("--pipeline,-p", args->pipeline, "Only this registered pipeline (with --by group: the deployed one)");
  cmd->add_option("--groups", args->groups, "With --by group: namespace, tags:<prefix>, pipelines, memory or file");
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--env,-e", args->env, kEnvHelp);
  return [args] {
    engine::CheckOptions options;
    options.env = args->env;
    options.deploy_groups = args->groups.value_or("");
    const auto model = load_project_model(args->path, options, ModelNeeds::Pipelines);
    if (!model) return 2;
    const auto& result = model->result;
    auto& sources = model->sources;
    const auto& project = result.project;
    if (args->pipeline && !project.pipelines.count(*args->pipeline)) {
      std::cerr << "kedrolint: no registered pipeline named `" << *args->pipeline << "`\n";
      return 2;
    }
    const auto declared = model::read_requirements(project.layout, sources);
    report::DepsReport rep;
    rep.by = args->by;
    rep.declared = &declared;
    std::vector<model::Dependencies> all;
    for (const auto& [name, p] : project.pipelines) {
      all.push_back(model::dependencies_of(project, nodes_of(p), declared));
      all.back().complete = all.back().complete && p.pipeline->complete();
      rep.unused_certain = rep.unused_certain && all.back().complete;
      if (args->by == "pipeline" && (!args->pipeline || name == *args->pipeline)) {
        rep.groups.push_back({name, p.pipeline->nodes.size(), all.back()});
      }
    }
    rep.unused = model::unused_requirements(declared, all);
    if (args->by == "group") {
      auto groups = group_needs(result, *args, declared);
      if (!groups) {
        std::cerr << "kedrolint: the deployment groups could not be computed (see `kedrolint groups`)\n";
        return 2;
      }
      rep.groups = std::move(*groups);
    }
    for (const auto& g : rep.groups) {
      if (!g.deps.complete) {
        std::cerr << "kedrolint: " << args->by << " `" << g.name
                  << "` is incomplete: its requirements may miss what cannot be evaluated statically (KL010)\n";
      }
    }
    return write_output(std::nullopt, [&](std::ostream& out) {
             if (args->format == "json") report::write_deps_json(project, rep, out);
             else report::write_deps_text(project, rep, out);
           })
               ? 0
               : 2;
  };
}

}  // namespace kedrolint::cli
