// KL102 duplicate-node-name
#include <map>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds two different nodes with the same name: in one registered pipeline
(for example two pipelines summed into `__default__` that both define
`train_model`), or in one `pipeline([...])` call (for example the same
pipeline listed twice). Nodes are different when their inputs or outputs
differ; Kedro merges nodes that are equal.

## Why is this bad?
Kedro raises `ValueError: Pipeline nodes must have unique names` when the
pipeline is built, so the project does not load. Unnamed nodes get a name
from their function and datasets, so two unnamed nodes can collide too.

## Example
```python
pipeline([
    node(train, ["X_train", "y_train"], "model_a", name="train"),
    node(train, ["X_train", "y_train"], "model_b", name="train"),
])
```

Use instead:
```python
pipeline([
    node(train, ["X_train", "y_train"], "model_a", name="train_a"),
    node(train, ["X_train", "y_train"], "model_b", name="train_b"),
])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& e : project.kedro_errors) {
    if (e.kind != model::KedroError::Kind::DuplicateNodeName) continue;
    auto b = ctx.report(e.span, e.message);
    for (const auto& l : e.related) b.related(l.span, l.message);
    if (e.help) b.help(*e.help);
  }
  std::map<std::string, model::NodePtr> first;
  for (const auto& n : project.registered_nodes()) {
    auto [it, inserted] = first.emplace(n->name, n);
    if (inserted) continue;
    ctx.report(n->span, "node name `" + n->name + "` is also used by another node with different inputs or outputs")
        .related(it->second->span, "the other node named `" + n->name + "`")
        .help("Give one of the nodes another `name=`.");
  }
}

}  // namespace

extern const RuleBody duplicate_node_name{"two different nodes have the same name", kDoc, check};

}  // namespace kedrolint::rules
