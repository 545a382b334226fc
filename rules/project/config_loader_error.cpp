// KL011 config-loader-error
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a configuration set-up that makes Kedro's config loader raise before
any node runs:
- a configuration folder that does not exist: `conf/base`, or the run
  environment's folder (`conf/local` by default, or the one `--env` or
  `default_run_env` names). Kedro raises "Given configuration path either
  does not exist or is not a valid directory" when it loads the catalog
  (`MissingConfigException`; a `ValueError` with 0.18's `ConfigLoader`). An empty `conf/local` is fine; git does not
  keep empty folders, which is why Kedro's starters hold a `.gitkeep` there;
- a `merge_strategy` in `CONFIG_LOADER_ARGS` other than `"soft"` or
  `"destructive"`: Kedro raises `ValueError: Merging strategy ... not
  supported` as soon as it merges the run environment over base for that key.

The finding points at the setting in `settings.py` that names the folder, or
at `[tool.kedro]` in `pyproject.toml`.

## Why is this bad?
`kedro run` fails while it creates the catalog, before the first node.

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
