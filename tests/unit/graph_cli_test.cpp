// `kedrolint graph` and `kedrolint deps` run like a user runs them.
#include "cli_support.hpp"

#include <nlohmann/json.hpp>

using cli_support::kedrolint;
namespace fs = std::filesystem;

namespace {
const std::string kShowcase = std::string(KEDROLINT_SOURCE_DIR) + "/fixtures/reconstruction/viz_showcase";
}

TEST_CASE("graph refuses an unknown pipeline and a viz folder without --output", "[cli][graph]") {
  auto r = kedrolint("graph '" + kShowcase + "' --pipeline nope");
  CHECK(r.status == 2);
  CHECK(r.err.find("no registered pipeline named `nope`") != std::string::npos);
  r = kedrolint("graph '" + kShowcase + "' --format viz");
  CHECK(r.status == 2);
  CHECK(r.err.find("--output DIR") != std::string::npos);
}

TEST_CASE("graph --format viz writes Kedro-Viz's save-file layout", "[cli][graph]") {
  const fs::path dir = cli_support::scratch("viz");
  const auto r = kedrolint("graph '" + kShowcase + "' --format viz --output '" + dir.string() + "'");
  REQUIRE(r.status == 0);
  for (const char* file : {"api/main", "api/run-status", "api/pipelines/__default__", "api/pipelines/extra",
                           "api/nodes/f1f1425b", "api/nodes/ds.candidate"}) {
    CHECK(fs::is_regular_file(dir / file));
  }
  const auto main = nlohmann::json::parse(cli_support::slurp(dir / "api/main"));
  CHECK(main["selected_pipeline"] == "__default__");
  // --pipeline keeps only that pipeline, as `kedro viz run --pipeline` does.
  const fs::path one = cli_support::scratch("viz-one");
  REQUIRE(kedrolint("graph '" + kShowcase + "' --format viz -p extra -o '" + one.string() + "'").status == 0);
  CHECK(nlohmann::json::parse(cli_support::slurp(one / "api/main"))["selected_pipeline"] == "extra");
  CHECK_FALSE(fs::exists(one / "api/pipelines/__default__"));
  fs::remove_all(dir);
  fs::remove_all(one);
}

TEST_CASE("graph --no-params leaves the parameters out", "[cli][graph]") {
  const auto with = kedrolint("graph '" + kShowcase + "' --format dot");
  const auto without = kedrolint("graph '" + kShowcase + "' --format dot --no-params");
  REQUIRE(with.status == 0);
  REQUIRE(without.status == 0);
  CHECK(with.out.find("params:features") != std::string::npos);
  CHECK(without.out.find("params:") == std::string::npos);
}

TEST_CASE("deps lists per-pipeline requirements and the unused ones as JSON", "[cli][deps]") {
  const auto r = kedrolint("deps '" + kShowcase + "' --format json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["by"] == "pipeline");
  CHECK(j["groups"].size() == 5);
  std::vector<std::string> unused;
  for (const auto& u : j["unused"]) unused.push_back(u["requirement"]);
  CHECK(unused == std::vector<std::string>{"ipython>=8.10", "pytest"});
  CHECK(j["unused"][0]["file"] == "requirements.txt");
  CHECK(j["unused"][0]["line"] == 7);
  const auto groups = kedrolint("deps '" + kShowcase + "' --by group --groups namespace --format json");
  REQUIRE(groups.status == 0);
  CHECK(nlohmann::json::parse(groups.out)["by"] == "group");
}
