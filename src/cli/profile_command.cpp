// `kedrolint profile PATH`: measures one project for the benchmark (bench/):
// a parse-only pass over the files the analysis reads, then the full analysis,
// in the same process. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "engine/engine.hpp"
#include "parse/python_source.hpp"
#include "parse/yaml_source.hpp"

namespace kedrolint::cli {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Reads and parses the files like the analysis does, and nothing else.
double parse_only(const std::vector<fs::path>& python, const std::vector<fs::path>& yaml, std::size_t jobs) {
  // Under the allocator settings of the analysis's parsing, so that the
  // ratio compares the same work.
  const core::FreedPagesKeptBriefly as_the_evaluation_parses;
  const auto start = Clock::now();
  core::SourceMap sources(fs::path("/"));
  const std::size_t workers = std::max<std::size_t>(1, std::min(jobs, python.size()));
  core::parallel_for(workers, workers, [&](std::size_t w) {
    parse::ts::PythonParser parser;
    for (std::size_t i = w; i < python.size(); i += workers) {
      auto loaded = sources.load(python[i]);
      if (loaded.file) (void)parse::parse_python(parser, *loaded.file);
    }
  });
  for (const auto& y : yaml) {
    auto loaded = sources.load(y);
    if (loaded.file) (void)parse::parse_yaml(*loaded.file);
  }
  return since(start);
}

}  // namespace

Runner add_profile_command(CLI::App& app) {
  struct Args {
    std::string path = ".";
    int repeat = 1;
    std::size_t jobs = 2;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("profile", "Time the analysis of one project against a parse-only pass (bench/).");
  cmd->add_option("path", args->path, "The project root");
  cmd->add_option("--repeat", args->repeat, "Runs of each measurement; the fastest is reported");
  cmd->add_option("--jobs,-j", args->jobs, "Threads for parsing");
  return [args] {
    auto root = project::find_project_root(args->path);
    if (!root) {
      std::cerr << "kedrolint: " << args->path << " is not inside a Kedro project\n";
      return 2;
    }
    engine::CheckOptions options;
    options.jobs = args->jobs;
    double best_analysis = 1e30, best_parse = 1e30, best_catalog = 1e30, best_evaluate = 1e30;
    // Phases of the fastest analysis run.
    nlohmann::ordered_json phases;
    std::size_t files = 0, bytes = 0, nodes = 0, parses = 0, function_parses = 0, elided = 0, elided_bytes = 0;
    for (int r = 0; r < std::max(1, args->repeat); ++r) {
      // The model is gone before the parse-only pass starts, so the peak RSS
      // that bench/run reads is the larger of the two, not their sum.
      std::vector<fs::path> python, yaml;
      {
        core::SourceMap sources(*root);
        const auto start = Clock::now();
        const auto result = engine::check_project(*root, options, sources);
        const double analysis = since(start);
        if (analysis < best_analysis) {
          const auto& t = result.project.timings;
          double rules = 0;
          std::vector<std::pair<std::string, double>> slowest = result.rule_seconds;
          for (const auto& [code, s] : slowest) rules += s;
          std::sort(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
          if (slowest.size() > 5) slowest.resize(5);
          phases = {{"evaluate", t.evaluate_seconds},
                    {"facts", t.facts_seconds},
                    {"catalog", t.catalog_seconds},
                    {"kinds", t.kinds_seconds},
                    {"model", result.model_seconds},
                    {"rules_wall", result.rules_wall_seconds},
                    {"rules_cpu", rules},
                    {"slowest_rules", nlohmann::ordered_json::object()}};
          for (const auto& [code, s] : slowest) phases["slowest_rules"][code] = s;
        }
        best_analysis = std::min(best_analysis, analysis);
        best_catalog = std::min(best_catalog, result.project.timings.resolve_seconds);
        best_evaluate = std::min(best_evaluate, result.project.timings.evaluate_seconds);
        nodes = result.project.registered_nodes().size();
        parses = result.project.timings.python_parses;
        function_parses = result.project.timings.python_function_parses;
        elided = result.project.timings.elided_bodies;
        elided_bytes = result.project.timings.elided_bytes;
        python = result.project.python_files;
        files = 0;
        bytes = 0;
        for (std::size_t id = 0; id < sources.size(); ++id) {
          const auto& f = sources.get(static_cast<core::FileId>(id));
          ++files;
          bytes += f.text().size();
          const auto ext = f.path().extension();
          if (ext == ".yml" || ext == ".yaml" || ext == ".json") yaml.push_back(f.path());
        }
      }
      // Without this the parse-only pass would run on top of the analysis's
      // freed but resident memory, in other threads' arenas.
      core::return_free_memory();
      best_parse = std::min(best_parse, parse_only(python, yaml, args->jobs));
    }
    nlohmann::ordered_json out = {{"files", files},
                                  {"bytes", bytes},
                                  {"nodes", nodes},
                                  {"python_parses", parses},
                                  {"python_function_parses", function_parses},
                                  {"elided_bodies", elided},
                                  {"elided_bytes", elided_bytes},
                                  {"parse_only_seconds", best_parse},
                                  {"analysis_seconds", best_analysis},
                                  {"resolve_seconds", best_catalog},
                                  {"evaluate_seconds", best_evaluate},
                                  {"allocator", core::jemalloc_in_use() ? "jemalloc" : "system"},
                                  {"ratio", best_parse > 0 ? best_analysis / best_parse : 0.0},
                                  {"phases_seconds", phases}};
    std::cout << out.dump() << "\n";
    return 0;
  };
}

}  // namespace kedrolint::cli
