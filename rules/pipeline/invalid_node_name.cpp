// KL104 invalid-node-name
#include "model/naming.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks every explicit `node(name=...)`: Kedro accepts only letters, digits,
`_`, `-` and `.` in node names.

## Why is this bad?
Kedro raises `ValueError: '<name>' is not a valid node name` when the node
is built, so the project does not load.

## Example
```python
node(train, "X", "model", name="train model")
```

Use instead:
```python
node(train, "X", "model", name="train_model")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& n : project.constructed_nodes) {
    if (!n->explicit_name || n->explicit_name->empty() || model::is_valid_kedro_name(*n->explicit_name)) continue;
    ctx.report(n->name_span, "`" + *n->explicit_name +
                                 "` is not a valid node name: use only letters, digits, `_`, `-` and `.`")
        .help("Replace spaces and other characters with `_`.");
  }
}

}  // namespace

extern const RuleBody invalid_node_name{"a node name has characters Kedro rejects", kDoc, check};

}  // namespace kedrolint::rules
