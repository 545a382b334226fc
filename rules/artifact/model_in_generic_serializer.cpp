// KL501 model-in-generic-serializer
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a dataset whose kind is `model` (from the producing function's return
type, the consumers' parameter types or the catalog metadata) that is stored
with a generic serialiser: `pickle.PickleDataset` (any backend, `joblib`
included) or `redis.PickleDataset`.

## Why is this bad?
A pickle can only be loaded by the same library versions that wrote it, can
run arbitrary code when loaded, and is opaque to model registries: SageMaker
`ModelArtifacts`, MLRun model artifacts and MLflow flavours all need to know
that the file is a model. A model-specific dataset, or ONNX, is portable and
inspectable.

## Example
```yaml
regressor:
  type: pickle.PickleDataset
  filepath: data/06_models/regressor.pickle
```

Use instead:
```yaml
regressor:
  type: kedro_mlflow.io.models.MlflowModelTrackingDataset
  flavor: mlflow.sklearn
```
or convert the model to ONNX in the node (`skl2onnx`) and store the bytes, or
set `metadata: {kedrolint: {kind: object}}` if the pickle is not a model.
)md";

void check(const model::Project& project, RuleContext& ctx) {
  std::set<const model::CatalogEntry*> reported;  // one finding per entry or pattern
  for (const auto& [name, k] : project.kinds) {
    if (k.kind != "model") continue;
    auto it = project.datasets.find(name);
    if (it == project.datasets.end() || !it->second.entry) continue;
    const auto& d = it->second;
    const bool pickle = d.type.find("PickleDataset") != std::string::npos || d.type.find("PickleDataSet") != std::string::npos;
    if (!pickle || !reported.insert(d.entry).second) continue;
    std::string backend;
    if (const auto* b = d.entry->config->get("backend"); b && b->is_scalar()) backend = " (backend `" + b->text + "`)";
    auto b = ctx.report(d.entry->type_span.valid() ? d.entry->type_span : d.entry->key_span,
                        "model `" + name + "` is stored with the generic serialiser `" + d.type + "`" + backend);
    for (const auto& e : k.evidence) {
      if (e.kind == "model" && e.source != "class") b.related(e.span, e.detail());
    }
    b.help("Use a model-specific dataset (e.g. kedro-mlflow's MlflowModelTrackingDataset, "
           "tensorflow.TensorFlowModelDataset) or store the model as ONNX.");
  }
}

}  // namespace

extern const RuleBody model_in_generic_serializer{"a model is stored with pickle", kDoc, check, Phase::Model, "high"};

}  // namespace kedrolint::rules
