// KL203 mapped-input-not-free
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a key of `inputs=` in `pipeline(...)` that is produced by one of the
wrapped nodes: only free inputs (datasets no wrapped node produces) can be
mapped as inputs.

## Why is this bad?
Kedro raises `PipelineError: Inputs must not be outputs from another node in
the same pipeline` when the modular pipeline is built. To expose an
intermediate dataset under another name, map it in `outputs=`.

## Example
```python
base = pipeline([node(clean, "raw", "clean"), node(train, "clean", "model")])
pipeline(base, namespace="ds", inputs={"clean": "shared_clean"})
```

Use instead:
```python
pipeline(base, namespace="ds", inputs={"raw": "shared_raw"})
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  const bool old_text = !project.layout.kedro_version.at_least(0, 19, 4);
  for (const auto& app : project.mappings) {
    const std::set<std::string> existing(app.datasets.begin(), app.datasets.end());
    const std::set<std::string> free(app.free_inputs.begin(), app.free_inputs.end());
    for (const auto& e : app.inputs) {
      const std::string key(model::strip_transcoding(e.key));
      if (!existing.count(key) || free.count(key) || key == "parameters" || key.rfind("params:", 0) == 0) continue;
      ctx.report(e.span, "`" + key + "` is produced inside the wrapped pipeline, so it cannot be mapped as an input; "
                                     "Kedro raises \"" +
                             std::string(old_text ? "Inputs should be free inputs to the pipeline"
                                                  : "Inputs must not be outputs from another node in the same pipeline") +
                             "\"")
          .related(app.span, "the pipeline being wrapped")
          .help("Map it in `outputs=` to expose it, or map the free input it is computed from.");
    }
  }
}

}  // namespace

extern const RuleBody mapped_input_not_free{"`inputs=` maps a dataset the wrapped nodes produce", kDoc, check};

}  // namespace kedrolint::rules
