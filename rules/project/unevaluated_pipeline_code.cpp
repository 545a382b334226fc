// KL010 unevaluated-pipeline-code
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Points at the exact construct that kedrolint could not evaluate statically
while rebuilding the registered pipelines (a call into a library, a value
read from the environment or from files, a condition on such a value, a
`with` block...), and names the pipelines left incomplete by it.

## Why is this bad?
kedrolint never runs project code. When part of a pipeline depends on
values only known at run time, the pipeline is marked `"complete": false` in
`kedrolint export`, and rules about it can only see the nodes that could be
established. Nothing is guessed, but findings may be missing.

## Example
```python
import os

def create_pipeline(**kwargs):
    regions = os.environ["REGIONS"].split(",")
    return pipeline([node(fit, f"data_{r}", f"model_{r}", name=f"fit_{r}") for r in regions])
```

Use instead:
```python
REGIONS = ["emea", "apac", "amer"]

def create_pipeline(**kwargs):
    return pipeline([node(fit, f"data_{r}", f"model_{r}", name=f"fit_{r}") for r in REGIONS])
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody unevaluated_pipeline_code{"pipeline code that cannot be evaluated without running it", kDoc,
                                                check};

}  // namespace kedrolint::rules
