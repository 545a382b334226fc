// KL302 undefined-parameter
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks every `params:` input of the registered pipelines against the merged
parameters of the environment (`conf/base` plus `conf/<env>`):
`params:a.b.c` needs the key path `a: {b: {c: ...}}` (or a literal key
`"a.b"` with `c` inside). Namespaced pipelines read `params:<namespace>.x`.

## Why is this bad?
Kedro only adds the parameters it finds to the catalog; a missing one fails
the run with `Pipeline input(s) {'params:x'} not found in the DataCatalog`.
Parameters given with `kedro run --params` at run time are not seen by
kedrolint; suppress the finding where that is intended.

## Example
```yaml
# conf/base/parameters.yml
model_options:
  test_size: 0.2
```
```python
node(split_data, ["model_input_table", "params:model_option"], ["X_train", "X_test"])
```

Use instead:
```python
node(split_data, ["model_input_table", "params:model_options"], ["X_train", "X_test"])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  // A parameter may sit in a file that could not be read (KL002, KL008, KL012).
  if (!project.parameters || project.parameters_incomplete) return;
  std::unordered_set<std::string_view> defined;
  defined.reserve(project.parameter_keys.size());
  for (const auto& k : project.parameter_keys) defined.insert(k.path);
  std::vector<std::string> paths;  // the candidates of a suggestion, made at the first miss
  for (const auto& n : project.registered_nodes()) {
    for (const auto& in : n->inputs) {
      if (in.name.rfind("params:", 0) != 0) continue;
      const std::string_view path = std::string_view(in.name).substr(7);
      if (defined.count(path)) continue;
      auto b = ctx.report(in.span, "parameter `" + std::string(path) + "` is not defined in the `" + project.env +
                                       "` environment's parameters (read by node `" + n->name + "`)");
      if (paths.empty()) {
        for (const auto& k : project.parameter_keys) paths.push_back("params:" + k.path);
      }
      const auto close = core::close_matches(in.name, paths, 3);
      if (!close.empty()) {
        b.help("Did you mean " + core::quoted_list(close) + "?");
      } else {
        b.help("Add it to conf/base/parameters*.yml" +
               std::string(path.find('.') != std::string::npos ? " as a nested key" : "") + ".");
      }
    }
  }
}

}  // namespace

extern const RuleBody undefined_parameter{"a `params:` input is not in the parameters", kDoc, check};

}  // namespace kedrolint::rules
