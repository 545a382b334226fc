// KL101 circular-dependency
#include <algorithm>
#include <map>
#include <set>

#include <functional>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds nodes of a registered pipeline that depend on each other in a circle:
a node consumes (directly or through other nodes) a dataset that it itself
produces. Transcoded names (`x@pandas`, `x@spark`) count as the same dataset,
as in Kedro. The cycle is reported at one of its nodes, with every node of the
cycle and the dataset that links it to the next one.

## Why is this bad?
Kedro cannot order the nodes: building the pipeline raises
`CircularDependencyError: Circular dependencies exist among the following
items`, so no Kedro command loads the project.

## Example
```python
pipeline([
    node(clean, "raw", "clean"),
    node(enrich, ["clean", "features"], "enriched"),
    node(featurize, "enriched", "features"),
])
```

Use instead:
```python
pipeline([
    node(clean, "raw", "clean"),
    node(featurize, "clean", "features"),
    node(enrich, ["clean", "features"], "enriched"),
])
```
)md";

// One cycle through the cyclic nodes (indices into `nodes`), found by DFS.
std::vector<std::size_t> find_cycle(const std::vector<model::NodePtr>& nodes, const model::ParentLists& parents) {
  std::vector<int> state(nodes.size(), 0);
  std::vector<std::size_t> stack;
  std::vector<std::size_t> cycle;
  std::function<bool(std::size_t)> dfs = [&](std::size_t v) {
    state[v] = 1;
    stack.push_back(v);
    for (const std::size_t p : parents[v]) {
      if (state[p] == 1) {
        auto it = std::find(stack.begin(), stack.end(), p);
        cycle.assign(it, stack.end());
        return true;
      }
      if (state[p] == 0 && dfs(p)) return true;
    }
    stack.pop_back();
    state[v] = 2;
    return false;
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (state[i] == 0 && dfs(i)) break;
  }
  // `cycle` follows parent links (child -> parent); report it producer first,
  // starting from the smallest node name so the report is stable.
  std::reverse(cycle.begin(), cycle.end());
  if (!cycle.empty()) {
    auto smallest = std::min_element(cycle.begin(), cycle.end(),
                                     [&](std::size_t a, std::size_t b) { return nodes[a]->name < nodes[b]->name; });
    std::rotate(cycle.begin(), smallest, cycle.end());
  }
  return cycle;
}

std::string link_between(const model::Node& producer, const model::Node& consumer) {
  for (const auto& o : producer.outputs) {
    for (const auto& i : consumer.inputs) {
      if (model::strip_transcoding(o.name) == model::strip_transcoding(i.name)) return o.name;
    }
  }
  return "?";
}

void check(const model::Project& project, RuleContext& ctx) {
  std::set<std::string> reported;
  for (const auto& [name, reg] : project.pipelines) {
    if (reg.order.cyclic.empty()) continue;
    const auto& nodes = reg.order.cyclic;
    // Before Kedro 0.19.4 the toposort library ignores a node's dependency on itself.
    const auto parents = model::node_parents(nodes, !project.layout.kedro_version.at_least(0, 19, 4));
    const auto cycle = find_cycle(nodes, parents);
    if (cycle.empty()) continue;
    std::vector<std::string> names;
    for (const std::size_t i : cycle) names.push_back(nodes[i]->name);
    auto key = names;
    std::sort(key.begin(), key.end());
    if (!reported.insert(core::join(key, "\n")).second) continue;
    std::string path;
    for (std::size_t k = 0; k < cycle.size(); ++k) {
      const auto& from = *nodes[cycle[k]];
      const auto& to = *nodes[cycle[(k + 1) % cycle.size()]];
      path += "`" + from.name + "` -(" + link_between(from, to) + ")-> ";
    }
    path += "`" + nodes[cycle.front()]->name + "`";
    auto b = ctx.report(nodes[cycle.front()]->span, "circular dependency: " + path);
    for (std::size_t k = 0; k < cycle.size(); ++k) {
      const auto& from = *nodes[cycle[k]];
      const auto& to = *nodes[cycle[(k + 1) % cycle.size()]];
      b.related(from.span, "`" + from.name + "` produces `" + link_between(from, to) + "`, consumed by `" + to.name + "`");
    }
    b.help("Break the cycle: one of these nodes must not consume, directly or indirectly, what it produces.");
  }
}

}  // namespace

extern const RuleBody circular_dependency{"nodes of a pipeline depend on each other in a circle", kDoc, check};

}  // namespace kedrolint::rules
