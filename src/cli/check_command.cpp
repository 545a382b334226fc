#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "engine/engine.hpp"
#include "parse/ts.hpp"
#include "report/report.hpp"
#include "rules/rule.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<std::string> output;
  std::optional<std::string> env;
  std::vector<std::string> select, extend_select, ignore;
  std::optional<std::string> fail_on;
  bool no_color = false;
  bool quiet = false;
  bool exit_zero = false;
  std::size_t jobs = 0;
  std::string target, mapping, groups;
};

bool use_color(const CheckArgs& args) {
  if (args.no_color || args.output || args.format != "text") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* force = std::getenv("FORCE_COLOR"); force && *force) return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

int run_check(const CheckArgs& args) {
  if (!parse::ts::PythonParser().ready()) {
    std::cerr << "kedrolint: the tree-sitter runtime (ABI " << parse::ts::PythonParser::runtime_abi()
              << ") rejects the Python grammar (ABI " << parse::ts::PythonParser::grammar_abi() << ")\n";
    return 2;
  }
  engine::CheckOptions options;
  options.env = args.env;
  if (!args.select.empty()) options.select = args.select;
  options.extend_select = args.extend_select;
  options.ignore = args.ignore;
  if (args.fail_on) options.fail_on = core::parse_severity(*args.fail_on);
  options.jobs = args.jobs ? args.jobs : 2;
  options.deploy_target = args.target;
  options.deploy_mapping = args.mapping;
  options.deploy_groups = args.groups;

  std::vector<fs::path> roots;
  for (const auto& p : args.paths.empty() ? std::vector<std::string>{"."} : args.paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      std::cerr << "kedrolint: " << p << ": no such file or folder\n";
      return 2;
    }
    auto root = project::find_project_root(p);
    if (!root) {
      std::cerr << "kedrolint: " << p << " is not inside a Kedro project (no pyproject.toml with [tool.kedro] "
                << "in it or any parent folder)\n";
      return 2;
    }
    if (std::find(roots.begin(), roots.end(), *root) == roots.end()) roots.push_back(*root);
  }
  const fs::path display_root = roots.size() == 1 ? roots.front() : fs::current_path();
  core::SourceMap sources(display_root);
  std::vector<core::Diagnostic> all;
  bool analysed_any = false, internal = false, failing = false;
  for (const auto& root : roots) {
    auto result = engine::check_project(root, options, sources);
    analysed_any |= result.analysed();
    internal |= result.internal_error;
    // Each project's findings are judged by that project's own `fail-on`.
    const auto fail_on = static_cast<int>(result.settings.fail_on);
    for (auto& d : result.diagnostics) {
      failing |= static_cast<int>(d.severity) >= fail_on;
      all.push_back(std::move(d));
    }
  }
  engine::sort_diagnostics(all, sources);

  report::Context ctx{sources, std::string(kVersion), use_color(args), !args.quiet};
  const bool ok = write_output(args.output ? std::optional<fs::path>(*args.output) : std::nullopt, [&](std::ostream& out) {
    if (args.format == "json") report::write_json(all, ctx, out);
    else if (args.format == "sarif") report::write_sarif(all, ctx, out);
    else if (args.format == "github") report::write_github(all, ctx, out);
    else report::write_text(all, ctx, out);
  });
  if (!ok) return 2;
  if (!analysed_any || internal) return 2;
  if (args.exit_zero) return 0;
  return failing ? 1 : 0;
}

}  // namespace

Runner add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Analyse Kedro projects and report findings.");
  cmd->add_option("paths", args->paths, "Project roots, or files and folders inside projects (default: .)");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", args->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("--env,-e", args->env, "Kedro configuration environment merged over base (default: settings.py's default_run_env, else local)");
  cmd->add_option("--select", args->select, "Only these rules (codes, prefixes like KL3, names, or ALL)")
      ->delimiter(',');
  cmd->add_option("--extend-select", args->extend_select, "Rules to enable in addition")->delimiter(',');
  cmd->add_option("--ignore", args->ignore, "Rules to disable")->delimiter(',');
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit status 1 (default: warning)")
      ->check(CLI::IsMember({"error", "warning", "note"}));
  cmd->add_flag("--no-color", args->no_color, "Never colour the text output (also: NO_COLOR)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print findings only, no summary");
  cmd->add_flag("--exit-zero", args->exit_zero, "Exit with 0 even when there are findings");
  cmd->add_option("--jobs,-j", args->jobs, "Threads for parsing (default: 2)");
  cmd->add_option("--target", args->target, "Deployment target whose checks to run (airflow, kubeflow, vertexai, ...)")
      ->check(CLI::IsMember({"airflow", "kubeflow", "vertexai", "sagemaker", "azureml", "mlrun", "databricks", "docker"}));
  cmd->add_option("--mapping", args->mapping, "Nodes per deployment task: 1:1, M:1 or M:N")
      ->check(CLI::IsMember({"1:1", "M:1", "M:N"}));
  cmd->add_option("--groups", args->groups, "Deployment groups: namespace, tags:<prefix>, pipelines, memory or file");
  return [args] {
    for (const auto& selectors : {args->select, args->extend_select, args->ignore}) {
      for (const auto& s : selectors) {
        if (!rules::is_valid_selector(s)) {
          std::cerr << "kedrolint: unknown rule selector `" << s << "`; " << rules::unknown_rule_help(s) << "\n";
          return 2;
        }
      }
    }
    return run_check(*args);
  };
}

}  // namespace kedrolint::cli
