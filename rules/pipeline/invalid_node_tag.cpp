// KL103 invalid-node-tag
#include "model/naming.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks every tag given to `node(tags=...)`, `pipeline(tags=...)` and
`.tag()`: from Kedro 0.19 a tag may contain only letters, digits, `_`, `-`
and `.`.

## Why is this bad?
Kedro raises `ValueError: '<tag>' is not a valid node tag` when the node is
built. Tags like `group:training` (used by some deployment plugins) are
therefore invalid in Kedro 0.19 and 1.x.

## Example
```python
node(train, "X", "model", tags=["group:training"])
```

Use instead:
```python
node(train, "X", "model", tags=["group.training"])
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.layout.kedro_version.at_least(0, 19)) return;
  for (const auto& n : project.registered_nodes()) {
    for (const auto& tag : n->tags) {
      if (model::is_valid_kedro_name(tag)) continue;
      const core::Span origin = model::tag_origin(*n, tag);
      ctx.report(origin.valid() ? origin : n->span,
                 "`" + tag + "` is not a valid node tag: Kedro " + project.layout.kedro_version.short_text() +
                     " accepts only letters, digits, `_`, `-` and `.`")
          .help("Replace the other characters, e.g. `:` or spaces, with `.` or `_`.");
    }
  }
}

}  // namespace

extern const RuleBody invalid_node_tag{"a node tag has characters Kedro rejects", kDoc, check};

}  // namespace kedrolint::rules
