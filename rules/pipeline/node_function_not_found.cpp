// KL107 node-function-not-found
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a node whose function does not exist: the name is not defined in the
module, or the import it comes from does not provide it. The closest existing
names are suggested.

## Why is this bad?
Python raises `NameError` or `ImportError` while Kedro imports the pipeline,
so the pipeline is missing (with `find_pipelines()`) or the project does not
load at all.

## Example
```python
from .nodes import train_model

node(trian_model, ["X_train", "y_train"], "regressor")
```

Use instead:
```python
from .nodes import train_model

node(train_model, ["X_train", "y_train"], "regressor")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& e : project.kedro_errors) {
    if (e.kind != model::KedroError::Kind::FunctionNotFound) continue;
    auto b = ctx.report(e.span, e.message);
    if (e.help) b.help(*e.help);
  }
}

}  // namespace

extern const RuleBody node_function_not_found{"a node's function is not defined", kDoc, check};

}  // namespace kedrolint::rules
