// KL310 invalid-catalog-entry
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks the shape of the catalog the way Kedro's `CatalogConfigResolver` does: every
entry must be a mapping with a `type`; a dataset factory pattern must have
balanced braces and format specs the `parse` library knows, and must define
every placeholder its entry uses, with a format that suits the value (`{n:d}`
is an int; `{v:w}` is a string, which `str.format` cannot format with `w`);
there may be at most one catch-all pattern (Kedro 0.19.6 and later); every
catalog file must hold a mapping. Format specs that `parse` accepts but
kedrolint does not model (`{x:2d}`, `{x:^}`) are a KL010 note instead, and
the pattern is left out.

## Why is this bad?
Kedro raises `DatasetError` when it builds the catalog, so no pipeline
can run; a placeholder that cannot be formatted raises `ValueError` when a
dataset matches the pattern.

## Example
```yaml
"{name}_data":
  type: pandas.CSVDataset
  filepath: data/{folder}/{name}.csv
```

Use instead:
```yaml
"{folder}.{name}_data":
  type: pandas.CSVDataset
  filepath: data/{folder}/{name}.csv
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody invalid_catalog_entry{"a catalog entry Kedro cannot use", kDoc, check};

}  // namespace kedrolint::rules
