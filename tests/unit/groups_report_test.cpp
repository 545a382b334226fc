// The diagrams and files of `kedrolint groups`: every node declared once
// with its name, crossing edges coloured by storage.
#include <catch2/catch.hpp>

#include <sstream>

#include "model/project.hpp"
#include "report/groups.hpp"

using namespace kedrolint;

namespace {

model::NodePtr make_node(const std::string& name, std::vector<std::string> ins, std::vector<std::string> outs) {
  auto n = std::make_shared<model::Node>();
  n->name = name;
  kedrolint::model::own_func(*n).name = "f";
  for (auto& i : ins) {
    n->inputs.push_back({i, {}});
    n->raw_inputs.push_back({i, {}});
  }
  for (auto& o : outs) n->outputs.push_back({o, {}});
  return n;
}

void add_dataset(model::Project& project, const std::string& name, bool persisted, std::optional<std::string> path,
                 bool symbolic = false) {
  model::ResolvedDataset d;
  d.persisted = d.stored = persisted;
  d.filepath = path;
  d.filepath_symbolic = d.stored_at_symbolic = symbolic;
  d.stored_at = std::move(path);
  project.datasets.set(name, d);
}

// a -(u: path known at run time)-> b, c -(s: shared)-> d; `e` is in two
// groups and `d` in none.
struct Example {
  model::Project project;
  model::Deployment deployment;
  Example() {
    const auto a = make_node("a", {"raw"}, {"u"});
    const auto b = make_node("b", {"u"}, {"x"});
    const auto c = make_node("c", {"raw"}, {"s"});
    const auto d = make_node("d", {"s"}, {"out"});
    const auto e = make_node("e", {"raw"}, {"y"});
    add_dataset(project, "u", true, "${globals:base}/u.csv", true);
    add_dataset(project, "s", true, "gs://bucket/s.csv");
    model::DeployConfig config;
    config.enabled = true;
    config.shared_prefixes = {"gs://"};
    deployment = model::assemble_deployment(config, "__default__", {a, b, c, d, e},
                                            {{"first", {a, c, e}, {}}, {"second", {b, e}, {}}});
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the Graphviz diagram declares every node once, by name", "[groups]") {
  Example ex;
  std::ostringstream out;
  report::write_groups_dot(ex.project, ex.deployment, out);
  const std::string dot = out.str();
  CAPTURE(dot);
  // `d` is in no group: declared outside the clusters, labelled by its name.
  CHECK(count(dot, "n3 [label=\"d\"]") == 1);
  // `e` is in two groups: declared once, in its first cluster, with a note.
  CHECK(count(dot, " n4 [label=") == 1);
  CHECK(count(dot, "n4 [label=\"e\\n(also in second)\"]") == 1);
  for (const char* id : {"n0 [label=\"a\"]", "n1 [label=\"b\"]", "n2 [label=\"c\"]"}) CHECK(count(dot, id) == 1);
}

TEST_CASE("the Graphviz diagram colours crossings by storage, unknown in grey", "[groups]") {
  Example ex;
  std::ostringstream out;
  report::write_groups_dot(ex.project, ex.deployment, out);
  const std::string dot = out.str();
  CAPTURE(dot);
  CHECK(dot.find("n0 -> n1 [label=\"u (unknown)\", penwidth=2, color=\"#7f7f7f\"]") != std::string::npos);
}

TEST_CASE("the Mermaid diagram declares every node once, by name", "[groups]") {
  Example ex;
  std::ostringstream out;
  report::write_groups_mermaid(ex.project, ex.deployment, out);
  const std::string mermaid = out.str();
  CAPTURE(mermaid);
  CHECK(count(mermaid, "n3[\"d\"]") == 1);
  CHECK(count(mermaid, " n4[") == 1);
}

TEST_CASE("the groups file of no group reads back as a mapping", "[groups]") {
  model::Deployment d;
  d.pipeline = "__default__";
  std::ostringstream out;
  report::write_groups_yaml(d, out);
  CHECK(out.str().find("\ngroups: {}\n") != std::string::npos);
}

TEST_CASE("the groups file leaves out empty groups, which Pipeline.filter cannot express", "[groups]") {
  Example ex;
  ex.deployment.groups.push_back({"empty", {}, {}});
  std::ostringstream out;
  report::write_groups_yaml(ex.deployment, out);
  const std::string yaml = out.str();
  CAPTURE(yaml);
  CHECK(yaml.find("# group 'empty' selects no node (KL403) and is left out.\n") != std::string::npos);
  CHECK(yaml.find("  'empty':") == std::string::npos);
  CHECK(yaml.find("  'first':\n    node_names:\n      - 'a'\n      - 'c'\n      - 'e'\n") != std::string::npos);
}
