#include <catch2/catch.hpp>

#include "model/factory_pattern.hpp"
#include "model/kedro_ops.hpp"
#include "model/naming.hpp"

using namespace kedrolint::model;

namespace {

Node make_node(std::string module, std::string func, std::vector<std::string> ins, std::vector<std::string> outs) {
  Node n;
  kedrolint::model::own_func(n).module = std::move(module);
  kedrolint::model::own_func(n).name = func;
  kedrolint::model::own_func(n).qualname = func;
  n.inputs_form = ins.empty() ? IoForm::None : IoForm::List;
  n.outputs_form = outs.size() == 1 ? IoForm::String : IoForm::List;
  for (auto& i : ins) n.raw_inputs.push_back({i, {}});
  for (auto& o : outs) n.outputs.push_back({o, {}});
  order_dict_inputs(n);
  return n;
}

const kedrolint::project::KedroVersion k15 = *kedrolint::project::parse_kedro_version("1.5.0");
const kedrolint::project::KedroVersion k019 = *kedrolint::project::parse_kedro_version("0.19.15");
const kedrolint::project::KedroVersion k018 = *kedrolint::project::parse_kedro_version("0.18.14");

}  // namespace

// Verified against Kedro 1.x (KEDRO_SEMANTICS.md 1.3).
TEST_CASE("default node names in Kedro 1.x are sha256 based", "[model]") {
  auto f = make_node("__main__", "f", {"a", "b"}, {"c"});
  CHECK(*default_node_name(f, k15) == "f__11ef6db7");
  auto ns = make_node("__main__", "f", {"ns.a", "ns.b"}, {"ns.c"});
  ns.namespace_ = "ns";
  CHECK(*full_node_name(ns, k15) == "ns.f__73b7298d");
  auto lambda = make_node("__main__", "<lambda>", {"i"}, {"o"});
  CHECK(*default_node_name(lambda, k15) == "<lambda>__58456c12");
  auto g = make_node("__main__", "g", {"A", "B", "C"}, {});
  g.outputs_form = IoForm::None;
  CHECK(*default_node_name(g, k15) == "g__96b5e0d2");
  auto partial = make_node("__main__", "", {"B", "C"}, {"o"});
  kedrolint::model::own_func(partial).is_partial = true;
  kedrolint::model::own_func(partial).has_name = false;
  kedrolint::model::own_func(partial).inner_name = "g";
  CHECK(*default_node_name(partial, k15) == "partial(g)__71f7fb04");
}

TEST_CASE("default node names in Kedro 0.19 and 0.18 are str(node)", "[model]") {
  auto f = make_node("m", "f", {"a", "b"}, {"c"});
  CHECK(*default_node_name(f, k019) == "f([a;b]) -> [c]");
  CHECK(*default_node_name(f, k018) == "f([a,b]) -> [c]");
  auto none = make_node("m", "f", {}, {"c"});
  CHECK(*default_node_name(none, k019) == "f(None) -> [c]");
  auto external = make_node("numpy", "mean", {"a"}, {"b"});
  kedrolint::model::own_func(external).external = true;
  CHECK_FALSE(default_node_name(external, k15).has_value());  // __module__ is not knowable
  CHECK(*default_node_name(external, k019) == "mean([a]) -> [b]");
}

TEST_CASE("dict inputs are ordered by the function signature", "[model]") {
  // def h(a, b=1, *, c, **kw) with {"k2": "X2", "c": "C", "k1": "X1", "a": "A"} -> [A, C, X2, X1]
  Node n;
  kedrolint::model::own_func(n).signature.known = true;
  kedrolint::model::own_func(n).signature.params = {{"a", Param::Kind::PositionalOrKeyword, false, ""},
                             {"b", Param::Kind::PositionalOrKeyword, true, ""},
                             {"c", Param::Kind::KeywordOnly, false, ""},
                             {"kw", Param::Kind::VarKeyword, false, ""}};
  n.inputs_form = IoForm::Dict;
  n.input_keys = {"k2", "c", "k1", "a"};
  n.raw_inputs = {{"X2", {}}, {"C", {}}, {"X1", {}}, {"A", {}}};
  order_dict_inputs(n);
  std::vector<std::string> names;
  for (const auto& i : n.inputs) names.push_back(i.name);
  CHECK(names == std::vector<std::string>{"A", "C", "X2", "X1"});
  // Kedro's node equality and renaming still see the order written.
  std::vector<std::string> written;
  for (const auto& i : kedrolint::model::written_inputs(n)) written.push_back(i.name);
  CHECK(written == std::vector<std::string>{"X2", "C", "X1", "A"});
}

TEST_CASE("list inputs are kept once, in the order written", "[model]") {
  Node n = make_node("m", "f", {"b", "a"}, {"c"});
  CHECK(n.raw_inputs.empty());
  REQUIRE(n.inputs.size() == 2);
  CHECK(n.inputs[0].name == "b");
  CHECK(&kedrolint::model::written_inputs(n) == &n.inputs);
  const auto renamed = copy_node(n, {{"a", "outside"}}, "ns", true, false, k15);
  REQUIRE(renamed);
  std::vector<std::string> names;
  for (const auto& i : (*renamed)->inputs) names.push_back(i.name);
  CHECK(names == std::vector<std::string>{"ns.b", "outside"});
}

TEST_CASE("namespacing renames like Pipeline._rename", "[model]") {
  const std::map<std::string, std::string> mapping = {{"mapped", "outside"}, {"base", "new_base"}};
  CHECK(rename_dataset("x", mapping, "ns", true) == "ns.x");
  CHECK(rename_dataset("params:p", mapping, "ns", true) == "params:ns.p");
  CHECK(rename_dataset("parameters", mapping, "ns", true) == "parameters");
  CHECK(rename_dataset("mapped", mapping, "ns", true) == "outside");
  CHECK(rename_dataset("base@spark", mapping, "ns", true) == "new_base@spark");
  CHECK(rename_dataset("t@pandas", mapping, "ns", true) == "ns.t@pandas");
  CHECK(rename_dataset("x", mapping, "ns", false) == "x");  // prefix_datasets_with_namespace=False
}

TEST_CASE("Kedro 0.17 namespacing leaves parameters unprefixed", "[model]") {
  const std::map<std::string, std::string> mapping = {{"params:a", "params:b"}};
  CHECK(rename_dataset("params:p", mapping, "ns", true, true) == "params:p");
  CHECK(rename_dataset("parameters_extra", mapping, "ns", true, true) == "parameters_extra");
  CHECK(rename_dataset("params:a", mapping, "ns", true, true) == "params:b");
  CHECK(rename_dataset("x", mapping, "ns", true, true) == "ns.x");
}

TEST_CASE("dataset factory patterns match like the parse library", "[model]") {
  std::string error;
  auto p = FactoryPattern::compile("{a}_{b}", error);
  REQUIRE(p);
  auto m = p->match("x_y_z");
  REQUIRE(m);
  CHECK(m->at("a") == "x");  // lazy: the first field takes the shortest text
  CHECK(m->at("b") == "y_z");
  auto dotted = FactoryPattern::compile("{namespace}.{name}", error);
  CHECK(dotted->match("a.b.c")->at("name") == "b.c");
  auto csv = FactoryPattern::compile("{name}_CSV", error);
  CHECK(csv->match("foo_csv")->at("name") == "foo");  // case-insensitive, values keep their case
  auto repeated = FactoryPattern::compile("{x}_{x}", error);
  CHECK(repeated->match("a_a"));
  CHECK_FALSE(repeated->match("a_b"));
  auto typed = FactoryPattern::compile("model_{n:d}", error);
  CHECK(typed->match("model_007")->at("n") == "7");
  CHECK_FALSE(typed->match("model_x"));
  CHECK_FALSE(FactoryPattern::compile("{name", error));
  CHECK(error.find("unbalanced") != std::string::npos);
  CHECK(FactoryPattern::compile("{{literal}}_{x}", error)->match("{literal}_1"));
}

TEST_CASE("adjacent factory fields search each split once (a fuzz input had hung the matcher)", "[model]") {
  std::string error;
  // Four adjacent untyped fields: a name that does not match made the matcher
  // try about n^4 / 24 splits, each copying the values bound so far.
  auto p = FactoryPattern::compile("{name}{resv}{ns.n}{ame}_{stage}", error);
  REQUIRE(p);
  const std::string long_name(400, 'x');
  CHECK_FALSE(p->match(long_name));
  auto m = p->match(long_name + "_raw");
  REQUIRE(m);
  // Lazy as before: the first three fields take one character each.
  CHECK(m->at("name") == "x");
  CHECK(m->at("resv") == "x");
  CHECK(m->at("ns.n") == "x");
  CHECK(m->at("ame") == std::string(397, 'x'));
  CHECK(m->at("stage") == "raw");
  // Lazy: `{ame}` stops at the first `_`, and `{stage}` takes the rest.
  auto two = p->match("abcd_e_f");
  REQUIRE(two);
  CHECK(two->at("ame") == "d");
  CHECK(two->at("stage") == "e_f");
  // A repeated name keeps its backreference, without the memo.
  auto repeated = FactoryPattern::compile("{a}{b}_{a}", error);
  REQUIRE(repeated);
  CHECK(repeated->match("xyz_x"));
  CHECK_FALSE(repeated->match("xyz_q"));
}

TEST_CASE("dataset factory patterns rank like Kedro", "[model]") {
  std::vector<std::string> texts = {"in-{dataset_name}", "{dataset_name}#csv", "out-{dataset_name}", "{name}_data",
                                    "{name}-{folder}#csv", "{namespace}.int_{name}"};
  std::vector<FactoryPattern> patterns;
  std::string error;
  for (const auto& t : texts) patterns.push_back(*FactoryPattern::compile(t, error));
  std::sort(patterns.begin(), patterns.end(), pattern_ranks_before);
  std::vector<std::string> ranked;
  for (const auto& p : patterns) ranked.push_back(p.text());
  // Verified order (KEDRO_SEMANTICS.md 6.4).
  CHECK(ranked == std::vector<std::string>{"{namespace}.int_{name}", "{name}-{folder}#csv", "{name}_data",
                                           "out-{dataset_name}", "{dataset_name}#csv", "in-{dataset_name}"});
  CHECK(FactoryPattern::compile("{a}{b}", error)->is_catch_all());
}

TEST_CASE("Kedro names and tags accept letters, digits, _, - and .", "[model]") {
  CHECK(is_valid_kedro_name("train_model-v2.final"));
  CHECK(is_valid_kedro_name("modèle"));
  CHECK_FALSE(is_valid_kedro_name("group:training"));
  CHECK_FALSE(is_valid_kedro_name("with space"));
  CHECK_FALSE(is_valid_kedro_name(""));
}

TEST_CASE("Pipeline & keeps the nodes of the smaller operand, of the right one when equal", "[model]") {
  auto n1 = std::make_shared<Node>(make_node("m", "f", {"a"}, {"b"}));
  auto n2 = std::make_shared<Node>(make_node("m", "f", {"b"}, {"c"}));
  for (auto* n : {n1.get(), n2.get()}) {
    n->name = *full_node_name(*n, k15);
    set_identity(*n);
  }
  auto tagged = [](const NodePtr& n, const std::string& tag) { return tag_node(n, {tag}, {}); };
  const std::vector<NodePtr> a = {tagged(n1, "A"), tagged(n2, "A")};
  const std::vector<NodePtr> b = {tagged(n1, "B"), tagged(n2, "B")};
  auto tags_of = [](const std::vector<NodePtr>& nodes) {
    std::vector<std::string> out;
    for (const auto& n : nodes) out.push_back(n->tags.front());
    return out;
  };
  // Verified with Kedro 1.5.0: p.tag("A") & p.tag("B") has tags ['B'].
  CHECK(tags_of(pipeline_and(a, b)) == std::vector<std::string>{"B", "B"});
  CHECK(tags_of(pipeline_and(a, {b[0]})) == std::vector<std::string>{"B"});
  CHECK(tags_of(pipeline_and({a[0]}, b)) == std::vector<std::string>{"A"});
}

// Kedro's Node.__eq__ compares _unique_key: (name, inputs as given, outputs
// as given), dict inputs as sorted (key, name) pairs.
TEST_CASE("node equality is Kedro's, held as a hash", "[model]") {
  auto a = make_node("m", "f", {"x", "y"}, {"z"});
  a.name = "n";
  set_identity(a);
  auto same = a;
  own_func(same).module = "other";  // the function is not part of the key
  same.tags = {"t"};
  set_identity(same);
  CHECK(a.identity_hash == same.identity_hash);
  CHECK(same_node(a, same));

  auto reordered = make_node("m", "f", {"y", "x"}, {"z"});
  reordered.name = "n";
  set_identity(reordered);
  CHECK_FALSE(same_node(a, reordered));
  auto renamed = a;
  renamed.name = "n2";
  set_identity(renamed);
  CHECK_FALSE(same_node(a, renamed));

  // Dict inputs written in another order are the same node.
  Node d1, d2;
  d1.name = d2.name = "d";
  d1.inputs_form = d2.inputs_form = IoForm::Dict;
  d1.input_keys = {"p", "q"};
  d1.raw_inputs = {{"a", {}}, {"b", {}}};
  d2.input_keys = {"q", "p"};
  d2.raw_inputs = {{"b", {}}, {"a", {}}};
  set_identity(d1);
  set_identity(d2);
  CHECK(same_node(d1, d2));

  NodeIdentitySet seen;
  CHECK(seen.insert(&a).second);
  CHECK_FALSE(seen.insert(&same).second);
  CHECK(seen.insert(&reordered).second);
  CHECK(seen.insert(&renamed).second);
}

TEST_CASE("a pipeline's dataset names are sorted views into its nodes", "[model]") {
  auto first = std::make_shared<Node>(make_node("m", "f", {"raw@pandas", "params:p"}, {"mid"}));
  auto second = std::make_shared<Node>(make_node("m", "g", {"mid", "raw@spark"}, {"out"}));
  const std::vector<NodePtr> nodes{first, second};
  const auto facts = pipeline_datasets(nodes);
  CHECK(std::vector<std::string_view>(facts.free_inputs.begin(), facts.free_inputs.end()) ==
        std::vector<std::string_view>{"params:p", "raw@pandas", "raw@spark"});
  CHECK(std::vector<std::string_view>(facts.free_outputs.begin(), facts.free_outputs.end()) ==
        std::vector<std::string_view>{"out"});
  CHECK(facts.datasets.size() == 5);
  CHECK(facts.datasets.contains("mid"));
  CHECK_FALSE(facts.datasets.contains("raw"));
  // The views are the nodes' own strings, not copies.
  CHECK(facts.free_outputs.begin()->data() == second->outputs[0].name.data());
  CHECK(free_inputs(nodes) == std::set<std::string>{"params:p", "raw@pandas", "raw@spark"});
}

TEST_CASE("tagging a node with tags it has shares the node", "[model]") {
  auto n = make_node("m", "f", {"a"}, {"b"});
  n.tags = {"x", "y"};
  n.tag_spans = {{1, 0, 1}, {1, 2, 3}};
  const NodePtr node = std::make_shared<const Node>(n);
  CHECK(tag_node(node, {"y"}, {2, 0, 1}) == node);
  CHECK(tag_node(node, {}, {2, 0, 1}) == node);
  const NodePtr tagged = tag_node(node, {"y", "w"}, {2, 5, 6});
  REQUIRE(tagged != node);
  CHECK(tagged->tags == std::vector<std::string>{"w", "x", "y"});
  CHECK(tag_origin(*tagged, "y") == kedrolint::core::Span{1, 2, 3});  // where it was first added
  CHECK(tag_origin(*tagged, "w") == kedrolint::core::Span{2, 5, 6});
}
