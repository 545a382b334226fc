// KL404 group-cycle
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on, checks that the deployment groups still form a
DAG once the nodes are grouped: a group cannot need data from a group that
itself needs data from the first. The pipeline can be acyclic while its
groups are not. One shortest cycle is reported, as the chain of groups with
the node and dataset behind each step (SARIF `codeFlows`).

## Why is this bad?
Orchestrators (Airflow, Kubeflow, Vertex AI...) run tasks in a DAG and refuse
cyclic task graphs, or deadlock. Neither Kedro's `group_nodes_by("namespace")`
nor kedro-airflow's `--group-by memory` checks this (kedro issue #3000).

## Example
```python
# groups by namespace: A and B in "ns", C outside it
node(a, "raw", "m", name="a", namespace="ns"),     # A -> B through m
node(a2, "raw", "f", name="a2", namespace="ns"),   # A2 -> C through f
node(c, "f", "g", name="c"),                        # C -> B through g
node(b, ["m", "g"], "out", name="b", namespace="ns"),
```

Use instead: put `c` in the namespace too, or split `ns` so that the data
flows one way between groups.
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  const auto cycle = model::shortest_group_cycle(d);
  if (cycle.empty()) return;
  std::string chain;
  for (const auto* c : cycle) chain += "`" + d.groups[c->from].name + "` -(" + c->dataset + ")-> ";
  chain += "`" + d.groups[cycle.front()->from].name + "`";
  auto b = ctx.report(cycle.front()->produced_at, "deployment groups form a cycle: " + chain);
  for (const auto* c : cycle) {
    b.step(c->produced_at, "`" + c->producer->name + "` (group `" + d.groups[c->from].name + "`) produces `" + c->dataset +
                               "`");
    b.step(c->consumed_at, "`" + c->consumer->name + "` (group `" + d.groups[c->to].name + "`) consumes `" + c->dataset + "`");
  }
  b.help("Regroup so that data flows one way between groups: move a node of the cycle into another group, or merge "
         "the groups (`kedrolint groups --suggest memory` proposes an acyclic grouping).");
}

}  // namespace

extern const RuleBody group_cycle{"deployment groups depend on each other in a circle", kDoc, check};

}  // namespace kedrolint::rules
