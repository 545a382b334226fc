// KL306 shadowed-factory-pattern
#include <map>
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a dataset factory pattern that matches datasets of the registered
pipelines, but never resolves any of them: for every name it matches, a
pattern Kedro ranks higher (more literal characters, then more placeholders,
then alphabetical order) matches too and wins.

## Why is this bad?
The shadowed pattern's configuration is never used. The datasets it was
written for get another pattern's type and path, which is easy to miss in
review.

## Example
```yaml
"{name}_model":
  type: pickle.PickleDataset
  filepath: data/06_models/{name}.pkl
"{name}_{kind}":
  type: pandas.ParquetDataset
  filepath: data/03_primary/{name}_{kind}.pq
"{name}_table":          # ranks after "{name}_model", before "{name}_{kind}"
  type: pandas.CSVDataset
  filepath: data/03_primary/{name}.csv
```

Use instead: make the patterns disjoint, or remove the one that never wins.
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog || !project.all_pipelines_complete()) return;
  std::set<std::string_view> names;
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto d : reg.datasets) {
      if (d != "parameters" && !d.starts_with("params:") && !project.catalog->explicit_entry(d)) names.insert(d);
    }
  }
  const auto& patterns = project.catalog->patterns();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string example;
    const model::CatalogEntry* winner = nullptr;
    bool matches = false, ever_wins = false;
    for (const auto& n : names) {
      if (!patterns[i].pattern->match(n)) continue;
      matches = true;
      const model::CatalogEntry* best = project.catalog->matching_pattern(n);
      if (best == &patterns[i]) {
        ever_wins = true;
        break;
      }
      if (!winner) {
        winner = best;
        example = n;
      }
    }
    if (!matches || ever_wins || !winner) continue;
    ctx.report(patterns[i].key_span, "dataset factory pattern `" + patterns[i].name +
                                         "` never applies: every dataset it matches (e.g. `" + example +
                                         "`) is taken by a higher-ranked pattern")
        .related(winner->key_span, "`" + winner->name + "` ranks higher and wins")
        .help("Make the patterns disjoint, or remove this one.");
  }
}

}  // namespace

extern const RuleBody shadowed_factory_pattern{"a dataset factory pattern always loses to another", kDoc, check};

}  // namespace kedrolint::rules
