// `kedrolint groups`: shows (or suggests) the deployment groups of a pipeline,
// the datasets crossing them, and the KL4xx checks on that grouping.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"
#include "rules/rule.hpp"
#include "report/groups.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

namespace {

// The KL4xx rules on the groups about to be shown, exactly as `check` runs
// them: a suggestion is shown with every finding it would get.
std::vector<core::Diagnostic> deployment_findings(model::Project& project, const model::Deployment& d,
                                                  const core::SourceMap& sources) {
  project.deployment = d;
  std::vector<core::Diagnostic> out;
  for (const auto& rule : rules::all_rules()) {
    if (rule.category != rules::Category::Deployment) continue;
    rules::RuleContext ctx(rule, rule.default_severity, nullptr);
    rule.body->check(project, ctx);
    for (auto& diagnostic : ctx.take()) out.push_back(std::move(diagnostic));
  }
  engine::sort_diagnostics(out, sources);
  return out;
}

void print_finding(const core::SourceMap& sources, core::Span span, const std::string& message, std::string_view code,
                   std::ostream& out) {
  if (span.valid()) {
    const auto& file = sources.get(span.file);
    const auto pos = file.position(span.begin);
    out << file.display_path() << ":" << pos.line << ":" << pos.column << ": ";
  }
  out << message << " [" << code << "]\n";
}

}  // namespace

Runner add_groups_command(CLI::App& app) {
  struct Args {
    std::string path = ".";
    std::optional<std::string> pipeline, env, by, suggest, write, target, mapping;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("groups", "Show the deployment groups of a pipeline, the data crossing them and the "
                                           "KL4xx checks on them; or suggest a grouping.");
  cmd->add_option("path", args->path, "The project root, or a path inside it (default: .)");
  cmd->add_option("--pipeline,-p", args->pipeline, "The deployed registered pipeline (default: deploy.pipeline or __default__)");
  cmd->add_option("--env,-e", args->env, "Kedro configuration environment (default: settings.py's default_run_env, else local)");
  cmd->add_option("--by", args->by, "Grouping: namespace, tags:<prefix>, pipelines, memory, memory:kedro-airflow or file (default: configured)");
  cmd->add_option("--target", args->target, "Deployment target preset")
      ->check(CLI::IsMember({"airflow", "kubeflow", "vertexai", "sagemaker", "azureml", "mlrun", "databricks", "docker"}));
  cmd->add_option("--mapping", args->mapping, "1:1, M:1 or M:N")->check(CLI::IsMember({"1:1", "M:1", "M:N"}));
  cmd->add_option("--suggest", args->suggest,
                  "Propose a grouping: memory (nodes linked by in-memory data), persistence (only shared storage "
                  "crosses), branches (chains between forks); each made acyclic")
      ->check(CLI::IsMember({"memory", "persistence", "branches"}));
  cmd->add_option("--write", args->write, "Write the groups file (YAML) that reproduces these groups");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "yaml", "mermaid", "dot"}));
  return [args] {
    auto root = project::find_project_root(args->path);
    if (!root) {
      std::cerr << "kedrolint: " << args->path << " is not inside a Kedro project\n";
      return 2;
    }
    engine::CheckOptions options;
    options.env = args->env;
    options.select = std::vector<std::string>{};
    options.deploy_target = args->target.value_or("");
    options.deploy_mapping = args->mapping.value_or("");
    options.deploy_groups = args->by.value_or(args->suggest ? "namespace" : "");
    core::SourceMap sources(*root);
    // Pipeline choice goes through the configuration like every deploy option.
    auto result = engine::check_project(*root, options, sources);
    auto& project = result.project;
    model::DeployConfig config = result.settings.deploy;
    if (!config.enabled) config.enabled = true;
    if (args->pipeline) config.pipeline = *args->pipeline;
    auto it = project.pipelines.find(config.pipeline);
    if (it == project.pipelines.end()) {
      std::cerr << "kedrolint: no registered pipeline named `" << config.pipeline << "`\n";
      return 2;
    }
    if (!project.catalog) {
      std::cerr << "kedrolint: the project's configuration could not be read (run `kedrolint check`)\n";
      return 2;
    }
    std::vector<core::Finding> problems;
    model::Deployment d;
    if (args->suggest) {
      config.mapping = "M:N";
      config.groups = "suggest:" + *args->suggest;
      const auto& nodes = it->second.order.order;
      d = model::assemble_deployment(config, config.pipeline, nodes,
                                     model::suggest_groups(project, nodes, config, *args->suggest));
    } else {
      auto built = model::build_deployment(project, config, problems);
      if (!built) {
        std::cerr << "kedrolint: the deployment could not be computed\n";
        return 2;
      }
      d = std::move(*built);
      for (const auto& p : d.problems) problems.push_back(p);
    }
    for (const auto& p : problems) print_finding(sources, p.span, p.message, p.code, std::cerr);
    const auto findings = deployment_findings(project, d, sources);
    if (args->write) {
      if (!write_output(fs::path(*args->write), [&](std::ostream& out) { report::write_groups_yaml(d, out); })) return 2;
    }
    return write_output(std::nullopt, [&](std::ostream& out) {
             if (args->format == "json") report::write_groups_json(project, d, out);
             else if (args->format == "yaml") report::write_groups_yaml(d, out);
             else if (args->format == "mermaid") report::write_groups_mermaid(project, d, out);
             else if (args->format == "dot") report::write_groups_dot(project, d, out);
             else report::write_groups_text(project, d, out);
             // Text shows the findings with the groups; other formats keep stdout parseable.
             std::ostream& to = args->format == "text" ? out : std::cerr;
             if (args->format == "text") to << "\nfindings of the KL4xx rules on these groups: " << findings.size() << "\n";
             for (const auto& f : findings) print_finding(sources, f.primary, f.message, f.code, to);
           })
               ? 0
               : 2;
  };
}

}  // namespace kedrolint::cli
