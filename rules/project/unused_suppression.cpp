// KL003 unused-suppression
#include <algorithm>

#include "model/project.hpp"
#include "rules/rule.hpp"
#include "suppress/suppressor.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a `# kedrolint: ignore[...]`, `disable[...]` or `file-ignore[...]`
comment, or one of its codes, that suppressed nothing in this run.

## Why is this bad?
Stale suppressions hide future findings on that line and mislead readers into
thinking a problem is still there. Only rules that ran are judged: a
suppression of a rule disabled by `--select` or `ignore` is left alone.

## Example
```python
node(split_data, "companies", ["X", "y"]),  # kedrolint: ignore[KL101]
```

Use instead:
```python
node(split_data, "companies", ["X", "y"]),
```
)md";

void check(const model::Project&, RuleContext& ctx) {
  const suppress::Usage* usage = ctx.suppression_usage();
  if (!usage) return;
  auto ran = [&](const std::string& code) {
    return std::any_of(usage->enabled_codes.begin(), usage->enabled_codes.end(), [&](const std::string& enabled) {
      return suppress::entry_names_code(code, enabled, true);
    });
  };
  for (const auto& entry : usage->entries) {
    const auto& d = *entry.directive;
    if (d.codes.empty()) {
      if (!entry.used[0]) {
        ctx.report(d.span, "unused `kedrolint: ignore`: nothing is reported on this line")
            .help("Remove the comment.");
      }
      continue;
    }
    for (std::size_t i = 0; i < d.codes.size(); ++i) {
      if (entry.used[i] || !ran(d.codes[i])) continue;
      ctx.report(d.code_spans[i], "unused suppression of `" + d.codes[i] + "`: nothing it covers is reported")
          .help(d.codes.size() == 1 ? "Remove the comment." : "Remove `" + d.codes[i] + "` from the list.");
    }
  }
}

}  // namespace

extern const RuleBody unused_suppression{"a suppression comment suppresses nothing", kDoc, check,
                                         Phase::AfterSuppression};

}  // namespace kedrolint::rules
