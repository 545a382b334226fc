// KL406 local-path-crosses-groups
#include <set>

#include "core/text.hpp"

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
With deployment checks on, finds a persisted dataset that crosses between
deployment groups but is stored on a path only one container can see: a
relative path (`data/02_intermediate/x.pq`) or an absolute local path that
is not under a shared-storage prefix of the target (`s3://`, `gs://`,
`abfss://`, `dbfs:/`...) or of `deploy.shared-storage`. Data on remote
storage that the target does not list as shared (an `s3://` bucket seen
from Vertex AI, whose tasks share `gs://`) is reported too, as such: the
tasks reach it only with network access and credentials set up for it.

## Why is this bad?
The producing task writes the file into its own container's disk, which
disappears when the task ends; the consuming task, in another container,
cannot read it.

## Example
```yaml
model_input_table:
  type: pandas.ParquetDataset
  filepath: data/03_primary/model_input_table.pq
```

Use instead:
```yaml
# conf/cloud/catalog.yml, checked with `kedrolint check --env cloud`
model_input_table:
  type: pandas.ParquetDataset
  filepath: gs://spaceflights/03_primary/model_input_table.pq
```
)md";

// "(`gs://`, `gcs://`) of target `vertexai`": the storage the deployment shares.
std::string shared_list(const model::DeployConfig& config) {
  std::vector<std::string> prefixes;
  for (const auto& p : config.shared_prefixes) prefixes.push_back("`" + p + "`");
  return "(" + core::join(prefixes, ", ") + ")" + (config.target.empty() ? "" : " of target `" + config.target + "`");
}

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.deployment) return;
  const auto& d = *project.deployment;
  std::set<std::pair<std::string, std::size_t>> seen;
  for (const auto& c : d.crossings) {
    const auto storage = model::storage_of(project, c.dataset, d.config);
    if (storage != model::Storage::Local && storage != model::Storage::Remote) continue;
    if (!seen.emplace(c.dataset, c.to).second) continue;
    const std::string where = model::storage_location(project, c.dataset).value_or("?");
    const std::string crosses =
        "`" + c.dataset + "` crosses from group `" + d.groups[c.from].name + "` to group `" + d.groups[c.to].name + "`";
    auto b = ctx.report(c.produced_at, storage == model::Storage::Local
                                           ? crosses + " but is stored on the local path `" + where +
                                                 "`, which other containers cannot see"
                                           : crosses + " on `" + where +
                                                 "`, remote storage not among the shared prefixes " +
                                                 shared_list(d.config));
    const auto& resolved = project.datasets.at(c.dataset);
    if (resolved.entry) b.related(resolved.entry->key_span, "the catalog entry of `" + c.dataset + "`");
    b.related(c.consumed_at, "consumed by `" + c.consumer->name + "` in group `" + d.groups[c.to].name + "`");
    b.help(storage == model::Storage::Local
               ? "Store it on shared storage in the deployed environment (e.g. a bucket), list the mount in "
                 "`deploy.shared-storage`, or put both nodes in one group."
               : "If every task can reach this storage (network and credentials), add its prefix to "
                 "`deploy.shared-storage`; otherwise store it on the target's storage, or put both nodes in one group.");
  }
}

}  // namespace

extern const RuleBody local_path_crosses_groups{"data crossing deployment groups is stored on a local path", kDoc, check};

}  // namespace kedrolint::rules
