// KL004 unknown-rule-code
#include "core/text.hpp"
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a rule code or name that kedrolint does not know, in a suppression
comment or in the `select`, `ignore`, `per-file-ignores` and `severity`
options, with the closest known code.

## Why is this bad?
A misspelt code suppresses or selects nothing, so the finding it was meant
for still fails the build, or a rule the team wanted is silently off.

## Example
```python
node(train, "X", "model"),  # kedrolint: ignore[KL1001]
```

Use instead:
```python
node(train, "X", "model"),  # kedrolint: ignore[KL101]
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  forward_findings(project, ctx);
  for (const auto& [file, directives] : project.directives) {
    for (const auto& d : directives) {
      for (std::size_t i = 0; i < d.codes.size(); ++i) {
        const std::string& code = d.codes[i];
        const bool known = d.kind == suppress::Directive::Kind::FileIgnore ? is_valid_selector(code)
                                                                             : find_rule(code) != nullptr;
        if (known) continue;
        ctx.report(d.code_spans[i], "unknown rule `" + code + "` in suppression comment").help(unknown_rule_help(code));
      }
    }
  }
}

}  // namespace

extern const RuleBody unknown_rule_code{"a rule code in a comment or option does not exist", kDoc, check};

}  // namespace kedrolint::rules
