// KL005 invalid-suppression-comment
#include "model/project.hpp"
#include "rules/rule.hpp"
#include "suppress/suppressor.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a `# kedrolint:` comment that cannot be understood: an unknown
directive, a missing or empty code list (only `ignore` may go without one),
text after the codes that is not a ` -- reason`, an `enable[...]` with no `disable[...]` of
exactly the same codes before it, or a `disable[...]` that is never closed
(it then covers the rest of the file).

## Why is this bad?
A comment that looks like a suppression but does not work leaves findings
reported, or silences far more of the file than intended.

## Example
```yaml
# kedrolint: disable[KL301]
raw_a:
  type: pandas.CSVDataset
# kedrolint: enable[KL301, KL302]
```

Use instead:
```yaml
# kedrolint: disable[KL301]
raw_a:
  type: pandas.CSVDataset
# kedrolint: enable[KL301]
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& [file, directives] : project.directives) {
    for (const auto& d : directives) {
      if (d.kind == suppress::Directive::Kind::Malformed) {
        ctx.report(d.span, "invalid suppression comment: " + d.problem)
            .help("Use `# kedrolint: ignore[KL301]`, `disable[...]`/`enable[...]` or `file-ignore[...]`.");
      }
    }
    std::vector<const suppress::Directive*> orphans;
    for (const auto& range : suppress::pair_ranges(directives, &orphans)) {
      if (range.enable) continue;
      ctx.report(range.disable->span, "`disable` is never closed, so it covers the rest of the file")
          .help("Add `# kedrolint: enable[...]` with the same codes where the range should end.");
    }
    for (const auto* d : orphans) {
      ctx.report(d->span, "`enable` has no matching `disable` with exactly the same codes before it")
          .help("Use the same code list as the `disable` comment it closes.");
    }
  }
}

}  // namespace

extern const RuleBody invalid_suppression_comment{"a `kedrolint:` comment is malformed or unbalanced", kDoc, check};

}  // namespace kedrolint::rules
