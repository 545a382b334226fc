// KL307 unknown-dataset-type
#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Resolves the `type` of every catalog entry and factory pattern the way Kedro
does (`kedro.io.` first, then `kedro_datasets.`, then the full path) against
the kedro-datasets classes of the targeted Kedro version and the classes
the project's modules provide (defined there, or imported into them, as a
package `__init__.py` re-exports them), and reports a type that cannot
exist, with the closest names. Types from other packages (a full dotted path outside
kedro-datasets and the project) cannot be checked and are left alone.

## Why is this bad?
Kedro raises `DatasetError: Class 'pandas.CSVDataSet' not found, is this a
typo?` when the dataset is first used (at catalog creation in Kedro 0.18 and
0.19), often deep into a run. From kedro-datasets 2.0 the `DataSet` spelling
no longer exists.

## Example
```yaml
companies:
  type: pandas.CSVDataSet
  filepath: data/01_raw/companies.csv
```

Use instead:
```yaml
companies:
  type: pandas.CSVDataset
  filepath: data/01_raw/companies.csv
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog) return;
  auto report = [&](const model::CatalogEntry& e) {
    if (e.resolved.kind != model::DatasetType::Kind::Unknown) return;
    auto b = ctx.report(e.type_span.valid() ? e.type_span : e.key_span,
                        "unknown dataset type `" + e.type + "`: " + e.resolved.reason);
    if (!e.resolved.suggestions.empty()) b.help("Did you mean " + core::quoted_list(e.resolved.suggestions) + "?");
  };
  for (const auto& e : project.catalog->entries()) report(e);
  for (const auto& p : project.catalog->patterns()) report(p);
}

}  // namespace

extern const RuleBody unknown_dataset_type{"a catalog `type` that does not exist", kDoc, check};

}  // namespace kedrolint::rules
