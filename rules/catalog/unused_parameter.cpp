// KL303 unused-parameter
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

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

// The parameter paths the nodes read, sorted: views into the nodes' inputs.
class Reads {
 public:
  void add(std::string_view path) { paths_.push_back(path); }
  void seal() {
    std::sort(paths_.begin(), paths_.end());
    paths_.erase(std::unique(paths_.begin(), paths_.end()), paths_.end());
    // Exact reads by hash: the paths share long prefixes, which made each
    // step of a binary search a long comparison.
    exact_.reserve(paths_.size());
    exact_.insert(paths_.begin(), paths_.end());
  }

  // Read as itself, through an ancestor (`params:a` reads `a.b`), or through
  // a descendant (`params:a.b.c` reads part of `a.b`).
  [[nodiscard]] bool used(std::string_view path) const {
    if (has(path)) return true;
    child_prefix_.assign(path);
    child_prefix_ += '.';
    const std::string_view prefix = child_prefix_;
    if (auto it = std::lower_bound(paths_.begin(), paths_.end(), prefix);
        it != paths_.end() && it->substr(0, prefix.size()) == prefix) {
      return true;
    }
    for (auto dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.', dot + 1)) {
      if (has(path.substr(0, dot))) return true;
    }
    return false;
  }

 private:
  [[nodiscard]] bool has(std::string_view path) const { return exact_.count(path) > 0; }
  std::vector<std::string_view> paths_;  ///< sorted, for the prefix query
  std::unordered_set<std::string_view> exact_;
  mutable std::string child_prefix_;  // reused: one per key would allocate
};

void check(const model::Project& project, RuleContext& ctx) {
  if (!project.parameters || !project.all_pipelines_complete() || project.parameters_read_by_code) return;
  Reads reads;
  for (const auto& n : project.registered_nodes()) {
    for (const auto& in : n->inputs) {
      if (in.name == "parameters") return;
      if (in.name.rfind("params:", 0) == 0) reads.add(std::string_view(in.name).substr(7));
    }
  }
  reads.seal();
  for (const auto& key : project.parameter_keys) {
    if (key.path.empty() || key.path.front() == '_' || key.path.find("._") != std::string::npos ||
        reads.used(key.path)) {
      continue;
    }
    const auto dot = key.path.rfind('.');
    if (dot != std::string::npos && !reads.used(std::string_view(key.path).substr(0, dot))) continue;  // an unused ancestor is reported
    ctx.report(key.key_span, "parameter `" + key.path + "` is not used by any registered pipeline")
        .help("Remove it, or read it in a node as `params:" + key.path + "`.");
  }
}

}  // namespace

extern const RuleBody unused_parameter{"a parameter no pipeline reads", kDoc, check};

}  // namespace kedrolint::rules
