// KL308 memory-terminal-output
#include <map>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a final output of a registered pipeline (produced by a node, consumed
by none of that pipeline's nodes) that is only kept in memory: it has no
catalog entry, no factory pattern matches it, or its type is `MemoryDataset`,
`SharedMemoryDataset` or `CachedDataset`. Pipelines that could not be
evaluated completely (KL010) are skipped.

## Why is this bad?
Kedro keeps such a result in a `MemoryDataset` and discards it when the run
ends: the work that computed it is lost, and in a deployment every
container's memory is thrown away. If the output is really not needed, the
node should not return it.

## Example
```python
node(evaluate_model, ["regressor", "X_test", "y_test"], "metrics")
```

Use instead:
```yaml
metrics:
  type: json.JSONDataset
  filepath: data/09_tracking/metrics.json
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog) return;
  struct Hit {
    const model::DatasetRef* ref = nullptr;
    std::string node;
    std::vector<std::string> pipelines;
  };
  std::map<std::string, Hit> hits;
  for (const auto& [name, reg] : project.pipelines) {
    // Incomplete (KL010): the consumer may be the node that was not evaluated.
    if (!reg.pipeline->complete()) continue;
    const auto outputs = model::free_outputs(reg.pipeline->nodes);
    for (const auto& n : reg.order.order) {
      for (const auto& o : n->outputs) {
        if (!outputs.count(o.name)) continue;
        auto it = project.datasets.find(o.name);
        if (it == project.datasets.end() || it->second.persisted) continue;
        // A model lost at the end of a run is KL504's, with model-specific advice.
        if (auto k = project.kinds.find(o.name); k != project.kinds.end() && k->second.kind == "model") continue;
        auto& hit = hits[o.name];
        if (!hit.ref) {
          hit.ref = &o;
          hit.node = n->name;
        }
        hit.pipelines.push_back("`" + name + "`");
      }
    }
  }
  for (const auto& [dataset, hit] : hits) {
    const auto& d = project.datasets.at(dataset);
    const std::string how = d.source == model::ResolvedDataset::Source::Default
                                ? "it has no catalog entry, so it is a MemoryDataset"
                                : "its catalog type `" + d.type + "` keeps it in memory";
    ctx.report(hit.ref->span, "`" + dataset + "` is a final output of pipeline" + (hit.pipelines.size() > 1 ? "s " : " ") +
                                  core::join(hit.pipelines, ", ") + ", but " + how +
                                  ": its value is lost when the run ends")
        .help("Add a persisted catalog entry for `" + dataset + "`, or stop returning it from node `" + hit.node + "`.");
  }
}

}  // namespace

extern const RuleBody memory_terminal_output{"a pipeline's final output is only kept in memory", kDoc, check};

}  // namespace kedrolint::rules
