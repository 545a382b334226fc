#include "model/build.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <utility>

#include "core/large_stack.hpp"
#include "core/memory.hpp"
#include "model/catalog_build.hpp"
#include "model/evaluate.hpp"
#include "model/module_imports_scan.hpp"
#include "project/read_problem.hpp"
#include "python/source_store.hpp"
#include "suppress/directives.hpp"

namespace kedrolint::model {
namespace fs = std::filesystem;

namespace {

suppress::Syntax syntax_of(const fs::path& path) {
  const auto ext = path.extension();
  if (ext == ".py") return suppress::Syntax::Python;
  if (ext == ".toml") return suppress::Syntax::Toml;
  return suppress::Syntax::Yaml;
}

void collect_directives(Project& project, const core::SourceMap& sources, std::size_t file_count) {
  const std::string root = project.layout.root.lexically_normal().string() + "/";
  for (core::FileId id = 0; id < file_count; ++id) {
    const core::SourceFile& file = sources.get(id);
    if (file.path().lexically_normal().string().rfind(root, 0) != 0) continue;
    auto directives = suppress::lex_directives(file, syntax_of(file.path()));
    if (!directives.empty()) project.directives[id] = std::move(directives);
  }
}

// The repository the project lives in (the nearest folder above it holding
// `.git`), else the project itself: extra source roots must stay inside, so
// that a pull request's configuration cannot make kedrolint read the files
// of the machine it runs on.
fs::path repository_root(const fs::path& project_root) {
  std::error_code ec;
  const fs::path start = fs::weakly_canonical(project_root, ec);
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.root_path()) break;
  }
  return start;
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  const fs::path rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// Monorepos: sibling packages the project imports, read as project code when
// configured; a folder that does not exist or lies outside the repository is
// a configuration error (KL009).
void add_extra_source_roots(Project& project, const BuildOptions& options) {
  const fs::path repository = repository_root(project.layout.root);
  for (const auto& [path, span] : options.extra_source_roots) {
    const fs::path folder = (project.layout.root / path).lexically_normal();
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(folder, ec);
    std::string problem;
    if (ec || !is_inside(real, repository)) problem = "lies outside the repository of the project";
    else if (!fs::is_directory(real, ec)) problem = "is not a folder";
    if (!problem.empty()) {
      project.findings.push_back({"KL009", span, "extra source root `" + path + "` " + problem, {},
                                  std::string("Give a folder of the repository, relative to the project root, e.g. "
                                              "\"../libs/common/src\".")});
      continue;
    }
    project.extra_source_roots.push_back(folder);
  }
}

// The configuration read on another thread, copied onto this one. Its values
// sit among what the reading freed (the trees that interpolation and merging
// replaced) in that thread's malloc arena, and keep those pages resident;
// once they are copied the arena can be handed back whole (about 1 MB at
// 10,000 nodes, since the YAML trees are parsed apart: config/loader.cpp).
CatalogConfig on_this_thread(CatalogConfig config) {
  config.catalog.value = config::deep_copy(config.catalog.value);
  config.parameters.value = config::deep_copy(config.parameters.value);
  core::return_free_memory();
  return config;
}

}  // namespace

namespace {

Project build_here(const fs::path& root, core::SourceMap& sources, const BuildOptions& options) {
  Project project;
  project.sources = &sources;
  project.env = options.env;
  project.layout = project::discover_layout(root, sources, project.findings);
  if (options.kedro_version) {
    if (auto v = project::parse_kedro_version(*options.kedro_version)) {
      v->origin = "configuration";
      project.layout.kedro_version = *v;
    }
  }
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); };
  add_extra_source_roots(project, options);
  python::SourceStore store(sources, options.trees_ahead_bytes, options.recent_trees, options.elide_function_bodies);
  std::optional<ModuleImportCollector> imports;
  if (project.layout.has_package()) {
    imports.emplace(python::ModuleIndex(project.layout.source_dir, project.extra_source_roots));
    store.set_visitor([&](const parse::PythonSource& src) { imports->visit(src); });
  }
  auto start = Clock::now();
  // The configuration is read while the pipelines are evaluated.
  std::future<CatalogConfig> config;
  const project::Layout& layout = project.layout;
  const std::string env = project.env;
  auto read_config = [&layout, env, &sources](const config::LoaderSettings& settings) {
    return load_catalog_config(layout, env, sources, settings);
  };
  std::optional<config::LoaderSettings> loader;
  {
    const core::FreedPagesKeptBriefly parsing_frees_much;
    loader = evaluate_project(project, store, options.jobs, [&](const config::LoaderSettings& settings) {
      if (project.layout.pyproject) config = std::async(std::launch::async, read_config, settings);
    });
    project.timings.evaluate_seconds = seconds(start);
    // The syntax trees were built and freed on several threads, in arenas
    // that the rest of the analysis, on this thread, does not allocate from.
    store.release_trees();
  }
  core::return_free_memory();
  for (auto& f : store.findings()) project.findings.push_back(std::move(f));
  project.python_files = store.parsed_files();
  project.timings.python_parses = store.parse_count();
  project.timings.python_function_parses = store.function_parse_count();
  std::tie(project.timings.elided_bodies, project.timings.elided_bytes) = store.elided_bodies();
  if (imports) project.module_imports = imports->take();
  start = Clock::now();
  {
    // The pipelines' facts and the catalog are independent (the deployment
    // groups below need both): they are built side by side.
    auto facts = std::async(std::launch::async, [&project, &seconds, jobs = options.jobs] {
      const auto began = Clock::now();
      derive_pipeline_facts(project, jobs);
      // Read by the kinds, the deployment groups and many rules; nothing the
      // catalog build does reads it.
      (void)project.registered_nodes();
      project.timings.facts_seconds = seconds(began);
    });
    if (project.layout.pyproject && loader) {
      build_catalog(project, config.valid() ? on_this_thread(config.get()) : read_config(*loader));
    } else if (config.valid()) {
      (void)config.get();
    }
    project.timings.catalog_seconds = seconds(start);
    facts.get();
  }
  start = Clock::now();
  if (project.catalog) {
    // The deployment groups only read the model, and the kinds write only
    // `kinds` and `findings`: they are built side by side, and the group
    // findings appended after the kinds' so that the order stays fixed.
    std::vector<core::Finding> deploy_findings;
    auto deployment = std::async(std::launch::async, [&] {
      return build_deployment(std::as_const(project), options.deploy, deploy_findings);
    });
    infer_kinds(project, options.artifacts);
    project.deployment = deployment.get();
    for (auto& f : deploy_findings) project.findings.push_back(std::move(f));
    if (project.deployment) {
      for (auto& f : project.deployment->problems) project.findings.push_back(f);
    }
  }
  project.timings.kinds_seconds = seconds(start);
  collect_directives(project, sources, sources.size());
  return project;
}

}  // namespace

// On the analysis thread (core/large_stack.hpp): deep evaluation needs its
// stack, and the rest reuses the memory the evaluation freed.
Project build_project(const fs::path& root, core::SourceMap& sources, const BuildOptions& options) {
  Project result;
  core::run_on_large_stack([&] { result = build_here(root, sources, options); });
  return result;
}

}  // namespace kedrolint::model
