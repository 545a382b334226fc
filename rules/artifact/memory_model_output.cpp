// KL504 memory-model-output
#include <map>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a model (a dataset of kind `model`) that a registered pipeline
produces as a final output but keeps only in memory: it has no catalog entry
or factory pattern, or its type is a `MemoryDataset`. Pipelines that could
not be evaluated completely (KL010) are skipped: the node consuming the model
may be the part that is unknown.

## Why is this bad?
The trained model is thrown away when the run ends: nothing can serve it,
register it or compare it with the next one, and the training cost is paid
again on every run.

## Example
```python
node(train_model, ["X_train", "y_train"], "regressor")   # no catalog entry
```

Use instead:
```yaml
regressor:
  type: kedro_mlflow.io.models.MlflowModelTrackingDataset
  flavor: mlflow.sklearn
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (project.catalog_incomplete) return;  // an entry may be unread (KL002, KL012)
  std::map<std::string, std::pair<const model::DatasetRef*, std::vector<std::string>>> hits;
  for (const auto& [pipeline, reg] : project.pipelines) {
    // In an incomplete pipeline (KL010) the consumer may be a node that could
    // not be evaluated: a free output there is no certain final output.
    if (!reg.pipeline->complete()) continue;
    const auto& outputs = reg.free_outputs;
    for (const auto& n : reg.order.order) {
      for (const auto& o : n->outputs) {
        if (!outputs.count(o.name)) continue;
        auto k = project.kinds.find(o.name);
        auto d = project.datasets.find(o.name);
        if (k == project.kinds.end() || k->second.kind != "model" || d == project.datasets.end() || d->second.stored) {
          continue;
        }
        auto& hit = hits[o.name];
        if (!hit.first) hit.first = &o;
        hit.second.push_back("`" + pipeline + "`");
      }
    }
  }
  for (const auto& [name, hit] : hits) {
    ctx.report(hit.first->span, "model `" + name + "` is a final output of pipeline" + (hit.second.size() > 1 ? "s " : " ") +
                                    core::join(hit.second, ", ") + " but is only kept in memory: it is lost after the run")
        .help("Add a catalog entry for `" + name + "` with a model dataset (e.g. MLflow) or an ONNX file.");
  }
}

}  // namespace

extern const RuleBody memory_model_output{"a trained model is only kept in memory", kDoc, check};

}  // namespace kedrolint::rules
