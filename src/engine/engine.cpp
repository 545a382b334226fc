#include "engine/engine.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <tuple>

#include "core/large_stack.hpp"
#include "core/parallel.hpp"
#include "model/build.hpp"
#include "parse/toml_source.hpp"
#include "rules/rule.hpp"
#include "suppress/suppressor.hpp"

namespace kedrolint::engine {
namespace fs = std::filesystem;

namespace {

config::Settings settings_for(const fs::path& root, core::SourceMap& sources, const CheckOptions& options,
                              std::vector<core::Finding>& findings) {
  const parse::TomlValue* table = nullptr;
  std::optional<parse::TomlSource> toml;
  auto loaded = sources.load(root / "pyproject.toml");
  if (loaded.file && !loaded.error) {
    toml = parse::parse_toml(*loaded.file);
    if (toml->root) table = toml->root->path("tool.kedrolint");
  }
  config::Settings settings = config::read_settings(table, findings);
  if (options.only_selected) {
    settings.select.clear();
    settings.ignore.clear();
  }
  if (options.select) settings.select = *options.select;
  for (const auto& s : options.extend_select) settings.extend_select.push_back(s);
  for (const auto& s : options.ignore) settings.ignore.push_back(s);
  if (options.env) settings.env = *options.env;
  if (options.fail_on) settings.fail_on = *options.fail_on;
  config::configure_deploy(settings.deploy, options.deploy_target, options.deploy_mapping, options.deploy_groups);
  return settings;
}

core::Diagnostic internal_error(const rules::RuleInfo& rule, const model::Project& project, const std::string& what) {
  core::Span span = project.layout.pyproject ? project.layout.pyproject->span(0, 0) : core::Span{};
  return core::Diagnostic{"KL000", core::Severity::Error,
                          "internal error in rule " + std::string(rule.code) + " (" + std::string(rule.name) +
                              "): " + what,
                          span, {}, std::string("Please report this with the project that reproduces it."), {}};
}

}  // namespace

void sort_diagnostics(std::vector<core::Diagnostic>& diagnostics, const core::SourceMap& sources) {
  // A key per diagnostic, built once: building it in the comparison copied
  // three strings and looked the position up (a UTF-8 column count) about
  // 2 log2(n) times per diagnostic, 3,200 of them at 10,000 nodes.
  struct Key {
    const std::string* path;
    core::Position pos;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(diagnostics.size());
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& file = sources.get(diagnostics[i].primary.file);
    keys.push_back({&file.display_path(), file.position(diagnostics[i].primary.begin), i});
  }
  auto tied = [&](const Key& k) {
    const core::Diagnostic& d = diagnostics[k.index];
    return std::tie(*k.path, k.pos.line, k.pos.column, d.code, d.message);
  };
  std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) { return tied(a) < tied(b); });
  std::vector<core::Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (const Key& k : keys) sorted.push_back(std::move(diagnostics[k.index]));
  diagnostics = std::move(sorted);
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(),
                                [&](const core::Diagnostic& a, const core::Diagnostic& b) {
                                  return a.code == b.code && a.primary == b.primary && a.message == b.message;
                                }),
                    diagnostics.end());
}

namespace {

CheckResult check_here(const fs::path& root, const CheckOptions& options, core::SourceMap& sources) {
  // A link out of the project is reported (KL008), never followed: the
  // analysis of an untrusted pull request must not read the runner's files.
  sources.confine_to(root);
  CheckResult result;
  std::vector<core::Finding> config_findings;
  result.settings = settings_for(root, sources, options, config_findings);

  model::BuildOptions build;
  build.env = result.settings.env;
  build.kedro_version = result.settings.kedro_version;
  build.jobs = options.jobs;
  build.deploy = result.settings.deploy;
  build.artifacts = result.settings.artifacts;
  build.extra_source_roots = result.settings.extra_source_roots;
  for (const auto& extra : result.settings.extra_source_roots) sources.confine_to(root / extra.first);
  using Clock = std::chrono::steady_clock;
  const auto model_start = Clock::now();
  result.project = model::build_project(root, sources, build);
  result.model_seconds = std::chrono::duration<double>(Clock::now() - model_start).count();
  for (auto& f : config_findings) result.project.findings.push_back(std::move(f));
  const model::Project& project = result.project;

  auto severity_of = [&](const rules::RuleInfo& rule) {
    auto it = result.settings.severity.find(std::string(rule.code));
    return it == result.settings.severity.end() ? rule.default_severity : it->second;
  };
  auto keep = [&](const core::Diagnostic& d) {
    if (!d.primary.valid()) return false;
    const auto rel = sources.get(d.primary.file).path().lexically_relative(root).generic_string();
    return !result.settings.ignored_in_file(d.code, rel);
  };

  // One rule's run: its findings (kept by the file-level ignores), whether it
  // failed, and how long it took.
  struct RuleRun {
    std::vector<core::Diagnostic> found;
    bool failed = false;
    double seconds = 0;
  };
  auto run = [&](const rules::RuleInfo& rule, const suppress::Usage* usage) {
    RuleRun out;
    rules::RuleContext ctx(rule, severity_of(rule), usage);
    const auto rule_start = Clock::now();
    try {
      if (rule.code == options.fault_in_rule) throw std::runtime_error("fault injected by KEDROLINT_FAULT_IN_RULE");
      rule.body->check(project, ctx);
    } catch (const std::exception& e) {
      out.failed = true;
      out.found.push_back(internal_error(rule, project, e.what()));
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - rule_start).count();
    for (auto& d : ctx.take()) {
      if (keep(d)) out.found.push_back(std::move(d));
    }
    return out;
  };
  std::vector<core::Diagnostic> found;
  auto collect = [&](const rules::RuleInfo& rule, RuleRun&& r) {
    result.internal_error |= r.failed;
    result.rule_seconds.emplace_back(rule.code, r.seconds);
    for (auto& d : r.found) found.push_back(std::move(d));
  };
  suppress::Usage enabled;
  std::vector<const rules::RuleInfo*> model_rules;
  for (const auto& rule : rules::all_rules()) {
    if (!result.settings.enabled(rule.code)) continue;
    enabled.enabled_codes.emplace_back(rule.code);
    if (rule.body->phase == rules::Phase::Model) model_rules.push_back(&rule);
  }
  // Rules only read the finished model, so they run in parallel; their
  // findings are gathered in registry order, as if they ran one by one.
  (void)project.registered_nodes();  // the one lazily computed part of the model
  const auto rules_start = Clock::now();
  std::vector<RuleRun> runs(model_rules.size());
  core::parallel_for(model_rules.size(), options.jobs,
                     [&](std::size_t i) { runs[i] = run(*model_rules[i], nullptr); });
  for (std::size_t i = 0; i < model_rules.size(); ++i) collect(*model_rules[i], std::move(runs[i]));
  result.rules_wall_seconds = std::chrono::duration<double>(Clock::now() - rules_start).count();

  suppress::Suppressor suppressor(project.directives);
  auto line_of = [&](const core::Diagnostic& d) {
    return sources.get(d.primary.file).position(d.primary.begin).line;
  };
  std::vector<core::Diagnostic> kept;
  for (auto& d : found) {
    if (!suppressor.suppresses(d, line_of(d))) kept.push_back(std::move(d));
  }
  found.clear();
  suppress::Usage usage = suppressor.usage();
  usage.enabled_codes = enabled.enabled_codes;
  for (const auto& rule : rules::all_rules()) {
    if (rule.body->phase == rules::Phase::AfterSuppression && result.settings.enabled(rule.code)) {
      collect(rule, run(rule, &usage));
    }
  }
  // Findings about suppressions are judged by a fresh suppressor, so that
  // suppressing a KL003 does not count as a use of the directive it reports,
  // and only by directives that name them: a bare `ignore` cannot hide the
  // report that it is unused.
  suppress::Suppressor late(project.directives);
  for (auto& d : found) {
    if (!late.suppresses(d, line_of(d), /*bare=*/false)) kept.push_back(std::move(d));
  }
  sort_diagnostics(kept, sources);
  result.diagnostics = std::move(kept);
  return result;
}

}  // namespace

// On the analysis thread (core/large_stack.hpp): deep evaluation needs its
// stack, and the rest reuses the memory the evaluation freed.
CheckResult check_project(const fs::path& root, const CheckOptions& options, core::SourceMap& sources) {
  CheckResult result;
  core::run_on_large_stack([&] { result = check_here(root, options, sources); });
  return result;
}

}  // namespace kedrolint::engine
