// KL408 tag-group-collision
#include <algorithm>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment groups by tags (`groups = "tags:<prefix>"`, the `vertexai`
target), reports a node whose name is also the name of a tag group: a node
named `training` while other nodes carry the tag `group.training`. Untagged
nodes are reported when they run alone (`untagged = "singleton"`, the
default of the `vertexai` target).

## Why is this bad?
kedro-vertexai's `TagNodeGrouper` starts with one group per node, keyed by
the node's name, and adds each tagged node to the group keyed by its tag.
An untagged node named like a tag group is silently merged into that
group's task; a tagged node named like another group mixes up the two
groups, and the task dependencies it computes no longer match the data.

## Example
```python
node(train, "features", "model", name="fit", tags="group.training"),
node(summarize, "model", "summary", name="training"),   # no group tag
```

Use instead:
```python
node(summarize, "model", "summary", name="training_summary"),
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment || project.deployment->config.groups.rfind("tags:", 0) != 0) return;
  const std::string prefix = project.deployment->config.groups.substr(5);
  for (const auto& c : project.deployment->collisions) {
    if (c.kind != model::Deployment::Collision::Kind::Tag) continue;
    const auto& tags = c.node->tags;
    const bool tagged = std::any_of(tags.begin(), tags.end(), [&](const std::string& t) {
      return t.rfind(prefix, 0) == 0 && t.size() > prefix.size();
    });
    const std::string subject = "node `" + c.node->name + "` has the name of tag group `" + c.namespace_ + "` (`" +
                                prefix + c.namespace_ + "`)";
    ctx.report(c.node->name_span.valid() ? c.node->name_span : c.node->span,
               tagged ? subject + " but is tagged into another group: kedro-vertexai mixes up the two groups"
                      : subject + " but no group tag: kedro-vertexai runs it in that group's task")
        .related(c.namespaced_node->span, "a node of tag group `" + c.namespace_ + "`")
        .help("Rename the node, or the tag group.");
  }
}

}  // namespace

extern const RuleBody tag_group_collision{"a node name collides with a tag group when grouping by tags", kDoc, check};

}  // namespace kedrolint::rules
