// KL205 interrupted-namespace
#include <set>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a namespace whose nodes are not contiguous in a registered pipeline:
data leaves the namespace, goes through nodes outside it, and comes back in.
The finding is on the node where the namespace is re-entered, with the
interrupting nodes as related locations.

## Why is this bad?
Kedro (0.19.13 and later) warns `Namespace 'x' is interrupted by nodes [...]
and thus invalid`. Deployment plugins that run one namespace per container
(`group_nodes_by("namespace")`, kedro-airflow, Vertex AI) then create a
cycle between containers, which orchestrators reject.

## Example
```python
pipeline([
    node(prepare, "raw", "prepared", name="prepare", namespace="features"),
    node(audit, "prepared", "audited", name="audit"),
    node(finish, "audited", "features_out", name="finish", namespace="features"),
])
```

Use instead:
```python
pipeline([
    node(prepare, "raw", "prepared", name="prepare", namespace="features"),
    node(audit, "prepared", "audited", name="audit", namespace="features"),
    node(finish, "audited", "features_out", name="finish", namespace="features"),
])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.layout.kedro_version.at_least(0, 19, 13)) return;
  for (const auto& [name, reg] : project.pipelines) {
    if (!reg.pipeline->complete()) continue;
    for (const auto& hit : model::interrupted_namespaces(reg.order)) {
      std::vector<std::string> names;
      for (const auto& n : hit.path) names.push_back("'" + n->name + "'");
      auto b = ctx.report(hit.node->span, "namespace `" + hit.namespace_ + "` is interrupted by nodes [" +
                                              core::join(names, ", ") + "] before node `" + hit.node->name + "`");
      for (const auto& n : hit.path) b.related(n->span, "`" + n->name + "` is outside namespace `" + hit.namespace_ + "`");
      b.help("Move the interrupting nodes into the namespace, or the re-entering node out of it.");
    }
  }
}

}  // namespace

extern const RuleBody interrupted_namespace{"a namespace's nodes are split by nodes outside it", kDoc, check};

}  // namespace kedrolint::rules
