// KL311 duplicate-config-key
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a key defined twice in the configuration files of one environment
folder: the same top-level catalog key in two files of `conf/base` (for
parameters, from Kedro 0.19.9, the same full key path), or the same key twice
in one mapping of one file.

## Why is this bad?
Kedro raises `ValueError: Duplicate keys found in <file> and <file>`, and
OmegaConf refuses a file with a duplicate key, so the configuration does not
load. Overriding belongs in another environment (`conf/local`).

## Example
```yaml
# conf/base/catalog.yml and conf/base/catalog_reporting.yml both define:
companies:
  type: pandas.CSVDataset
```

Use instead:
Keep one definition, or move the override to `conf/local/catalog.yml`.
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody duplicate_config_key{"a configuration key defined twice in one environment", kDoc, check};

}  // namespace kedrolint::rules
