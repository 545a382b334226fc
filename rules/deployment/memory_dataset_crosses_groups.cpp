// KL405 memory-dataset-crosses-groups
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on, finds a dataset that is only kept in memory (no
catalog entry or factory pattern, or a `MemoryDataset`-like type in the
environment checked) and that is produced in one deployment group and
consumed in another. Under the `1:1` mapping every edge between nodes
crosses a group boundary.

## Why is this bad?
Each group runs in its own container, and containers share no memory: the
consumer's task starts with an empty `MemoryDataset` and fails with
`DatasetError: Data for MemoryDataset has not been saved yet`.

## Example
```python
node(preprocess, "raw", "clean", name="preprocess", tags="group.prep"),
node(train, "clean", "model", name="train", tags="group.train"),   # "clean" has no catalog entry
```

Use instead:
```yaml
# conf/<deploy env>/catalog.yml
clean:
  type: pandas.ParquetDataset
  filepath: gs://bucket/02_intermediate/clean.pq
```
)md";

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  std::set<std::pair<std::string, std::size_t>> seen;
  for (const auto& c : d.crossings) {
    if (model::storage_of(project, c.dataset, d.config) != model::Storage::Memory) continue;
    if (project.catalog_incomplete) {
      // Its entry may sit in a catalog file that could not be read (KL002, KL012).
      const auto it = project.datasets.find(c.dataset);
      if (it == project.datasets.end() || it->second.source == model::ResolvedDataset::Source::Default) continue;
    }
    if (!seen.emplace(c.dataset, c.to).second) continue;
    ctx.report(c.produced_at, "`" + c.dataset + "` is kept in memory but crosses from group `" + d.groups[c.from].name +
                                  "` to group `" + d.groups[c.to].name + "`: the task running `" + c.consumer->name +
                                  "` will not find it")
        .related(c.consumed_at, "consumed by `" + c.consumer->name + "` in group `" + d.groups[c.to].name + "`")
        .help("Add a catalog entry (or a factory pattern) for `" + c.dataset + "` on storage every task can reach, "
              "in the environment you deploy, or put both nodes in one group.");
  }
}

}  // namespace

extern const RuleBody memory_dataset_crosses_groups{"in-memory data crosses between deployment groups", kDoc, check};

}  // namespace kedrolint::rules
