// KL008 unreadable-file
#include "rules/forward_findings.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a project file that kedrolint needs but cannot read: permission
denied, too large, or not valid UTF-8 (the column points at the first bad
byte).

## Why is this bad?
Python refuses source files that are not UTF-8, and Kedro cannot load a
configuration file it cannot read. kedrolint skips the file, so everything
built from it is missing from the analysis.

## Example
```text
src/pkg/nodes.py saved as Latin-1: caf\xe9 = 1
```

Use instead:
Save the file as UTF-8 and make it readable by the user running kedrolint.
)md";

void check(const model::Project& project, RuleContext& ctx) { forward_findings(project, ctx); }

}  // namespace

extern const RuleBody unreadable_file{"a project file cannot be read as UTF-8 text", kDoc, check};

}  // namespace kedrolint::rules
