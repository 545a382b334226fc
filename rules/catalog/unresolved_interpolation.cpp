// KL312 unresolved-interpolation
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks OmegaConf interpolations in the catalog and parameters:
`${a.b}` must refer to a key of the same environment folder (interpolation
does not cross `base` and `local`), `${globals:key}` must exist in
`globals.yml` or have a default, and `${oc.env:VAR}` is only allowed in
credentials. `${runtime_params:...}` and custom resolvers are kept as written.

## Why is this bad?
Kedro raises `InterpolationKeyError` or `UnsupportedInterpolationType` while
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
