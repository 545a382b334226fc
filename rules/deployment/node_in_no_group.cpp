// KL402 node-in-no-group
#include <algorithm>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on, reports a node of the deployed pipeline that no
group contains: it has no tag with the group prefix (unless
`untagged = "singleton"`, the default of the `vertexai` target), its only
such tag is the bare prefix (`group.`, which names no group), it is in none
of the listed registered pipelines, or no entry of the groups file selects
it.

## Why is this bad?
No task runs the node, so its outputs are never produced and every task
downstream fails. Groups must cover the whole pipeline.

## Example
```toml
[tool.kedrolint.deploy]
target = "vertexai"     # groups = "tags:group."
untagged = "error"      # vertexai's default runs untagged nodes alone
```
```python
node(report, "metrics", "report_html", name="report")   # no group.* tag
```

Use instead:
```python
node(report, "metrics", "report_html", name="report", tags="group.reporting")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  if (d.config.mapping != "M:N") return;
  for (const auto& n : d.nodes) {
    if (!d.groups_of(n->name).empty()) continue;
    std::string why;
    if (d.config.groups.rfind("tags:", 0) == 0) {
      const std::string prefix = d.config.groups.substr(5);
      why = std::find(n->tags.begin(), n->tags.end(), prefix) != n->tags.end()
                ? " (its tag `" + prefix + "` has nothing after the prefix, so it names no group)"
                : " (it has no tag starting with `" + prefix + "`)";
    }
    ctx.report(n->span, "node `" + n->name + "` of pipeline `" + d.pipeline + "` is in no deployment group" + why)
        .help(d.config.groups.rfind("tags:", 0) == 0 ? "Tag it, e.g. `tags=\"" + d.config.groups.substr(5) +
                                                           "<group>\"`, or set `untagged = \"singleton\"`."
                                                     : "Add it to one of the groups.");
  }
}

}  // namespace

extern const RuleBody node_in_no_group{"a node belongs to no deployment group", kDoc, check};

}  // namespace kedrolint::rules
