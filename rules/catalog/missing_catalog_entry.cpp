// KL301 missing-catalog-entry
#include <map>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a free input of a registered pipeline (a dataset no node of that
pipeline produces) that is neither an explicit catalog entry, nor matched by a
dataset factory pattern, nor a parameter. The finding is on the node input
that reads it, with the closest catalog names.

## Why is this bad?
Kedro only creates `MemoryDataset`s for intermediate data. A free input has
nothing to load from, so `kedro run` fails before the first node with
`ValueError: Pipeline input(s) {'x'} not found in the DataCatalog`.

## Example
```yaml
# conf/base/catalog.yml
companies:
  type: pandas.CSVDataset
  filepath: data/01_raw/companies.csv
```
```python
node(preprocess_companies, "companys", "preprocessed_companies")
```

Use instead:
```python
node(preprocess_companies, "companies", "preprocessed_companies")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  // An entry may sit in a file that could not be read (KL002, KL008, KL012).
  if (!project.catalog || project.catalog_incomplete) return;
  struct Use {
    const model::DatasetRef* ref = nullptr;
    std::vector<std::string> pipelines;
  };
  std::map<std::string, Use> missing;
  for (const auto& [name, reg] : project.pipelines) {
    const auto& free = reg.free_inputs;
    for (const auto& n : reg.order.order) {
      for (const auto& in : n->inputs) {
        if (!free.count(in.name) || in.name == "parameters" || in.name.rfind("params:", 0) == 0) continue;
        if (project.catalog->contains(in.name) || project.catalog->has_invalid_entry(in.name)) continue;
        auto& use = missing[in.name];
        if (!use.ref) use.ref = &in;
        if (use.pipelines.empty() || use.pipelines.back() != name) use.pipelines.push_back(name);
      }
    }
  }
  for (const auto& [dataset, use] : missing) {
    std::vector<std::string> quoted;
    for (const auto& p : use.pipelines) quoted.push_back("`" + p + "`");
    auto b = ctx.report(use.ref->span, "`" + dataset + "` is an input of pipeline" + (quoted.size() > 1 ? "s " : " ") +
                                           core::join(quoted, ", ") +
                                           " that no node produces and no catalog entry or factory pattern defines");
    const auto close = core::close_matches(dataset, project.catalog->names(), 3);
    if (!close.empty()) {
      b.help("Did you mean " + core::quoted_list(close) + "? Otherwise add `" + dataset + "` to the catalog.");
    } else {
      b.help("Add `" + dataset + "` to conf/base/catalog.yml; Kedro fails with \"Pipeline input(s) {'" + dataset +
             "'} not found in the DataCatalog\".");
    }
  }
}

}  // namespace

extern const RuleBody missing_catalog_entry{"a pipeline input is not defined in the catalog", kDoc, check};

}  // namespace kedrolint::rules
