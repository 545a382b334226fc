// KL407 namespace-group-collision
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment groups by namespace, reports a node without a namespace
whose name equals a top-level namespace of other nodes.

## Why is this bad?
Kedro's `Pipeline.group_nodes_by("namespace")` keys groups by the top-level
namespace, or by the node's own name when it has none. The two keys collide,
and the node is silently merged into that namespace's group (and task).

## Example
```python
pipeline(training_nodes, namespace="training"),
node(summarize, "metrics", "summary", name="training"),
```

Use instead:
```python
node(summarize, "metrics", "summary", name="training_summary"),
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  for (const auto& c : project.deployment->collisions) {
    if (c.kind != model::Deployment::Collision::Kind::Namespace) continue;
    ctx.report(c.node->name_span.valid() ? c.node->name_span : c.node->span,
               "node `" + c.node->name + "` has no namespace but the same name as namespace `" + c.namespace_ +
                   "`: grouping by namespace merges it into that group")
        .related(c.namespaced_node->span, "a node of namespace `" + c.namespace_ + "`")
        .help("Rename the node, or give it a namespace.");
  }
}

}  // namespace

extern const RuleBody namespace_group_collision{"a node name collides with a namespace when grouping", kDoc, check};

}  // namespace kedrolint::rules
