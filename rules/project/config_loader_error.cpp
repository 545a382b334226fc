// KL011 config-loader-error
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a configuration set-up that makes Kedro's `OmegaConfigLoader` raise
before any node runs: a `merge_strategy` in `CONFIG_LOADER_ARGS` other than
`"soft"` or `"destructive"`.

## Why is this bad?
Kedro raises `ValueError: Merging strategy ... not supported` as soon as it
merges the run environment over base for that key, so `kedro run` fails
while it creates the catalog.

## Example
```python
# settings.py
CONFIG_LOADER_ARGS = {
    "base_env": "base",
    "default_run_env": "local",
    "merge_strategy": {"parameters": "deep"},
}
```

Use instead:
```python
CONFIG_LOADER_ARGS = {
    "base_env": "base",
    "default_run_env": "local",
    "merge_strategy": {"parameters": "soft"},
}
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody config_loader_error{"Kedro's config loader cannot load the configuration", kDoc, check};

}  // namespace kedrolint::rules
