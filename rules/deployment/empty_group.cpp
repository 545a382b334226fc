// KL403 empty-group
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on, reports a group that contains no node of the
deployed pipeline: a groups-file entry whose filters select nothing, or a
listed registered pipeline that shares no node with the deployed one.

## Why is this bad?
An empty group becomes an empty task (or a failing one), which usually means
its filters name nodes, tags or namespaces that were renamed.

## Example
```yaml
groups:
  training:
    tags: [trainig]
```

Use instead:
```yaml
groups:
  training:
    tags: [training]
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  for (const auto& g : d.groups) {
    if (!g.nodes.empty()) continue;
    ctx.report(g.origin.valid() ? g.origin : (d.config.groups_span.valid() ? d.config.groups_span : d.config.span),
               "deployment group `" + g.name + "` contains no node of pipeline `" + d.pipeline + "`")
        .help("Fix its filters, or remove the group.");
  }
}

}  // namespace

extern const RuleBody empty_group{"a deployment group with no node", kDoc, check};

}  // namespace kedrolint::rules
