// KL503 type-flow-mismatch
#include <map>
#include <set>

#include "core/text.hpp"

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
with both ends. With a `Union` (or `X | Y`) on either side, it reports only
when no alternative of the producer fits any alternative of the consumer; a
persisted dataset whose class converts the value (`plotly.PlotlyDataset`
saves a table and loads a figure) is followed through. Unannotated
parameters, `Any`, and annotations with a type kedrolint does not know are
not checked.

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

std::string_view library(std::string_view type) { return type.substr(0, type.find('.')); }

bool comparable(const model::KindEvidence& e) {
  static const std::set<std::string, std::less<>> kComparable = {"model", "table", "array", "plot", "media"};
  return !e.weak && kComparable.count(e.kind) > 0;
}

bool compatible(const model::KindEvidence& produced, const model::KindEvidence& consumed) {
  if (produced.kind != consumed.kind) return false;
  // Tables and arrays of different libraries are different objects.
  return (produced.kind != "table" && produced.kind != "array") ||
         library(produced.known_type) == library(consumed.known_type);
}

// The alternatives of one annotation site (a producer's output or a
// consumer's parameter), or nothing when one of them is not comparable: a
// `Union` with an unknown member may accept anything.
struct Site {
  core::Span span;
  std::vector<const model::KindEvidence*> alternatives;
};

std::vector<Site> sites(const model::ArtifactKind& k, const std::string& source) {
  std::vector<Site> out;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> index;
  std::set<std::size_t> opaque;
  for (const auto& e : k.evidence) {
    if (e.source != source) continue;
    auto [it, inserted] = index.emplace(std::make_pair(e.span.file, e.span.begin), out.size());
    if (inserted) out.push_back({e.span, {}});
    if (!comparable(e)) opaque.insert(it->second);
    out[it->second].alternatives.push_back(&e);
  }
  std::vector<Site> kept;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto& alts = out[i].alternatives;
    if (!opaque.count(i) && !alts.empty() && alts.size() == alts.front()->alternatives) kept.push_back(out[i]);
  }
  return kept;
}

// What a consumer can receive from a persisted dataset whose class converts
// the value (a plotly writer saves a table and loads a figure).
bool converted_fits(const model::Project& project, const std::string& dataset, const model::ArtifactKind& k,
                    const model::KindEvidence& produced, const model::KindEvidence& consumed) {
  auto d = project.datasets.find(dataset);
  if (d == project.datasets.end() || !d->second.entry || !d->second.persisted) return false;
  std::string_view cls;
  for (const auto& e : k.evidence) {
    if (e.source == "class") cls = e.kind;
  }
  return !cls.empty() && cls != produced.kind && consumed.kind == cls &&
         model::class_accepts(d->second.type, cls, produced.kind);
}

bool any_fits(const model::Project& project, const std::string& dataset, const model::ArtifactKind& k,
              const Site& producer, const Site& consumer) {
  for (const auto* p : producer.alternatives) {
    for (const auto* c : consumer.alternatives) {
      if (compatible(*p, *c) || converted_fits(project, dataset, k, *p, *c)) return true;
    }
  }
  return false;
}

std::string annotated(const Site& site) {
  std::vector<std::string> types;
  for (const auto* e : site.alternatives) types.emplace_back(e->type);
  return core::join(types, " | ");
}

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& [name, k] : project.kinds) {
    const auto producers = sites(k, "producer");
    for (const auto& cons : sites(k, "consumer")) {
      for (const auto& prod : producers) {
        if (any_fits(project, name, k, prod, cons)) continue;
        auto b = ctx.report(cons.span, "`" + name + "` flows from a `" + annotated(prod) +
                                           "` into a parameter annotated `" + annotated(cons) + "`");
        b.related(prod.span, prod.alternatives.front()->detail());
        b.help("Convert the value in one of the nodes, or fix the annotation that is wrong.");
        break;  // one finding per consumer
      }
    }
  }
}

}  // namespace

extern const RuleBody type_flow_mismatch{"a dataset's producer and consumer disagree on its type", kDoc, check,
                                         Phase::Model, "medium"};

}  // namespace kedrolint::rules
