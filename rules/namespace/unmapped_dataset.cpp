// KL201 unmapped-dataset
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks every key of `inputs=`, `outputs=` and `parameters=` given to
`pipeline(...)` (or `Pipeline(...)`) against the datasets and parameters the
wrapped nodes actually use, and reports the key itself with Kedro's closest
names. Keys refer to names as they are in the wrapped pipeline: when it is
already namespaced, they carry its namespace (`inner.x`, `params:inner.p`).

## Why is this bad?
Kedro raises `PipelineError: Failed to map datasets and/or parameters onto
the nodes provided: x` when the modular pipeline is built, without saying
which call or which argument is wrong.

## Example
```python
base = pipeline([node(train, ["X", "params:alpha"], "model")])
pipeline(base, namespace="ds", inputs={"x": "features"}, parameters={"alpha": "shared_alpha"})
```

Use instead:
```python
pipeline(base, namespace="ds", inputs={"X": "features"}, parameters={"alpha": "shared_alpha"})
```

## References
- [Kedro namespaces](https://docs.kedro.org/en/stable/build/namespaces.html)
)md";

void check(const model::Project& project, RuleContext& ctx) {
  const bool old_text = !project.layout.kedro_version.at_least(0, 19, 4);
  for (const auto& app : project.mappings) {
    const std::set<std::string> existing(app.datasets.begin(), app.datasets.end());
    const std::vector<std::string> candidates(existing.begin(), existing.end());
    auto check_list = [&](const std::vector<model::MappingApplication::Entry>& entries, const char* argument,
                          bool strip) {
      for (const auto& e : entries) {
        const std::string key = strip ? std::string(model::strip_transcoding(e.key)) : e.key;
        if (existing.count(key)) continue;
        const auto close = core::close_matches(key, candidates, 3);
        std::string kedro = old_text ? "Failed to map datasets and/or parameters: " + key
                                     : "Failed to map datasets and/or parameters onto the nodes provided: " + key;
        if (!close.empty() && !old_text) kedro += " - did you mean one of these instead: " + core::join(close, ", ");
        auto b = ctx.report(e.span, "`" + std::string(argument) + "` maps `" + key +
                                        "`, which no node of the wrapped pipeline uses; Kedro raises \"" + kedro + "\"");
        b.related(app.span, "the pipeline being wrapped");
        if (!close.empty()) {
          b.help("Did you mean " + core::quoted_list(close) + "? Keys name datasets as they are inside the wrapped "
                 "pipeline.");
        } else {
          b.help("Use a name that one of the wrapped nodes reads or writes.");
        }
      }
    };
    check_list(app.inputs, "inputs", true);
    check_list(app.outputs, "outputs", true);
    check_list(app.parameters, "parameters", false);
  }
}

}  // namespace

extern const RuleBody unmapped_dataset{"`pipeline()` maps a name the wrapped nodes do not use", kDoc, check};

}  // namespace kedrolint::rules
