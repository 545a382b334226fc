// model::Catalog: explicit entries, factory patterns and how each dataset
// name resolves, from catalog YAML as the config loader gives it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config/interpolation.hpp"
#include "model/catalog.hpp"
#include "model/dataset_table.hpp"
#include "parse/yaml_source.hpp"

using namespace kedrolint;

namespace {

struct Built {
  core::SourceFile file;
  std::vector<core::Finding> findings;
  std::unique_ptr<model::Catalog> catalog;
  explicit Built(std::string text, std::string_view version = "1.5.0")
      : file(0, "/p/catalog.yml", "catalog.yml", std::move(text)) {
    const auto yaml = parse::parse_yaml(file);
    REQUIRE_FALSE(yaml.error);
    const auto value = config::resolve_interpolations(config::from_yaml(*yaml.root),
                                                      config::ResolverContext{"catalog", nullptr, {}, false}, findings);
    const auto v = project::parse_kedro_version(version);
    REQUIRE(v);
    catalog = std::make_unique<model::Catalog>(
        value, *v, [](const std::string&, const std::string&) { return std::optional<model::ProjectClass>(); },
        findings);
  }
  std::string messages() const {
    std::string out;
    for (const auto& f : findings) out += f.code + " " + f.message + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("catalog: a run-time interpolation in a pattern body is no placeholder", "[model][catalog]") {
  Built b(
      "\"{name}_csv\":\n"
      "  type: pandas.CSVDataset\n"
      "  filepath: data/${runtime_params:run, r0}/{name}.csv\n"
      "  load_args:\n"
      "    sep: ${runtime_params:sep}\n");
  INFO(b.messages());
  CHECK(b.findings.empty());
  REQUIRE(b.catalog->patterns().size() == 1);
  const auto d = b.catalog->resolve("a_csv");
  CHECK(d.source == model::ResolvedDataset::Source::Factory);
  REQUIRE(d.filepath);
  CHECK(*d.filepath == "data/${runtime_params:run, r0}/a.csv");
  CHECK(d.filepath_symbolic);
}

TEST_CASE("catalog: datasets backed by the default share one description", "[model][catalog]") {
  Built b("model:\n  type: pickle.PickleDataset\n  filepath: data/06_models/model.pkl\n");
  model::DatasetTable table;
  table.add("a", b.catalog->resolve("a"));
  table.add("b", b.catalog->resolve("b"));
  table.add("model", b.catalog->resolve("model"));
  table.add("a", b.catalog->resolve("model"));  // present already: kept
  REQUIRE(table.size() == 3);
  CHECK(&table.at("a") == &table.at("b"));
  CHECK(table.at("a").source == model::ResolvedDataset::Source::Default);
  CHECK(table.at("a").type == "kedro.io.MemoryDataset");
  CHECK(table.at("model").source == model::ResolvedDataset::Source::Catalog);
  CHECK(table.find("model")->second.persisted);
  CHECK(table.find("missing") == table.end());
  std::vector<std::string> names;
  for (const auto& [name, d] : table) names.push_back(name);
  CHECK(names == std::vector<std::string>{"a", "b", "model"});
  // Lookups go through an index of the table's own names: a copy must not
  // answer from the table it was copied from.
  model::DatasetTable copy = table;
  table.set("model", b.catalog->resolve("a"));
  CHECK(copy.at("model").source == model::ResolvedDataset::Source::Catalog);
  CHECK(table.at("model").source == model::ResolvedDataset::Source::Default);
  copy.set("c", b.catalog->resolve("a"));
  CHECK(copy.count("c") == 1);
  CHECK(table.count("c") == 0);
  model::DatasetTable moved = std::move(copy);
  CHECK(moved.find("model")->second.persisted);
  CHECK(moved.count("c") == 1);
}
