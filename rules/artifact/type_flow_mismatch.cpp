// KL503 type-flow-mismatch
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Follows each dataset from the node that produces it to the nodes that
consume it, and compares the producer's return annotation with the
consumer's parameter annotation: a different kind (a `pd.DataFrame` into a
parameter annotated `np.ndarray`, a model into a table) or tables of
different libraries (pandas into polars, Spark into pandas) are reported,
with both ends. Unannotated parameters, `Any` and types kedrolint does not
know are not checked.

## Why is this bad?
The consumer receives an object of another type than it was written for and
fails, or silently computes something else, at run time. In-memory datasets
pass the object as is; persisted datasets convert only what their class
supports.

## Example
```python
def create_features(raw: pd.DataFrame) -> pd.DataFrame: ...
def train(features: np.ndarray) -> LinearRegression: ...
```

Use instead:
```python
def train(features: pd.DataFrame) -> LinearRegression: ...
```
)md";

std::string library(const std::string& type) { return type.substr(0, type.find('.')); }

void check(const model::Project& project, RuleContext& ctx) {
  static const std::set<std::string> kComparable = {"model", "table", "array", "plot", "media"};
  std::set<std::pair<std::uint32_t, std::string>> seen;
  for (const auto& [name, k] : project.kinds) {
    for (const auto& prod : k.evidence) {
      if (prod.source != "producer" || prod.weak || !kComparable.count(prod.kind)) continue;
      for (const auto& cons : k.evidence) {
        if (cons.source != "consumer" || cons.weak || !kComparable.count(cons.kind)) continue;
        const bool kinds_differ = prod.kind != cons.kind;
        const bool libraries_differ =
            prod.kind == cons.kind && (prod.kind == "table" || prod.kind == "array") && library(prod.type) != library(cons.type);
        if (!kinds_differ && !libraries_differ) continue;
        if (!seen.emplace(cons.span.begin, name).second) continue;
        ctx.report(cons.span, "`" + name + "` flows from a `" + prod.type + "` into a parameter annotated `" +
                                  cons.type + "`")
            .related(prod.span, prod.detail)
            .help("Convert the value in one of the nodes, or fix the annotation that is wrong.");
      }
    }
  }
}

}  // namespace

extern const RuleBody type_flow_mismatch{"a dataset's producer and consumer disagree on its type", kDoc, check,
                                         Phase::Model, "medium"};

}  // namespace kedrolint::rules
