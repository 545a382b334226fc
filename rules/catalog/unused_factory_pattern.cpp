// KL305 unused-factory-pattern
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a dataset factory pattern (a catalog key with `{placeholders}`) that
matches none of the datasets of the registered pipelines that are not
explicit entries. Nothing is reported when a pipeline could not be evaluated
completely.

## Why is this bad?
A pattern that matches nothing is dead configuration, or a pattern whose
spelling no longer fits the dataset names (for example after a namespace was
renamed), so the datasets it was meant for silently become `MemoryDataset`s.

## Example
```yaml
"{namespace}.regresor":
  type: pickle.PickleDataset
  filepath: data/06_models/{namespace}_regressor.pkl
```

Use instead:
```yaml
"{namespace}.regressor":
  type: pickle.PickleDataset
  filepath: data/06_models/{namespace}_regressor.pkl
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog || !project.all_pipelines_complete()) return;
  std::set<std::string_view> names;
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto d : reg.datasets) {
      if (d != "parameters" && !d.starts_with("params:") && !project.catalog->explicit_entry(d)) names.insert(d);
    }
  }
  for (const auto& p : project.catalog->patterns()) {
    bool matches = false;
    for (const auto& n : names) {
      if (p.pattern->match(n)) {
        matches = true;
        break;
      }
    }
    if (matches) continue;
    ctx.report(p.key_span, "dataset factory pattern `" + p.name + "` matches no dataset of the registered pipelines")
        .help("Remove it, or fix it to match the dataset names it is meant for.");
  }
}

}  // namespace

extern const RuleBody unused_factory_pattern{"a dataset factory pattern that matches nothing", kDoc, check};

}  // namespace kedrolint::rules
