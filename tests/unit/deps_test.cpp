// `kedrolint deps`: requirement parsing, import-to-distribution mapping and
// the per-pipeline needs of fixtures/reconstruction/viz_showcase.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "engine/engine.hpp"
#include "model/dependencies.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

TEST_CASE("requirements are parsed like pip reads them", "[deps]") {
  model::Requirement r;
  REQUIRE(model::parse_requirement("  kedro-datasets [pandas-csvdataset, Pandas_ParquetDataset]>=3.0; python_version>'3.9'", r));
  CHECK(r.name == "kedro-datasets");
  CHECK(r.extras == std::vector<std::string>{"pandas-csvdataset", "pandas-parquetdataset"});
  REQUIRE(model::parse_requirement("Foo.Bar__baz @ https://example.invalid/x.whl", r));
  CHECK(r.normalized == "foo-bar-baz");
  CHECK_FALSE(model::parse_requirement("--index-url https://example.invalid", r));
  CHECK_FALSE(model::parse_requirement("", r));
}

TEST_CASE("imports map to distributions; the standard library is left out", "[deps]") {
  CHECK(model::distributions_for_import("sklearn").front() == "scikit-learn");
  CHECK(model::distributions_for_import("yaml").front() == "pyyaml");
  CHECK(model::distributions_for_import("kedro_datasets").front() == "kedro-datasets");
  CHECK(model::distributions_for_import("PIL").front() == "pillow");
  CHECK(model::is_stdlib_module("json"));
  CHECK(model::is_stdlib_module("importlib"));
  CHECK_FALSE(model::is_stdlib_module("pandas"));
  CHECK_FALSE(model::is_stdlib_module("distutils"));  // removed in Python 3.12
}

namespace {

struct Fixture {
  fs::path root = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/reconstruction/viz_showcase";
  core::SourceMap sources{root};
  engine::CheckResult result;
  std::vector<model::Requirement> declared;

  Fixture() {
    engine::CheckOptions options;
    options.select = std::vector<std::string>{};
    result = engine::check_project(root, options, sources);
    declared = model::read_requirements(result.project.layout, sources);
  }

  model::Dependencies of(const std::string& pipeline) {
    return model::dependencies_of(result.project, result.project.pipelines.at(pipeline).pipeline->nodes, declared);
  }
};

const model::ImportNeed* find(const model::Dependencies& d, const std::string& name) {
  for (const auto& n : d.imports) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

std::string requirement_of(const model::Dependencies& d, const std::string& name) {
  const auto* n = find(d, name);
  if (!n) return "<not needed>";
  return n->requirement ? n->requirement->text : "<undeclared>";
}

}  // namespace

TEST_CASE("each pipeline needs the imports of its node modules, their project imports and its datasets", "[deps]") {
  Fixture f;
  REQUIRE(f.declared.size() == 8);
  CHECK(f.declared.front().text == "kedro~=1.5.0");  // pyproject.toml first
  const auto dp = f.of("data_processing");
  CHECK(dp.complete);
  CHECK(requirement_of(dp, "kedro") == "kedro~=1.5.0");
  CHECK(requirement_of(dp, "yaml") == "PyYAML");  // imported inside a helper function
  CHECK(requirement_of(dp, "pandas") == "kedro-datasets[pandas-csvdataset,pandas-parquetdataset]>=3.0");
  CHECK(requirement_of(dp, "pyarrow") == "kedro-datasets[pandas-csvdataset,pandas-parquetdataset]>=3.0");
  CHECK(requirement_of(dp, "s3fs") == "s3fs");            // reviews is on s3://
  CHECK(requirement_of(dp, "pyspark") == "<undeclared>");  // shuttles@spark
  CHECK(requirement_of(dp, "matplotlib") == "<not needed>");  // under TYPE_CHECKING
  CHECK(requirement_of(dp, "sklearn") == "<not needed>");
  REQUIRE(find(dp, "ujson"));
  CHECK(find(dp, "ujson")->optional);
  CHECK(dp.modules.count("vizshow.helpers"));
  CHECK_FALSE(dp.modules.count("vizshow.pipeline_registry"));
  const auto ds = f.of("data_science");
  CHECK(requirement_of(ds, "sklearn") == "scikit-learn>=1.5");  // comment dropped
  CHECK(requirement_of(ds, "yaml") == "<not needed>");
  CHECK(requirement_of(f.of("extra"), "requests") == "requests");
}

TEST_CASE("declared requirements no pipeline needs are listed", "[deps]") {
  Fixture f;
  std::vector<model::Dependencies> all;
  for (const auto& [name, p] : f.result.project.pipelines) all.push_back(f.of(name));
  std::vector<std::string> unused;
  for (const auto* r : model::unused_requirements(f.declared, all)) unused.push_back(r->text);
  CHECK(unused == std::vector<std::string>{"ipython>=8.10", "pytest"});
}

TEST_CASE("a kedro-datasets extra provides the libraries it installs, also to nodes without its datasets", "[deps]") {
  Fixture f;
  const auto& nodes = f.result.project.pipelines.at("data_processing").pipeline->nodes;
  const auto lambda = std::find_if(nodes.begin(), nodes.end(), [](const auto& n) { return n->func->is_lambda; });
  REQUIRE(lambda != nodes.end());
  // The lambda reads a MemoryDataset, but its module imports the nodes module, which imports pandas.
  const auto d = model::dependencies_of(f.result.project, {*lambda}, f.declared);
  CHECK(requirement_of(d, "pandas") == "kedro-datasets[pandas-csvdataset,pandas-parquetdataset]>=3.0");
  CHECK(requirement_of(d, "kedro_datasets") == "<not needed>");
}
