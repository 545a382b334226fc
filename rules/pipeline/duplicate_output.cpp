// KL105 duplicate-output
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    const auto& outputs = n->outputs;
    for (std::size_t i = 1; i < outputs.size(); ++i) {
      for (std::size_t first = 0; first < i; ++first) {
        if (outputs[first].name != outputs[i].name) continue;
        ctx.report(outputs[i].span, "node `" + n->name + "` lists the output `" + outputs[i].name + "` twice")
            .related(outputs[first].span, "first listed here")
            .help("Node outputs must be unique; remove one of them.");
        break;
      }
    }
  }
  // Views into the nodes, which outlive the rule: a map of copied names took
  // most of this rule's time.
  std::unordered_map<std::string_view, std::pair<const model::Node*, const model::DatasetRef*>> producer;
  std::vector<std::string_view> own;
  for (const auto& [name, reg] : project.pipelines) {
    producer.clear();
    producer.reserve(reg.pipeline->nodes.size());
    for (const auto& n : reg.pipeline->nodes) {
      own.clear();
      for (const auto& o : n->outputs) {
        const std::string_view base = model::strip_transcoding(o.name);
        if (std::find(own.begin(), own.end(), base) != own.end()) continue;
        own.push_back(base);
        auto [it, inserted] = producer.emplace(base, std::make_pair(n.get(), &o));
        if (inserted) continue;
        ctx.report(o.span, "`" + std::string(base) + "` is already an output of node `" + it->second.first->name +
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
