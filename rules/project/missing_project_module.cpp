// KL007 missing-project-module
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a project whose package folder (`<source_dir>/<package_name>`) or
`pipeline_registry.py` does not exist.

## Why is this bad?
Kedro imports `<package_name>.pipeline_registry` to find the pipelines; when
it is missing, `kedro run` fails with `ModuleNotFoundError`, and kedrolint has
no pipeline to analyse.

## Example
```toml
[tool.kedro]
package_name = "spaceflight"   # the folder is src/spaceflights
```

Use instead:
```toml
[tool.kedro]
package_name = "spaceflights"
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody missing_project_module{"the package folder or the pipeline registry is missing", kDoc, check};

}  // namespace kedrolint::rules
