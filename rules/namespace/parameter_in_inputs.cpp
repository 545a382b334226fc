// KL202 parameter-in-inputs
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a `params:` name (or `parameters`) given in the `inputs=` argument of
`pipeline(...)`.

## Why is this bad?
Kedro raises `PipelineError: Parameters should be specified in the
'parameters' argument` when the modular pipeline is built.

## Example
```python
pipeline(base, namespace="ds", inputs={"params:alpha": "params:shared_alpha"})
```

Use instead:
```python
pipeline(base, namespace="ds", parameters={"alpha": "shared_alpha"})
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& app : project.mappings) {
    for (const auto& e : app.inputs) {
      const std::string key(model::strip_transcoding(e.key));
      if (key != "parameters" && key.rfind("params:", 0) != 0) continue;
      const std::string bare = key == "parameters" ? key : key.substr(7);
      ctx.report(e.span, "`" + key + "` is a parameter, but it is mapped in `inputs=`; Kedro raises \"Parameters "
                                     "should be specified in the 'parameters' argument\"")
          .related(app.span, "the pipeline being wrapped")
          .help("Move it to `parameters=`, without the `params:` prefix: `parameters={\"" + bare + "\": ...}`.");
    }
  }
}

}  // namespace

extern const RuleBody parameter_in_inputs{"a parameter is mapped in `inputs=` instead of `parameters=`", kDoc, check};

}  // namespace kedrolint::rules
