// KL106 mixed-transcoding
#include <map>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Finds a dataset used in one registered pipeline both with a transcoding
suffix (`x@pandas`) and without one (`x`), and names with more than one `@`.

## Why is this bad?
Kedro raises `ValueError: The following datasets are used with
transcoding, but were referenced without the separator: x` when the pipeline
is built, and `Expected maximum 1 transcoding separator` for `a@b@c`.

## Example
```python
pipeline([
    node(load, "raw", "table@spark"),
    node(report, "table", "summary"),
])
```

Use instead:
```python
pipeline([
    node(load, "raw", "table@spark"),
    node(report, "table@pandas", "summary"),
])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& [name, reg] : project.pipelines) {
    std::map<std::string, const model::DatasetRef*> plain, transcoded;
    for (const auto& n : reg.pipeline->nodes) {
      for (const auto* list : {&n->inputs, &n->outputs}) {
        for (const auto& d : *list) {
          const auto at = d.name.find('@');
          if (at == std::string::npos) {
            plain.emplace(d.name, &d);
            continue;
          }
          if (d.name.find('@', at + 1) != std::string::npos) {
            ctx.report(d.span, "`" + d.name + "` has more than one transcoding separator `@`")
                .help("Use at most one `@`, as in `name@format`.");
            continue;
          }
          transcoded.emplace(d.name.substr(0, at), &d);
        }
      }
    }
    for (const auto& [base, ref] : plain) {
      auto it = transcoded.find(base);
      if (it == transcoded.end()) continue;
      ctx.report(ref->span, "`" + base + "` is used without a transcoding suffix, but also as `" + it->second->name +
                                "` in the same pipeline")
          .related(it->second->span, "used with transcoding here")
          .help("Add the transcoding suffix here too, e.g. `" + base + "@pandas`.");
    }
  }
}

}  // namespace

extern const RuleBody mixed_transcoding{"a dataset is used with and without transcoding", kDoc, check};

}  // namespace kedrolint::rules
