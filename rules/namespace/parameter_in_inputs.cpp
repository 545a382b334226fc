// KL202 parameter-in-inputs
#include "model/kedro_ops.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a `params:` name (or `parameters`) given in the `inputs=` argument of
`pipeline(...)`. Before Kedro 0.18 every name that starts with `parameters`
is a parameter (`_PARAMETER_KEYWORDS`), so a dataset called
`parameters_table` is reported too.

## Why is this bad?
Kedro raises `PipelineError: Parameters should be specified in the
'parameters' argument` when the modular pipeline is built
(`ModularPipelineError` before 1.0, with backticks around `parameters`
before 0.18.2).

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
  const auto& version = project.layout.kedro_version;
  const std::string quoted = version.at_least(0, 18, 2) ? "'parameters'" : "`parameters`";
  for (const auto& app : project.mappings) {
    for (const auto& e : app.inputs) {
      const std::string key(model::strip_transcoding(e.key));
      if (!model::is_parameter_name(key, !version.at_least(0, 18))) continue;
      const bool prefixed_name = key != "parameters" && key.rfind("params:", 0) != 0;
      auto b = ctx.report(e.span, "`" + key + "` is a parameter" +
                                      (prefixed_name ? std::string(" to Kedro before 0.18 (its name starts with "
                                                                   "`parameters`)")
                                                     : std::string()) +
                                      ", but it is mapped in `inputs=`; Kedro raises \"Parameters should be specified "
                                      "in the " + quoted + " argument\"");
      b.related(app.span, "the pipeline being wrapped");
      if (prefixed_name) {
        b.help("Rename the dataset so that its name does not start with `parameters`, or move it to `parameters=`.");
      } else {
        const std::string bare = key == "parameters" ? key : key.substr(7);
        b.help("Move it to `parameters=`, without the `params:` prefix: `parameters={\"" + bare + "\": ...}`.");
      }
    }
  }
}

}  // namespace

extern const RuleBody parameter_in_inputs{"a parameter is mapped in `inputs=` instead of `parameters=`", kDoc, check};

}  // namespace kedrolint::rules
