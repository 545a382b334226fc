#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "core/parallel.hpp"
#include "engine/engine.hpp"
#include "parse/ts.hpp"
#include "report/report.hpp"
#include "rules/rule.hpp"
#include "session/analyse.hpp"
#include "session/baseline.hpp"
#include "session/changed_files.hpp"
#include "session/file_filter.hpp"

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
  std::vector<std::string> files;
  bool changed_only = false;
  std::optional<std::string> baseline, write_baseline;
  bool no_cache = false;
};

bool use_color(const CheckArgs& args) {
  if (args.no_color || args.output || args.format != "text") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* force = std::getenv("FORCE_COLOR"); force && *force) return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

engine::CheckOptions options_of(const CheckArgs& args) {
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
  if (const char* fault = std::getenv("KEDROLINT_FAULT_IN_RULE"); fault) options.fault_in_rule = fault;
  return options;
}

std::optional<std::vector<fs::path>> project_roots(const std::vector<std::string>& paths) {
  std::vector<fs::path> roots;
  for (const auto& p : paths.empty() ? std::vector<std::string>{"."} : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      std::cerr << "kedrolint: " << p << ": no such file or folder\n";
      return std::nullopt;
    }
    auto root = project::find_project_root(p);
    if (!root) {
      std::cerr << "kedrolint: " << p << " is not inside a Kedro project (no pyproject.toml with [tool.kedro] "
                << "in it or any parent folder)\n";
      return std::nullopt;
    }
    if (std::find(roots.begin(), roots.end(), *root) == roots.end()) roots.push_back(*root);
  }
  return roots;
}

// --files and --changed-only: the files whose findings are reported.
std::optional<session::FileFilter> file_filter(const CheckArgs& args, const std::vector<fs::path>& roots) {
  std::vector<std::string> files = args.files;
  if (args.changed_only) {
    std::string error;
    for (const auto& root : roots) {
      auto changed = session::changed_files(root, error);
      if (!changed) {
        std::cerr << "kedrolint: --changed-only: " << error << "\n";
        return std::nullopt;
      }
      for (const auto& f : *changed) files.push_back(f.string());
    }
    // Nothing changed: no finding is "in the changed files".
    if (files.empty()) files.push_back("/dev/null");
  }
  return session::FileFilter(files, fs::current_path());
}

// The version alone does not tell two builds apart: a rebuilt binary with
// the same version must not serve results the previous one computed.
std::string build_identity() {
  std::string id(kVersion);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return id;
  const auto size = fs::file_size(exe, ec);
  const auto mtime = fs::last_write_time(exe, ec);
  if (ec) return id;
  return id + "+" + std::to_string(size) + "." + std::to_string(mtime.time_since_epoch().count());
}

std::optional<session::ResultCache> result_cache(const CheckArgs& args) {
  if (args.no_cache) return std::nullopt;
  if (const char* off = std::getenv("KEDROLINT_NO_CACHE"); off && *off && std::string(off) != "0") return std::nullopt;
  if (std::getenv("KEDROLINT_FAULT_IN_RULE")) return std::nullopt;  // a cached clean result would hide the fault
  auto dir = session::ResultCache::default_dir();
  if (!dir) return std::nullopt;
  return session::ResultCache(*dir, build_identity());
}

int run_check(const CheckArgs& args) {
  if (!parse::ts::PythonParser().ready()) {
    std::cerr << "kedrolint: the tree-sitter runtime (ABI " << parse::ts::PythonParser::runtime_abi()
              << ") rejects the Python grammar (ABI " << parse::ts::PythonParser::grammar_abi() << ")\n";
    return 2;
  }
  engine::CheckOptions options = options_of(args);
  const auto roots = project_roots(args.paths);
  if (!roots) return 2;
  // Several projects (a monorepo): one project per thread, each parsing alone.
  const std::size_t threads = options.jobs;
  if (roots->size() > 1) options.jobs = 1;
  const auto filter = file_filter(args, *roots);
  if (!filter) return 2;
  std::optional<session::Baseline> baseline;
  if (args.baseline) {
    std::string error;
    baseline = session::Baseline::read(*args.baseline, error);
    if (!baseline) {
      std::cerr << "kedrolint: " << error << "\n";
      return 2;
    }
  }
  const auto cache = result_cache(args);

  const fs::path display_root = roots->size() == 1 ? roots->front() : fs::current_path();
  core::SourceMap sources(display_root);
  std::vector<core::Diagnostic> all;
  session::Baseline recorded;
  std::vector<session::ProjectRun> runs(roots->size());
  core::parallel_for(roots->size(), threads, [&](std::size_t i) {
    try {
      // A single project's model is not destroyed: the process ends soon after.
      const auto teardown = roots->size() == 1 ? session::Teardown::AtExit : session::Teardown::Now;
      runs[i] = session::analyse((*roots)[i], options, sources, cache ? &*cache : nullptr, teardown);
    } catch (const std::exception& e) {
      std::cerr << "kedrolint: internal error while analysing " << (*roots)[i].string() << ": " << e.what() << "\n";
      runs[i].internal_error = true;
    }
  });
  bool analysed_any = false, internal = false, failing = false;
  for (std::size_t i = 0; i < roots->size(); ++i) {
    const fs::path& root = (*roots)[i];
    auto& run = runs[i];
    analysed_any |= run.analysed;
    internal |= run.internal_error;
    // Each project's findings are judged by that project's own `fail-on`.
    const auto fail_on = static_cast<int>(run.fail_on);
    for (auto& d : run.diagnostics) {
      if (!filter->keeps(d, sources, root)) continue;
      if (args.write_baseline) recorded.add(d, sources, root);
      if (baseline && baseline->absorb(d, sources, root)) continue;
      failing |= static_cast<int>(d.severity) >= fail_on;
      all.push_back(std::move(d));
    }
  }
  if (args.write_baseline) {
    if (!write_output(fs::path(*args.write_baseline), [&](std::ostream& out) { out << recorded.to_json(); })) return 2;
    std::cerr << "kedrolint: recorded " << recorded.size() << " finding" << (recorded.size() == 1 ? "" : "s")
              << " in " << *args.write_baseline << "\n";
    return analysed_any && !internal ? 0 : 2;
  }
  engine::sort_diagnostics(all, sources);

  report::Context ctx{sources, std::string(kVersion), use_color(args), !args.quiet};
  const bool ok = write_output(args.output ? std::optional<fs::path>(*args.output) : std::nullopt, [&](std::ostream& out) {
    if (args.format == "json") report::write_json(all, ctx, out);
    else if (args.format == "sarif") report::write_sarif(all, ctx, out);
    else if (args.format == "github") report::write_github(all, ctx, out);
    else if (args.format == "gitlab") report::write_gitlab(all, ctx, out);
    else report::write_text(all, ctx, out);
  });
  if (!ok) return 2;
  if (!analysed_any || internal) return 2;
  if (args.exit_zero) return 0;
  return failing ? 1 : 0;
}

void add_filter_options(CLI::App* cmd, CheckArgs& args) {
  cmd->add_option("--files", args.files,
                  "Report only findings in these files (the whole project is still analysed; "
                  "a changed configuration file keeps every finding)")
      ->delimiter(',');
  cmd->add_flag("--changed-only", args.changed_only,
                "Report only findings in files that differ from git HEAD (staged, unstaged or untracked)");
  cmd->add_option("--baseline", args.baseline, "Report only findings that are not recorded in this baseline file");
  cmd->add_option("--write-baseline", args.write_baseline,
                  "Record the current findings in FILE (for --baseline) and exit 0");
  cmd->add_flag("--no-cache", args.no_cache,
                "Always analyse; do not read or write the cache (also: KEDROLINT_NO_CACHE=1)");
}

}  // namespace

Runner add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Analyse Kedro projects and report findings.");
  cmd->add_option("paths", args->paths, "Project roots, or files and folders inside projects (default: .)");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}))
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
  add_filter_options(cmd, *args);
  return [args] {
    for (const auto& selectors : {args->select, args->extend_select, args->ignore}) {
      for (const auto& s : selectors) {
        if (!rules::is_valid_selector(s)) {
          std::cerr << "kedrolint: unknown rule selector `" << s << "`; " << rules::unknown_rule_help(s) << "\n";
          return 2;
        }
      }
    }
    if (args->baseline && args->write_baseline) {
      std::cerr << "kedrolint: --baseline and --write-baseline cannot be combined\n";
      return 2;
    }
    return run_check(*args);
  };
}

}  // namespace kedrolint::cli
