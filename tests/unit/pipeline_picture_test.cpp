// `kedrolint graph --format mermaid|dot`: golden files for two fixtures
// (KEDROLINT_UPDATE_SNAPSHOTS=1 rewrites them) and the escaping of names.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "report/pipeline_picture.hpp"
#include "golden_file.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;
using golden_file::compare;

namespace {

report::Picture picture_of(const fs::path& root, const std::string& pipeline, bool parameters = true) {
  core::SourceMap sources(root);
  engine::CheckOptions options;
  options.select = std::vector<std::string>{};
  const auto result = engine::check_project(root, options, sources);
  REQUIRE(result.project.pipelines.count(pipeline));
  return report::build_picture(result.project, result.project.pipelines.at(pipeline), {parameters});
}

}  // namespace

TEST_CASE("Mermaid and DOT pictures match the golden files", "[graph]") {
  for (const char* name : {"viz_showcase", "names_escaping"}) {
    const fs::path root = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/reconstruction" / name;
    const auto picture = picture_of(root, "__default__");
    std::ostringstream mermaid, dot;
    report::write_picture_mermaid(picture, mermaid);
    report::write_picture_dot(picture, dot);
    compare(root / "expected.graph.mmd", mermaid.str());
    compare(root / "expected.graph.dot", dot.str());
  }
}

TEST_CASE("pictures put namespaces in nested clusters and style datasets by kind and persistence", "[graph]") {
  const auto p = picture_of(fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/reconstruction/viz_showcase", "__default__");
  CHECK(p.clusters == std::vector<std::string>{"ds", "ds.candidate", "loop"});
  auto dataset = [&](const std::string& label) {
    for (const auto& d : p.datasets) {
      if (d.label == label) return d;
    }
    FAIL("no dataset " << label);
    return report::Picture::Item{};
  };
  CHECK(dataset("regressor").cluster == "ds.candidate");
  CHECK(dataset("regressor").persisted);
  CHECK(dataset("companies").kind == "table");
  CHECK_FALSE(dataset("companies_copy").persisted);
  CHECK(dataset("shuttles").persisted);  // one item for shuttles@pandas and shuttles@spark
  const auto without = picture_of(fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/reconstruction/viz_showcase",
                                  "__default__", false);
  CHECK(without.parameters.empty());
  CHECK(without.edges.size() < p.edges.size());
}

TEST_CASE("labels are escaped for Mermaid and DOT", "[graph]") {
  CHECK(report::mermaid_label(R"(say "hi" <b>&amp;</b> #1 `x`)") ==
        "say #quot;hi#quot; #lt;b#gt;#amp;amp;#lt;/b#gt; #35;1 #96;x#96;");
  CHECK(report::mermaid_label("ünï\ncôdé") == "ünï côdé");
  CHECK(report::dot_label(R"(a "b" \c)") == R"(a \"b\" \\c)");
  CHECK(report::dot_label("<b>&amp;</b>") == "<b>&amp;amp;</b>");
  CHECK(report::dot_label("two\nlines") == "two\\nlines");
}
