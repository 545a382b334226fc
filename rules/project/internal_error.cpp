// KL000 internal-error
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a failure inside kedrolint itself: a rule or an evaluation step
raised an unexpected error while analysing a file. The run goes on with the
other rules and files, and exits with status 2.

## Why is this bad?
A finding may be missing where kedrolint crashed, so a clean report cannot be
trusted for the file named in the message.

## Example
```text
pyproject.toml:1:1: error: internal error in rule KL301 (missing-catalog-entry): ... [KL000]
```

Use instead:
Please report the message and the smallest project that reproduces it.

To check what a CI job or an editor integration does with this finding and
exit status 2, `KEDROLINT_FAULT_IN_RULE=KL301 kedrolint check` makes the
named rule fail as if it had a bug; the cache is not used while the
variable is set.
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody internal_error{"kedrolint failed while analysing this file", kDoc, check};

}  // namespace kedrolint::rules
