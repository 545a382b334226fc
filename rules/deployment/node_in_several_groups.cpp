// KL401 node-in-several-groups
#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on (`[tool.kedrolint.deploy]`), reports a node of the
deployed pipeline that belongs to more than one group: it has two tags with
the group prefix, it is in two of the listed registered pipelines, or two
entries of the groups file select it.

## Why is this bad?
The node would run in two tasks: its outputs are written twice, possibly
concurrently, and plugins such as kedro-vertexai refuse such a grouping.
Groups must be mutually exclusive.

## Example
```python
node(train, "features", "model", name="train", tags=["group.training", "group.evaluation"])
```

Use instead:
```python
node(train, "features", "model", name="train", tags=["group.training"])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  for (const auto& n : d.nodes) {
    const auto& groups = d.groups_of(n->name);
    if (groups.size() < 2) continue;
    std::vector<std::string> names;
    for (const std::size_t g : groups) names.push_back(d.groups[g].name);
    auto b = ctx.report(n->span, "node `" + n->name + "` is in " + std::to_string(groups.size()) + " deployment groups: " +
                                     core::quoted_list(names, "and"));
    for (const std::size_t g : groups) b.related(d.groups[g].origin, "group `" + d.groups[g].name + "` is defined here");
    b.help("Keep the node in exactly one group.");
  }
}

}  // namespace

extern const RuleBody node_in_several_groups{"a node belongs to more than one deployment group", kDoc, check};

}  // namespace kedrolint::rules
