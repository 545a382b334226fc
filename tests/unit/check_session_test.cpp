// What `check` adds around the analysis, run through the binary: --files,
// --changed-only, --baseline/--write-baseline and the warm cache.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_support.hpp"

using namespace cli_support;
namespace fs = std::filesystem;

namespace {

// The TempProject with findings has KL009 in pyproject.toml and KL111 in the registry.
constexpr const char* kRules = " --select KL0,KL111 --no-color";

bool has(const Result& r, const std::string& text) { return r.out.find(text) != std::string::npos; }

int run_in(const fs::path& dir, const std::string& command) {
  return std::system(("cd '" + dir.string() + "' && " + command + " >/dev/null 2>&1").c_str());
}

}  // namespace

TEST_CASE("check --files: only findings in the given files, config files keep all", "[cli][session]") {
  TempProject p(true);
  const auto registry = kedrolint("check " + p.path() + kRules + " --files " + (p.root() / "src/demo/pipeline_registry.py").string());
  INFO(registry.out << registry.err);
  CHECK(registry.status == 1);
  CHECK(has(registry, "[KL111]"));
  CHECK_FALSE(has(registry, "[KL009]"));
  // A configuration edit can break code anywhere: every finding is kept.
  const auto config = kedrolint("check " + p.path() + kRules + " --files " + (p.root() / "pyproject.toml").string());
  CHECK(has(config, "[KL111]"));
  CHECK(has(config, "[KL009]"));
  // A file without findings: nothing to report, exit 0.
  p.write("src/demo/nodes.py", "x = 1\n");
  const auto other = kedrolint("check " + p.path() + kRules + " --files " + (p.root() / "src/demo/nodes.py").string());
  CHECK(other.status == 0);
  CHECK(has(other, "All checks passed."));
}

TEST_CASE("check --changed-only: findings in files that differ from git HEAD", "[cli][session]") {
  TempProject p(true);
  REQUIRE(run_in(p.root(), "git init -q . && git add . && git -c user.name=t -c user.email=t@t commit -qm init") == 0);
  const auto clean = kedrolint("check " + p.path() + kRules + " --changed-only");
  INFO(clean.out << clean.err);
  CHECK(clean.status == 0);
  p.write("src/demo/pipeline_registry.py",
          "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"a\", name=\"m\")])}\n");
  const auto changed = kedrolint("check " + p.path() + kRules + " --changed-only");
  INFO(changed.out << changed.err);
  CHECK(changed.status == 1);
  CHECK(has(changed, "[KL111]"));
  CHECK_FALSE(has(changed, "[KL009]"));
  // Outside a git work tree the option cannot work: a usage error.
  TempProject loose(true);
  const auto no_git = kedrolint("check " + loose.path() + kRules + " --changed-only", "GIT_CEILING_DIRECTORIES=" +
                                                                                           loose.root().parent_path().string());
  CHECK(no_git.status == 2);
  CHECK(no_git.err.find("not inside a git work tree") != std::string::npos);
}

TEST_CASE("check --baseline: only new findings fail, and moved lines stay matched", "[cli][session]") {
  TempProject p(true);
  const std::string baseline = (p.root() / "baseline.json").string();
  const auto write = kedrolint("check " + p.path() + kRules + " --write-baseline " + baseline);
  INFO(write.out << write.err);
  CHECK(write.status == 0);
  CHECK(write.err.find("recorded 2 findings") != std::string::npos);
  const auto text = slurp(baseline);
  CHECK(text.find("\"schema\": \"kedrolint.baseline/v1\"") != std::string::npos);
  CHECK(text.find("\"code\": \"KL111\"") != std::string::npos);

  CHECK(kedrolint("check " + p.path() + kRules + " --baseline " + baseline).status == 0);
  // Lines above the finding move it down: still the same finding.
  p.write("src/demo/pipeline_registry.py",
          "# a comment\n\n\nfrom kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"a\", name=\"n\")])}\n");
  CHECK(kedrolint("check " + p.path() + kRules + " --baseline " + baseline).status == 0);
  // A new finding is reported, alone.
  p.write("src/demo/pipeline_registry.py",
          "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"a\", name=\"n\")])}\n"
          "\n\nregistered = register_pipelines\n\n\ndef register_pipelines():\n    pipes = registered()\n"
          "    pipes[\"extra\"] = pipeline([node(f, \"b\", \"b\", name=\"o\")])\n    return pipes\n");
  const auto fresh = kedrolint("check " + p.path() + kRules + " --baseline " + baseline);
  INFO(fresh.out);
  CHECK(fresh.status == 1);
  CHECK(has(fresh, "`b`"));
  CHECK(has(fresh, "Found 1 error"));

  p.write("bad.json", "{\"schema\": \"other\"}");
  const auto bad = kedrolint("check " + p.path() + " --baseline " + (p.root() / "bad.json").string());
  CHECK(bad.status == 2);
  CHECK(bad.err.find("is not a kedrolint baseline") != std::string::npos);
}

TEST_CASE("check cache: a warm run gives the same report and sees every change", "[cli][session]") {
  TempProject p(true);
  const fs::path cache = scratch("own-cache");
  const std::string env = "KEDROLINT_CACHE_DIR='" + cache.string() + "'";
  const auto cold = kedrolint("check " + p.path() + kRules, env);
  REQUIRE(fs::exists(cache));
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(cache)) entries += e.path().extension() == ".json";
  CHECK(entries == 1);
  const auto warm = kedrolint("check " + p.path() + kRules, env);
  CHECK(warm.out == cold.out);
  CHECK(warm.status == cold.status);

  // A corrupt entry is ignored (and replaced), never trusted.
  for (const auto& e : fs::directory_iterator(cache)) std::ofstream(e.path(), std::ios::trunc) << "{\"checksum\": 1";
  CHECK(kedrolint("check " + p.path() + kRules, env).out == cold.out);

  // A changed file is seen.
  p.write("src/demo/pipeline_registry.py",
          "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"b\", name=\"n\")])}\n");
  const auto edited = kedrolint("check " + p.path() + kRules, env);
  CHECK_FALSE(has(edited, "[KL111]"));
  // So is a new file that the first run never read (a new catalog file).
  p.write("conf/base/catalog_extra.yml", "x: {type: pandas.CSVDataSet, filepath: x.csv}\n");
  const auto added = kedrolint("check " + p.path() + " --select KL307 --no-color", env);
  CHECK(has(added, "[KL307]"));

  // --no-cache neither reads nor writes.
  const fs::path unused = scratch("unused-cache");
  kedrolint("check " + p.path() + kRules + " --no-cache", "KEDROLINT_CACHE_DIR='" + unused.string() + "'");
  CHECK_FALSE(fs::exists(unused));
  fs::remove_all(cache);
}
