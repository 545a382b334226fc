// KL001 invalid-python-syntax
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a Python syntax error in a file that the pipeline registry reaches
(the registry itself, pipeline modules, node modules, `settings.py`).

## Why is this bad?
Kedro imports these files when it loads the pipelines, so `kedro run` fails
before any node runs. kedrolint still evaluates the rest of the file, but the
pipelines built from it may be incomplete.

## Example
```python
def create_pipeline(**kwargs):
    return pipeline([
        node(train, "X", "model"
    ])
```

Use instead:
```python
def create_pipeline(**kwargs):
    return pipeline([
        node(train, "X", "model"),
    ])
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody invalid_python_syntax{"Python syntax error in a project file", kDoc, check};

}  // namespace kedrolint::rules
