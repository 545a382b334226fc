// KL106 mixed-transcoding
#include <map>
#include <string_view>

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
    const auto& nodes = reg.pipeline->nodes;  // a lambda may not name a structured binding (clang 14)
    auto each_ref = [&](auto&& visit) {
      for (const auto& n : nodes) {
        for (const auto* list : {&n->inputs, &n->outputs}) {
          for (const auto& d : *list) visit(d);
        }
      }
    };
    // Most pipelines transcode nothing: the transcoded names are found first,
    // and the plain uses are only looked for when there are some.
    std::map<std::string_view, const model::DatasetRef*> transcoded;
    each_ref([&](const model::DatasetRef& d) {
      const auto at = d.name.find('@');
      if (at == std::string::npos) return;
      if (d.name.find('@', at + 1) != std::string::npos) {
        ctx.report(d.span, "`" + d.name + "` has more than one transcoding separator `@`")
            .help("Use at most one `@`, as in `name@format`.");
        return;
      }
      transcoded.emplace(std::string_view(d.name).substr(0, at), &d);
    });
    if (transcoded.empty()) continue;
    std::map<std::string_view, const model::DatasetRef*> plain;
    each_ref([&](const model::DatasetRef& d) {
      if (d.name.find('@') == std::string::npos && transcoded.count(d.name)) plain.emplace(d.name, &d);
    });
    for (const auto& [base, ref] : plain) {
      const model::DatasetRef& other = *transcoded.at(base);
      ctx.report(ref->span, "`" + std::string(base) + "` is used without a transcoding suffix, but also as `" +
                                other.name + "` in the same pipeline")
          .related(other.span, "used with transcoding here")
          .help("Add the transcoding suffix here too, e.g. `" + std::string(base) + "@pandas`.");
    }
  }
}

}  // namespace

extern const RuleBody mixed_transcoding{"a dataset is used with and without transcoding", kDoc, check};

}  // namespace kedrolint::rules
