// KL112 module-import-error
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a project module that raises while Python imports it: a relative
import that goes to a module that does not exist, `from x import name` of a
name `x` does not define, a Kedro module or name the targeted Kedro version
does not have (`kedro.pipeline.modular_pipeline` in Kedro 1.x,
`from kedro.pipeline import Node` before 1.0), a module-level `NameError`,
and a module that does not parse. The finding is on the statement that raises.

## Why is this bad?
`find_pipelines()` skips a pipeline folder whose module fails to import, with
only a warning in the logs, so the pipeline silently disappears from
`__default__`; with `find_pipelines(raise_errors=True)` or an explicit
registry, no Kedro command loads the project.

## Example
```python
# src/pkg/pipelines/ingest/pipeline.py
from ..common.helpers import build      # resolves to pkg.pipelines.common
```

Use instead:
```python
from ...common.helpers import build     # pkg.common
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& e : project.kedro_errors) {
    if (e.kind != model::KedroError::Kind::ModuleImportError) continue;
    auto b = ctx.report(e.span, e.message);
    if (e.help) b.help(*e.help);
  }
}

}  // namespace

extern const RuleBody module_import_error{"a project module raises when it is imported", kDoc, check};

}  // namespace kedrolint::rules
