// KL009 invalid-kedrolint-config
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks the `[tool.kedrolint]` table of `pyproject.toml`: unknown options,
values of the wrong type and unknown severities are reported where they are
written, with the closest known option. The other places kedrolint reads
its own settings are checked the same way: the deployment groups file, and
`metadata: {kedrolint: {kind: ...}}` in catalog entries (an unknown artifact
kind is ignored, with the closest kind as a hint).

## Why is this bad?
A misspelt option is silently ignored by most tools, so the project is not
linted the way its authors think it is.

## Example
```toml
[tool.kedrolint]
ignroe = ["KL303"]
```

Use instead:
```toml
[tool.kedrolint]
ignore = ["KL303"]
```

## Options
- `select`
- `ignore`
- `per-file-ignores`
- `severity`
- `fail-on`
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody invalid_kedrolint_config{"`[tool.kedrolint]` has an unknown option or a bad value", kDoc, check};

}  // namespace kedrolint::rules
