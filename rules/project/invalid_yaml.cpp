// KL002 invalid-yaml
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a YAML syntax error in a configuration file Kedro reads (catalog,
parameters, credentials, globals), with the line and column of the error.

## Why is this bad?
Kedro's `OmegaConfigLoader` raises `ParserError: Invalid YAML or JSON file`
when it loads the configuration, so every `kedro run` fails. kedrolint treats
the entries of that file as unknown.

## Example
```yaml
companies:
  type: pandas.CSVDataset
   filepath: data/01_raw/companies.csv
```

Use instead:
```yaml
companies:
  type: pandas.CSVDataset
  filepath: data/01_raw/companies.csv
```

## References
- [Kedro configuration](https://docs.kedro.org/en/stable/configure/configuration_basics.html)
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody invalid_yaml{"YAML syntax error in a configuration file", kDoc, check};

}  // namespace kedrolint::rules
