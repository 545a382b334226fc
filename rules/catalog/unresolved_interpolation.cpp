// KL312 unresolved-interpolation
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks OmegaConf interpolations in the catalog and parameters:
`${a.b}` (or a relative `${.b}`, `${..b}`) must refer to a key of the same
environment folder (interpolation does not cross `base` and `local`), must
not lead back to itself or to a node that contains it, `${globals:key}` must
exist in `globals.yml` or have a default, and `${oc.env:VAR}` is only allowed
in credentials (unless `CONFIG_LOADER_ARGS["custom_resolvers"]` registers
`oc.env` again). `${runtime_params:...}` and custom resolvers are kept as
written. Interpolations that would build a string over 10 MB or copy more
than a million nodes are reported too: kedrolint does not evaluate them.

## Why is this bad?
Kedro raises `InterpolationKeyError`, `InterpolationResolutionError`
("Recursive interpolation detected") or `UnsupportedInterpolationType` while
loading the configuration.

## Example
```yaml
_root: data
companies:
  type: pandas.CSVDataset
  filepath: ${_rot}/companies.csv
```

Use instead:
```yaml
_root: data
companies:
  type: pandas.CSVDataset
  filepath: ${_root}/companies.csv
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody unresolved_interpolation{"an interpolation that cannot resolve", kDoc, check};

}  // namespace kedrolint::rules
