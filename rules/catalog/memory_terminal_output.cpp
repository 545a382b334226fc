// KL308 memory-terminal-output
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a final output of the registered pipelines (produced by a node, consumed
by no node of any registered pipeline that contains its producer) that is
only kept in memory: it has no catalog entry, no factory pattern matches it,
or its type is `MemoryDataset` or `SharedMemoryDataset` (or a `CachedDataset`
wrapping one). An output that another pipeline run consumes, such as
`data_processing`'s output read by `__default__`'s data science nodes, is not
reported; nor is one whose producer is in a pipeline that could not be
evaluated completely (its consumers may be unknown).

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

struct Hit {
  bool in_memory = false;  ///< kept only in memory, with no invalid entry (KL310 says what is wrong)
  const model::DatasetRef* ref = nullptr;
  std::string_view node;
  std::vector<std::string_view> pipelines;  ///< where it is a free output
  bool consumed_somewhere = false;          ///< a pipeline with its producer also reads it
  bool in_incomplete = false;               ///< its producer is in an incomplete pipeline
};

// Each in-memory output, with every registered pipeline that holds its
// producer. Keyed by views into the nodes: a map of copied names, looked up
// once per output of every pipeline, took most of this rule's time.
std::unordered_map<std::string_view, Hit> memory_outputs(const model::Project& project) {
  std::unordered_map<std::string_view, Hit> hits;
  for (const auto& [name, reg] : project.pipelines) {
    const auto& outputs = reg.free_outputs;
    for (const auto& n : reg.order.order) {
      for (const auto& o : n->outputs) {
        // Whether a name is in memory is looked up once, not once per pipeline.
        auto [at, added] = hits.try_emplace(o.name);
        Hit& hit = at->second;
        if (added) {
          const auto it = project.datasets.find(o.name);
          hit.in_memory = it != project.datasets.end() && !it->second.stored &&
                          !project.catalog->has_invalid_entry(o.name);
        }
        if (!hit.in_memory) continue;
        hit.in_incomplete |= !reg.pipeline->complete();
        if (!outputs.count(o.name)) {
          hit.consumed_somewhere = true;
          continue;
        }
        if (!hit.ref) {
          hit.ref = &o;
          hit.node = n->name;
        }
        hit.pipelines.push_back(name);
      }
    }
  }
  return hits;
}

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.catalog || project.catalog_incomplete) return;  // an entry may be unread (KL002, KL012)
  std::vector<std::pair<std::string_view, const Hit*>> lost;
  const auto hits = memory_outputs(project);
  for (const auto& [dataset, hit] : hits) {
    if (!hit.in_memory || !hit.ref || hit.consumed_somewhere || hit.in_incomplete) continue;
    const auto k = project.kinds.find(dataset);
    // A model lost at the end of a run is KL504's, with model-specific advice.
    const bool model = k != project.kinds.end() && k->second.kind == "model";
    if (!model) lost.emplace_back(dataset, &hit);
  }
  std::sort(lost.begin(), lost.end());
  for (const auto& [name, hit] : lost) {
    const std::string dataset(name);
    const auto& d = project.datasets.at(dataset);
    const std::string how = d.source == model::ResolvedDataset::Source::Default
                                ? "it has no catalog entry, so it is a MemoryDataset"
                                : "its catalog type `" + d.type + "` keeps it in memory";
    std::vector<std::string> pipelines;
    for (const auto p : hit->pipelines) pipelines.push_back("`" + std::string(p) + "`");
    ctx.report(hit->ref->span, "`" + dataset + "` is a final output of pipeline" + (pipelines.size() > 1 ? "s " : " ") +
                                   core::join(pipelines, ", ") + ", but " + how +
                                   ": its value is lost when the run ends")
        .help("Add a persisted catalog entry for `" + dataset + "`, or stop returning it from node `" +
              std::string(hit->node) + "`.");
  }
}

}  // namespace

extern const RuleBody memory_terminal_output{"a pipeline's final output is only kept in memory", kDoc, check};

}  // namespace kedrolint::rules
