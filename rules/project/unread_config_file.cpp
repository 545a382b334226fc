// KL012 unread-config-file
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a configuration file that Kedro reads but kedrolint cannot:
- in a Kedro 0.17/0.18 project that uses the `TemplatedConfigLoader`, a file
  with Jinja2 (`{% ... %}`, `{{ ... }}` or `{# ... #}`). That loader reads
  files with `anyconfig.load(..., ac_template=True)`, which renders them
  with Jinja2 before parsing the YAML; kedrolint does not render templates;
- with the `ConfigLoader` or `TemplatedConfigLoader`, a matching file in
  `.ini`, `.pickle`, `.properties` or `.xml`: anyconfig reads these formats
  too (`SUPPORTED_EXTENSIONS`), kedrolint reads YAML and JSON only.
  `OmegaConfigLoader` reads YAML and JSON only, so there these files are
  ignored, as Kedro ignores them.

The entries of the file are not known.

While a catalog or parameters file is not read, the rules that conclude that
an entry is missing are off: KL301, KL302, KL308, KL309, KL504, and KL405
for datasets without a known entry. The same holds for a file that does not
parse (KL002) or cannot be read (KL008).

## Why is this bad?
Entries kedrolint cannot read are invisible to static analysis: without this
finding kedrolint would call their datasets missing or in-memory.

## Example
```yaml
{% for speed in ['fast', 'slow'] %}
{{ speed }}-cars:
  type: pandas.CSVDataSet
  filepath: data/01_raw/{{ speed }}-cars.csv
{% endfor %}
```

Use instead:
```yaml
fast-cars:
  type: pandas.CSVDataSet
  filepath: data/01_raw/fast-cars.csv
slow-cars:
  type: pandas.CSVDataSet
  filepath: data/01_raw/slow-cars.csv
```
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody unread_config_file{"Kedro reads a configuration file that kedrolint cannot read", kDoc, check};

}  // namespace kedrolint::rules
