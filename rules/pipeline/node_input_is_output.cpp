// KL111 node-input-is-output
#include <map>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a node that consumes a dataset it also produces, including through
transcoding (`x@pandas` in, `x@spark` out).

## Why is this bad?
Kedro raises `ValueError: Failed to create node ... A node cannot have the
same inputs and outputs even if they are transcoded` when the node is built.
Updating a dataset in place needs a new name for the result.

## Example
```python
node(deduplicate, "companies", "companies")
```

Use instead:
```python
node(deduplicate, "companies", "companies_deduplicated")
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& n : project.constructed_nodes) {
    std::map<std::string, const model::DatasetRef*> ins;
    for (const auto& i : n->inputs) ins.emplace(std::string(model::strip_transcoding(i.name)), &i);
    for (const auto& o : n->outputs) {
      auto it = ins.find(std::string(model::strip_transcoding(o.name)));
      if (it == ins.end()) continue;
      ctx.report(o.span, "node `" + n->name + "` produces `" + o.name + "`, which it also consumes as `" +
                             it->second->name + "`")
          .related(it->second->span, "consumed here")
          .help("Give the output a new name, e.g. `" + std::string(model::strip_transcoding(o.name)) + "_updated`.");
    }
  }
}

}  // namespace

extern const RuleBody node_input_is_output{"a node consumes a dataset it produces", kDoc, check};

}  // namespace kedrolint::rules
