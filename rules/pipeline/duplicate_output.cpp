// KL105 duplicate-output
#include <map>
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a dataset that is an output of more than one node of a registered
pipeline, or that a single node lists twice among its outputs. Transcoded
names count as the same dataset (`x@pandas` and `x@spark` are both `x`).

## Why is this bad?
Kedro raises `OutputNotUniqueError: Output(s) ['x'] are returned by more than
one nodes` (or `Failed to create node ... due to duplicate output(s)`) when
the pipeline is built. Even if it did not, the second writer would silently
overwrite the first.

## Example
```python
pipeline([
    node(clean_a, "raw_a", "clean"),
    node(clean_b, "raw_b", "clean"),
])
```

Use instead:
```python
pipeline([
    node(clean_a, "raw_a", "clean_a"),
    node(clean_b, "raw_b", "clean_b"),
])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& n : project.constructed_nodes) {
    std::map<std::string, const model::DatasetRef*> seen;
    for (const auto& o : n->outputs) {
      auto [it, inserted] = seen.emplace(o.name, &o);
      if (inserted) continue;
      ctx.report(o.span, "node `" + n->name + "` lists the output `" + o.name + "` twice")
          .related(it->second->span, "first listed here")
          .help("Node outputs must be unique; remove one of them.");
    }
  }
  for (const auto& [name, reg] : project.pipelines) {
    std::map<std::string, std::pair<const model::Node*, const model::DatasetRef*>> producer;
    for (const auto& n : reg.pipeline->nodes) {
      std::set<std::string> own;
      for (const auto& o : n->outputs) {
        const std::string base(model::strip_transcoding(o.name));
        if (!own.insert(base).second) continue;
        auto [it, inserted] = producer.emplace(base, std::make_pair(n.get(), &o));
        if (inserted) continue;
        ctx.report(o.span, "`" + base + "` is already an output of node `" + it->second.first->name +
                               "`; Kedro allows one producer per dataset")
            .related(it->second.second->span, "also produced by `" + it->second.first->name + "` here")
            .help("Rename one of the outputs, or merge the two nodes.");
      }
    }
  }
}

}  // namespace

extern const RuleBody duplicate_output{"a dataset is produced by more than one node", kDoc, check};

}  // namespace kedrolint::rules
