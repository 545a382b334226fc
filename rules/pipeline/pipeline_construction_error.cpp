// KL110 pipeline-construction-error
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports what Kedro itself raises while building nodes and pipelines, when no
more specific rule covers it: a node whose function is not callable, inputs
or outputs of the wrong type, a node without inputs and outputs, unknown
arguments to `node()`, `pipeline()`, `find_pipelines()` or a `Pipeline`
method, `Pipeline(None)`, `find_pipelines(raise_errors=True)` on a pipeline
folder that exposes no `create_pipeline()` returning a Pipeline (Kedro 1.3+),
filters such as `.only_nodes("x")` or `.filter(tags=[...])` that name nodes,
datasets or namespaces the pipeline does not have, and `Pipeline` methods or
arguments of another Kedro version (`only_nodes_with_namespace` and
`filter(node_namespace=)` are gone in Kedro 1.0; `preview_fn=` needs Kedro
1.2), and attributes read from `kedro.pipeline.node` or
`kedro.pipeline.pipeline` after `import kedro.pipeline.node as m` (that
binds the function `node`, which Kedro's `__init__.py` binds over the
submodule). The message is Kedro's own.

## Why is this bad?
These errors are raised when Kedro imports the pipeline code, so no Kedro
command can load the project.

## Example
```python
node(train_model, inputs=("X", "y"), outputs="model")
```

Use instead:
```python
node(train_model, inputs=["X", "y"], outputs="model")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& e : project.kedro_errors) {
    if (e.kind != model::KedroError::Kind::ConstructionError) continue;
    auto b = ctx.report(e.span, e.message);
    for (const auto& l : e.related) b.related(l.span, l.message);
    if (e.help) b.help(*e.help);
  }
}

}  // namespace

extern const RuleBody pipeline_construction_error{"Kedro raises while building this node or pipeline", kDoc, check};

}  // namespace kedrolint::rules
