// KL502 kind-conflict
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Compares the kind the dataset class stores (a pandas dataset stores tables,
`tensorflow.TensorFlowModelDataset` stores models, a plotly writer stores
plots...) with the kind the producing node's function is annotated to return,
and reports when they disagree (a model saved into a CSV dataset, a table
into an image dataset). Datasets that accept several kinds (e.g.
`plotly.PlotlyDataset`, which plots a DataFrame) are taken into account.

## Why is this bad?
The dataset's `save` fails at the end of the node, after all its work, or
writes something no consumer can read back.

## Example
```python
def train_model(X: pd.DataFrame, y: pd.Series) -> LinearRegression: ...
```
```yaml
regressor:
  type: pandas.CSVDataset
  filepath: data/06_models/regressor.csv
```

Use instead:
```yaml
regressor:
  type: kedro_mlflow.io.models.MlflowModelTrackingDataset
  flavor: mlflow.sklearn
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  static const std::set<std::string, std::less<>> kDecisive = {"model", "table", "array", "plot", "media"};
  for (const auto& [name, k] : project.kinds) {
    auto it = project.datasets.find(name);
    if (it == project.datasets.end() || !it->second.entry) continue;
    std::string_view cls;
    for (const auto& e : k.evidence) {
      if (e.source == "class") cls = e.kind;
    }
    if (!kDecisive.count(cls)) continue;
    for (const auto& e : k.evidence) {
      if (e.source != "producer" || e.weak || !kDecisive.count(e.kind) || model::class_accepts(it->second.type, cls, e.kind)) continue;
      ctx.report(e.span, "`" + name + "` is a " + std::string(e.kind) + " (" + e.detail() + "), but its catalog type `" +
                             it->second.type + "` stores " + std::string(cls) + "s")
          .related(it->second.entry->type_span.valid() ? it->second.entry->type_span : it->second.entry->key_span,
                   "the catalog type of `" + name + "`")
          .help("Use a dataset class for " + std::string(e.kind) + "s, or fix the function's return annotation.");
    }
  }
}

}  // namespace

extern const RuleBody kind_conflict{"a dataset class stores another kind than the node returns", kDoc, check,
                                    Phase::Model, "high"};

}  // namespace kedrolint::rules
