// KL006 invalid-pyproject
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks the `[tool.kedro]` table of `pyproject.toml` the way Kedro's
`bootstrap_project` does: the file must be valid TOML, `package_name`,
`project_name` and `kedro_init_version` are required strings, and no other
keys are allowed than `source_dir` (and, from Kedro 0.19, `tools` and
`example_pipeline`). Kedro 0.17 requires `project_version` instead of
`kedro_init_version` and also allows `pipeline`; Kedro 0.18 takes either
version key (the deprecated `project_version` wins) and allows `micropkg`.

## Why is this bad?
Kedro raises `RuntimeError: Missing required keys` or `Found unexpected keys
in 'pyproject.toml'` before it loads anything, so no Kedro command works.

## Example
```toml
[tool.kedro]
package_name = "spaceflights"
project_name = "Spaceflights"
kedro_version = "1.0.0"
```

Use instead:
```toml
[tool.kedro]
package_name = "spaceflights"
project_name = "Spaceflights"
kedro_init_version = "1.0.0"
```

## References
- [Kedro project settings](https://docs.kedro.org/en/stable/configure/project_settings.html)
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody invalid_pyproject{"`pyproject.toml` does not describe a loadable Kedro project", kDoc, check};

}  // namespace kedrolint::rules
