// KL304 unused-catalog-entry
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports an explicit catalog entry whose name no node of any registered
pipeline reads or writes. Names are compared exactly, transcoding included
(`x@pandas` and `x@spark` are two entries). Nothing is reported when a
pipeline could not be evaluated completely.

## Why is this bad?
An unused entry is usually a leftover or a typo: the node it was meant for
reads a `MemoryDataset` (or fails on a missing input) instead. Entries used
only from notebooks or hooks can be suppressed with
`# kedrolint: ignore[KL304]` on the key line.

## Example
```yaml
model_input_tabel:
  type: pandas.ParquetDataset
  filepath: data/03_primary/model_input_table.pq
```

Use instead:
```yaml
model_input_table:
  type: pandas.ParquetDataset
  filepath: data/03_primary/model_input_table.pq
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog || !project.all_pipelines_complete()) return;
  std::set<std::string_view> used;
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto d : reg.datasets) used.insert(d);
  }
  for (const auto& e : project.catalog->entries()) {
    if (used.count(e.name)) continue;
    ctx.report(e.key_span, "catalog entry `" + e.name + "` is not used by any registered pipeline")
        .help("Remove it, or check the dataset name in the pipeline code.");
  }
}

}  // namespace

extern const RuleBody unused_catalog_entry{"a catalog entry no pipeline uses", kDoc, check};

}  // namespace kedrolint::rules
