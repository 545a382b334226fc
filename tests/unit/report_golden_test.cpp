// The formatters' output on fixtures/report/findings is compared with golden
// files; KEDROLINT_UPDATE_SNAPSHOTS=1 rewrites them. The tool version is
// "test" and the absolute project root is redacted.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "report/report.hpp"
#include "golden_file.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;
using golden_file::compare;

namespace {

std::string redact(std::string text, const std::string& root) {
  for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root, at)) {
    text.replace(at, root.size(), "<root>");
  }
  return text;
}

}  // namespace

TEST_CASE("text, JSON, SARIF, GitHub and GitLab output match the golden files", "[report]") {
  const fs::path root = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/report/findings";
  core::SourceMap sources(root);
  engine::CheckOptions options;
  const auto result = engine::check_project(root, options, sources);
  REQUIRE(result.diagnostics.size() > 5);
  const report::Context ctx{sources, "test", false, true};
  std::ostringstream text, json, sarif, github, gitlab;
  report::write_text(result.diagnostics, ctx, text);
  report::write_json(result.diagnostics, ctx, json);
  report::write_sarif(result.diagnostics, ctx, sarif);
  report::write_github(result.diagnostics, ctx, github);
  report::write_gitlab(result.diagnostics, ctx, gitlab);
  const std::string abs = root.generic_string();
  compare(root / "expected.txt", redact(text.str(), abs));
  compare(root / "expected.json", redact(json.str(), abs));
  compare(root / "expected.sarif", redact(sarif.str(), abs));
  compare(root / "expected.github", redact(github.str(), abs));
  compare(root / "expected.gitlab.json", redact(gitlab.str(), abs));
}
