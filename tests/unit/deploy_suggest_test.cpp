// Deployment groups: `--suggest` partitions (valid, and made acyclic by merging
// the strongly connected components of the quotient graph) and group origins.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/engine.hpp"
#include "model/project.hpp"

using namespace kedrolint;

namespace {

model::NodePtr make_node(const std::string& name, std::vector<std::string> ins, std::vector<std::string> outs) {
  auto n = std::make_shared<model::Node>();
  n->name = name;
  for (auto& i : ins) n->inputs.push_back({i, {}});
  for (auto& o : outs) n->outputs.push_back({o, {}});
  return n;
}

void add_dataset(model::Project& project, const std::string& name, std::optional<std::string> path) {
  model::ResolvedDataset d;
  d.persisted = d.stored = path.has_value();
  d.filepath = path;
  d.stored_at = std::move(path);
  project.datasets.set(name, d);
}

std::vector<std::vector<std::string>> names(const std::vector<model::DeployGroup>& groups) {
  std::vector<std::vector<std::string>> out;
  for (const auto& g : groups) {
    out.emplace_back();
    out.back().push_back(g.name + ":");
    for (const auto& n : g.nodes) out.back().push_back(n->name);
  }
  return out;
}

model::DeployConfig shared_gs() {
  model::DeployConfig config;
  config.enabled = true;
  config.mapping = "M:N";
  config.shared_prefixes = {"gs://"};
  return config;
}

}  // namespace

TEST_CASE("memory groups on a cycle are merged into the first of them", "[deploy]") {
  // a -(m, memory)-> b, a -(f)-> c, c -(g)-> b: {a, b} -> {c} -> {a, b}.
  model::Project project;
  add_dataset(project, "m", std::nullopt);
  add_dataset(project, "f", "gs://b/f");
  add_dataset(project, "g", "gs://b/g");
  const std::vector<model::NodePtr> nodes = {make_node("a", {}, {"m", "f"}), make_node("c", {"f"}, {"g"}),
                                             make_node("b", {"m", "g"}, {})};
  const auto groups = model::suggest_groups(project, nodes, shared_gs(), "memory");
  CHECK(names(groups) == std::vector<std::vector<std::string>>{{"a:", "a", "c", "b"}});
}

TEST_CASE("a thousand separate cycles are merged in one pass", "[deploy]") {
  model::Project project;
  std::vector<model::NodePtr> nodes;
  for (int i = 0; i < 1000; ++i) {
    const std::string k = std::to_string(i);
    add_dataset(project, "m" + k, std::nullopt);
    add_dataset(project, "f" + k, "gs://b/f" + k);
    add_dataset(project, "g" + k, "gs://b/g" + k);
    nodes.push_back(make_node("a" + k, {}, {"m" + k, "f" + k}));
    nodes.push_back(make_node("c" + k, {"f" + k}, {"g" + k}));
    nodes.push_back(make_node("b" + k, {"m" + k, "g" + k}, {}));
  }
  const auto groups = model::suggest_groups(project, nodes, shared_gs(), "memory");
  REQUIRE(groups.size() == 1000);
  CHECK(names({groups[7]}) == std::vector<std::vector<std::string>>{{"a7:", "a7", "c7", "b7"}});
  const auto d = model::assemble_deployment(shared_gs(), "__default__", nodes, groups);
  CHECK(d.crossings.empty());
}

TEST_CASE("branch suggestions keep data that only one task sees inside a group", "[deploy]") {
  // root forks into x and y; x's output `mx` is in memory and y's `ly` is on
  // a local path: both must stay with their consumer `join`.
  model::Project project;
  add_dataset(project, "r", "gs://b/r");
  add_dataset(project, "mx", std::nullopt);
  add_dataset(project, "ly", "data/ly.csv");
  add_dataset(project, "s", "gs://b/s");
  const std::vector<model::NodePtr> nodes = {make_node("root", {}, {"r"}), make_node("x", {"r"}, {"mx"}),
                                             make_node("y", {"r"}, {"ly"}), make_node("z", {"r"}, {"s"}),
                                             make_node("join", {"mx", "ly", "s"}, {})};
  const auto config = shared_gs();
  const auto d = model::assemble_deployment(config, "__default__", nodes,
                                            model::suggest_groups(project, nodes, config, "branches"));
  for (const auto& c : d.crossings) {
    CAPTURE(c.dataset);
    CHECK(model::storage_of(project, c.dataset, config) == model::Storage::Shared);
  }
  CHECK(names(d.groups) == std::vector<std::vector<std::string>>{{"root:", "root"}, {"x:", "x", "y", "join"}, {"z:", "z"}});
}

namespace {

// "file:line:col message" of each related label of the findings with `code`.
std::vector<std::string> related_of(const std::string& fixture, const std::string& code) {
  const std::filesystem::path root = std::filesystem::path(KEDROLINT_SOURCE_DIR) / "fixtures/rules" / fixture;
  core::SourceMap sources(root);
  engine::CheckOptions options;
  options.select = std::vector<std::string>{code};
  const auto result = engine::check_project(root, options, sources);
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) {
    for (const auto& label : d.related) {
      const auto& file = sources.get(label.span.file);
      const auto pos = file.position(label.span.begin);
      out.push_back(file.display_path() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + " " +
                    label.message);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("groups of the `pipelines` strategy are defined at their registry entry", "[deploy]") {
  // register_pipelines() returns {"__default__": ..., "prep": prep, "train": train, ...}
  CHECK(related_of("KL401_node_in_several_groups/pipelines_strategy", "KL401") ==
        std::vector<std::string>{"src/demo/pipeline_registry.py:20:9 group `prep` is defined here",
                                 "src/demo/pipeline_registry.py:21:9 group `train` is defined here"});
}
