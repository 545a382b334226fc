// KL303 unused-parameter
#include <set>

#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Reports a parameter that no node of any registered pipeline reads, neither
itself (`params:a.b`), nor through a parent (`params:a`), nor through one of
its children. Only the highest unused key is reported. Keys starting with `_`
(YAML anchors and templates) are ignored, and nothing is reported when a node
reads all `parameters`, when project code reads them through a config loader
(`OmegaConfigLoader(...)["parameters"]` in `register_pipelines()`, say), or
when a pipeline could not be evaluated completely.

## Why is this bad?
Stale parameters mislead readers about what the pipeline does and make
configuration reviews harder.

## Example
```yaml
model_options:
  test_size: 0.2
legacy_threshold: 0.7
```

Use instead:
```yaml
model_options:
  test_size: 0.2
```
)md";

// Read as itself, through an ancestor (`params:a` reads `a.b`), or through a
// descendant (`params:a.b.c` reads part of `a.b`).
bool used(const std::string& path, const std::set<std::string>& reads) {
  if (reads.count(path)) return true;
  const std::string child_prefix = path + ".";
  if (auto it = reads.lower_bound(child_prefix); it != reads.end() && it->rfind(child_prefix, 0) == 0) return true;
  for (auto dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) {
    if (reads.count(path.substr(0, dot))) return true;
  }
  return false;
}

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.parameters || !project.all_pipelines_complete() || project.parameters_read_by_code) return;
  std::set<std::string> reads;
  for (const auto& n : project.registered_nodes()) {
    for (const auto& in : n->inputs) {
      if (in.name == "parameters") return;
      if (in.name.rfind("params:", 0) == 0) reads.insert(in.name.substr(7));
    }
  }
  for (const auto& key : project.parameter_keys) {
    if (key.path.empty() || key.path.front() == '_' || key.path.find("._") != std::string::npos ||
        used(key.path, reads)) {
      continue;
    }
    const auto dot = key.path.rfind('.');
    if (dot != std::string::npos && !used(key.path.substr(0, dot), reads)) continue;  // an unused ancestor is reported
    ctx.report(key.key_span, "parameter `" + key.path + "` is not used by any registered pipeline")
        .help("Remove it, or read it in a node as `params:" + key.path + "`.");
  }
}

}  // namespace

extern const RuleBody unused_parameter{"a parameter no pipeline reads", kDoc, check};

}  // namespace kedrolint::rules
