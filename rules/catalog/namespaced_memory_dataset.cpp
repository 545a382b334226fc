// KL309 namespaced-memory-dataset
#include <map>
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds namespaced datasets (`ns.x`, produced by a modular pipeline with
`namespace="ns"`) that fall back to `MemoryDataset` although their
non-namespaced twin `x` is persisted by an explicit catalog entry, and
suggests the dataset factory pattern (`"{namespace}.x"`) that persists every
namespaced copy with one entry.

## Why is this bad?
For the catalog a dotted name is an opaque string: `ns.x` does not inherit
anything from `x`. Each namespaced copy silently becomes a `MemoryDataset`,
so results computed in every namespace are not saved (and cannot cross
deployment containers), unless each copy is added to the catalog by hand.

## Example
```yaml
regressor:
  type: pickle.PickleDataset
  filepath: data/06_models/regressor.pickle
```
```python
pipeline(ds_pipeline, namespace="active_modelling_pipeline")  # writes active_modelling_pipeline.regressor
```

Use instead:
```yaml
"{namespace}.regressor":
  type: pickle.PickleDataset
  filepath: data/06_models/{namespace}/regressor.pickle
```

## References
- [Dataset factories](https://docs.kedro.org/en/stable/catalog-data/kedro_dataset_factories.html)
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog || project.catalog_incomplete) return;  // an entry may be unread (KL002, KL012)
  struct Hit {
    const model::DatasetRef* ref = nullptr;
    std::set<std::string> copies;
  };
  std::map<std::string, Hit> by_twin;
  for (const auto& n : project.registered_nodes()) {
    for (const auto& o : n->outputs) {
      auto it = project.datasets.find(o.name);
      if (it == project.datasets.end() || it->second.source != model::ResolvedDataset::Source::Default) continue;
      for (auto dot = o.name.find('.'); dot != std::string::npos; dot = o.name.find('.', dot + 1)) {
        const std::string twin = o.name.substr(dot + 1);
        const auto* entry = project.catalog->explicit_entry(twin);
        if (!entry) continue;
        const auto resolved = project.catalog->resolve(twin);
        if (!resolved.stored) continue;
        auto& hit = by_twin[twin];
        if (!hit.ref) hit.ref = &o;
        hit.copies.insert(o.name);
        break;
      }
    }
  }
  for (const auto& [twin, hit] : by_twin) {
    const auto* entry = project.catalog->explicit_entry(twin);
    const std::string example = *hit.copies.begin();
    ctx.report(hit.ref->span, "`" + example + "`" +
                                  (hit.copies.size() > 1 ? " (and " + std::to_string(hit.copies.size() - 1) + " more)" : "") +
                                  " falls back to MemoryDataset, while `" + twin + "` is persisted in the catalog")
        .related(entry->key_span, "`" + twin + "` is defined here")
        .help("Replace the entry with a factory pattern `\"{namespace}." + twin +
              "\"` (use `{namespace}` in its filepath) so every namespaced copy is persisted.");
  }
}

}  // namespace

extern const RuleBody namespaced_memory_dataset{"namespaced copies of a persisted dataset stay in memory", kDoc, check};

}  // namespace kedrolint::rules
