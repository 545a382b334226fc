// Runs one fixture project (see docs/testing.md):
//   fixture_runner --fixture DIR            rule fixture: only the rule named by
//                                           the parent folder (KL301_...) runs;
//   fixture_runner --fixture DIR --export   reconstruction fixture: the export
//                                           must equal expected.export.json, and
//                                           all rules must match the inline
//                                           expectations (none: no finding).
// Failures use ast-grep's words: Missing and Noisy.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "fixture_expectations.hpp"
#include "report/export.hpp"
#include "report/report.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

fs::path g_fixture;
bool g_export = false;

std::string render(const core::Diagnostic& d, const core::SourceMap& sources) {
  std::ostringstream out;
  report::write_text(std::span<const core::Diagnostic>(&d, 1), report::Context{sources, "test", false, false}, out);
  return out.str();
}

bool matches(const testing::Expectation& e, const core::Diagnostic& d, const core::SourceMap& sources) {
  const auto& file = sources.get(d.primary.file);
  const auto range = report::display_range(sources, d.primary);
  return e.code == d.code && e.file == file.display_path() && e.line == range.start.line &&
         (!e.contains || d.message.find(*e.contains) != std::string::npos ||
          (d.help && d.help->find(*e.contains) != std::string::npos)) &&
         (!e.column || *e.column == range.start.column);
}

void check_expectations(const fs::path& root, const engine::CheckResult& result, const core::SourceMap& sources) {
  auto expectations = testing::read_expectations(root);
  std::vector<bool> used(result.diagnostics.size(), false);
  std::vector<std::string> failures;
  for (const auto& e : expectations) {
    bool hit = false;
    for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
      if (matches(e, result.diagnostics[i], sources) && (e.kind == testing::Expectation::Kind::None || !used[i])) {
        hit = true;
        if (e.kind != testing::Expectation::Kind::None) used[i] = true;
        break;
      }
    }
    const std::string where = e.file + ":" + std::to_string(e.line);
    if (e.kind == testing::Expectation::Kind::Expect && !hit) {
      failures.push_back("Missing: " + where + ": " + e.code + (e.contains ? " \"" + *e.contains + "\"" : ""));
    } else if (e.kind == testing::Expectation::Kind::None && hit) {
      failures.push_back("Noisy (expect-none): " + where + ": " + e.code);
    } else if (e.kind == testing::Expectation::Kind::Todo && !hit) {
      WARN("missing (todo): " << where << ": " << e.code);
    }
  }
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    if (!used[i]) failures.push_back("Noisy: " + render(result.diagnostics[i], sources));
  }
  for (const auto& f : failures) FAIL_CHECK(f);
}

nlohmann::ordered_json strip(nlohmann::ordered_json j) {
  if (j.is_object()) {
    for (const char* key : {"location", "kind", "kind_evidence", "complete", "stood_in_modules", "class", "symbolic"}) {
      j.erase(key);
    }
    for (auto& [k, v] : j.items()) v = strip(v);
  } else if (j.is_array()) {
    for (auto& v : j) v = strip(v);
  }
  return j;
}

}  // namespace

TEST_CASE("fixture") {
  REQUIRE(fs::is_directory(g_fixture));
  engine::CheckOptions options;
  options.only_selected = true;
  if (g_export) {
    options.select = std::vector<std::string>{"ALL"};
  } else {
    const std::string rule_dir = g_fixture.parent_path().filename().string();
    options.select = std::vector<std::string>{rule_dir.substr(0, rule_dir.find('_'))};
  }
  // KL000 fixtures name the rule that must fail in a `fault-in-rule` file.
  if (std::ifstream fault(g_fixture / "fault-in-rule"); fault) fault >> options.fault_in_rule;
  core::SourceMap sources(g_fixture);
  const auto result = engine::check_project(g_fixture, options, sources);
  check_expectations(g_fixture, result, sources);
  if (!g_export) return;
  std::ifstream in(g_fixture / "expected.export.json");
  REQUIRE(in);
  const auto expected = nlohmann::ordered_json::parse(in);
  auto actual = report::build_export(result.project, std::nullopt);
  const auto want = strip(expected), got = strip(actual);
  // An incomplete pipeline (KL010) must hold a subset of Kedro's nodes: never
  // a node Kedro does not build, never a different one.
  bool any_incomplete = false;
  for (const auto& [name, p] : actual["pipelines"].items()) {
    if (p.value("complete", true)) continue;
    any_incomplete = true;
    INFO("pipeline `" << name << "` is incomplete; its nodes must all be Kedro's");
    REQUIRE(want["pipelines"].contains(name));
    for (const auto& n : got["pipelines"][name]["nodes"]) {
      const auto& all = want["pipelines"][name]["nodes"];
      const bool found = std::find(all.begin(), all.end(), n) != all.end();
      INFO("node not built by Kedro: " << n.dump());
      CHECK(found);
    }
  }
  for (const char* key : {"kedro", "pipelines", "datasets", "parameters"}) {
    if (any_incomplete && std::string(key) != "kedro" && std::string(key) != "parameters") {
      if (std::string(key) == "datasets") {
        for (const auto& [name, d] : got[key].items()) {
          INFO("dataset `" << name << "` differs from Kedro's");
          CHECK((want[key].contains(name) && want[key][name] == d));
        }
      }
      continue;
    }
    INFO("export key `" << key << "` differs; expected:\n"
                        << want[key].dump(2) << "\nactual:\n"
                        << got[key].dump(2));
    CHECK(want[key] == got[key]);
  }
}

int main(int argc, char** argv) {
  Catch::Session session;
  std::string fixture;
  using namespace Catch::clara;
  session.cli(session.cli() | Opt(fixture, "dir")["--fixture"]("the fixture project") |
              Opt(g_export)["--export"]("compare the export with expected.export.json"));
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  g_fixture = fs::absolute(fixture).lexically_normal();
  if (!g_fixture.has_filename()) g_fixture = g_fixture.parent_path();
  return session.run();
}
