// Kedro-Viz ids and layer order, with the vectors of Kedro-Viz's own tests
// (package/tests/conftest.py example_pipelines, test_services/test_layers.py).
#include <catch2/catch.hpp>

#include "model/naming.hpp"
#include "report/kedro_viz_layers.hpp"
#include "report/kedro_viz_values.hpp"

using namespace kedrolint;

namespace {

model::Node make_node(std::string name, std::string func, std::vector<std::string> inputs,
                      std::vector<std::string> outputs) {
  model::Node n;
  if (!name.empty()) n.explicit_name = std::move(name);
  kedrolint::model::own_func(n).name = std::move(func);
  n.inputs_form = inputs.empty() ? model::IoForm::None : model::IoForm::List;
  n.outputs_form = outputs.empty() ? model::IoForm::None : model::IoForm::List;
  for (auto& i : inputs) n.inputs.push_back({std::move(i), {}});
  for (auto& o : outputs) n.outputs.push_back({std::move(o), {}});
  return n;
}

const project::KedroVersion& v1() {
  static const auto v = *project::parse_kedro_version("1.5.0");
  return v;
}

}  // namespace

TEST_CASE("task node ids are the sha1 of str(node), as in Kedro-Viz's example pipelines", "[kedro-viz]") {
  const auto process = make_node("process_data", "process_data",
                                 {"uk.data_processing.raw_data", "params:uk.data_processing.train_test_split"},
                                 {"model_inputs"});
  CHECK(model::node_str(process, v1()) ==
        "process_data: process_data([uk.data_processing.raw_data;params:uk.data_processing.train_test_split]) -> "
        "[model_inputs]");
  CHECK(report::viz::viz_hash(model::node_str(process, v1())) == "782e4a43");
  const auto train = make_node("train_model", "train_model", {"model_inputs", "parameters"}, {"uk.data_science.model"});
  CHECK(report::viz::viz_hash(model::node_str(train, v1())) == "f2b25286");
}

TEST_CASE("str(node) follows the Kedro version and falsy inputs or outputs", "[kedro-viz]") {
  const auto unnamed = make_node("", "f", {"a", "b"}, {});
  CHECK(model::node_str(unnamed, v1()) == "f([a;b]) -> None");
  CHECK(model::node_str(unnamed, *project::parse_kedro_version("0.18.14")) == "f([a,b]) -> None");
  auto partial = make_node("", "", {"x"}, {"y"});
  kedrolint::model::own_func(partial).is_partial = true;
  kedrolint::model::own_func(partial).has_name = false;
  CHECK(model::node_str(partial, v1()) == "<partial>([x]) -> [y]");
}

TEST_CASE("dataset and parameter ids hash the name without transcoding", "[kedro-viz]") {
  CHECK(report::viz::dataset_id("parameters") == "f1f1425b");
  CHECK(report::viz::dataset_id("model_inputs") == "0ecea0de");
  CHECK(report::viz::dataset_id("uk.data_processing.raw_data") == "13399a82");
  CHECK(report::viz::dataset_id("model_inputs@pandas") == "0ecea0de");
  CHECK(report::viz::is_parameter("PARAMS:x"));
  CHECK_FALSE(report::viz::is_parameter("parameters_x"));
}

TEST_CASE("layers are sorted like Kedro-Viz's sort_layers", "[kedro-viz]") {
  using Layers = std::map<std::string, std::optional<std::string>>;
  using Deps = std::map<std::string, std::set<std::string>>;
  // fan-out: model_input comes after feature (no dependency, alphabetical)
  const Layers fan_out = {{"node_1", "raw"},         {"node_2", std::nullopt}, {"node_3", "int"},
                          {"node_4", "int"},         {"node_5", "model_input"}, {"node_6", std::nullopt},
                          {"node_7", "feature"}};
  const Deps fan_out_deps = {{"node_1", {"node_2"}}, {"node_2", {"node_3"}}, {"node_3", {"node_6"}},
                             {"node_4", {"node_5"}}, {"node_6", {"node_7"}}};
  CHECK(report::viz::sort_layers(fan_out, fan_out_deps) ==
        std::vector<std::string>{"raw", "int", "feature", "model_input"});
  Deps fan_in = fan_out_deps;
  fan_in["node_5"] = {"node_7"};
  CHECK(report::viz::sort_layers(fan_out, fan_in) == std::vector<std::string>{"raw", "int", "model_input", "feature"});
  // disjoint: [c, d] then [a, b]
  const Layers disjoint = {{"node_1", "c"}, {"node_2", "a"}, {"node_3", "d"}, {"node_4", "b"}};
  CHECK(report::viz::sort_layers(disjoint, {{"node_1", {"node_2"}}, {"node_3", {"node_4"}}}) ==
        std::vector<std::string>{"c", "d", "a", "b"});
  // a cycle among layers disables them
  CHECK(report::viz::sort_layers({{"n1", "a"}, {"n2", "b"}, {"n3", "a"}}, {{"n1", {"n2"}}, {"n2", {"n3"}}}).empty());
}
