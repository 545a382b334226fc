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
Before Kedro 0.19.4 only the same name, transcoding included, is refused
(`x@pandas` in and `x@spark` out is allowed).
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
  // Kedro compares transcoding-stripped names from 0.19.4; before, the names as written.
  const bool stripped = project.layout.kedro_version.at_least(0, 19, 4);
  auto key = [&](const std::string& name) { return stripped ? std::string(model::strip_transcoding(name)) : name; };
  for (const auto& n : project.constructed_nodes) {
    std::map<std::string, const model::DatasetRef*> ins;
    for (const auto& i : n->inputs) ins.emplace(key(i.name), &i);
    for (const auto& o : n->outputs) {
      auto it = ins.find(key(o.name));
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
