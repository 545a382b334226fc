#include "model/deploy.hpp"

#include <algorithm>
#include <deque>
#include <numeric>
#include <set>

#include "config/config_value.hpp"
#include "core/text.hpp"
#include "model/kedro_ops.hpp"
#include "model/naming.hpp"
#include "model/project.hpp"
#include "parse/yaml_source.hpp"

namespace kedrolint::model {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBadConfig = "KL009";

// Union-find over node indices.
struct Components {
  std::vector<std::size_t> parent;
  explicit Components(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

struct Edge {
  std::size_t producer, consumer;
  std::string dataset;
  core::Span produced_at, consumed_at;
};

// Every producer -> consumer data edge (transcoding-stripped names link).
std::vector<Edge> data_edges(const std::vector<NodePtr>& nodes) {
  std::map<std::string_view, std::vector<std::pair<std::size_t, const DatasetRef*>>> producers;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (const auto& o : nodes[i]->outputs) producers[strip_transcoding(o.name)].emplace_back(i, &o);
  }
  std::vector<Edge> edges;
  for (std::size_t c = 0; c < nodes.size(); ++c) {
    for (const auto& in : nodes[c]->inputs) {
      auto it = producers.find(strip_transcoding(in.name));
      if (it == producers.end()) continue;
      for (const auto& [p, out] : it->second) edges.push_back({p, c, out->name, out->span, in.span});
    }
  }
  return edges;
}

std::vector<DeployGroup> from_components(const std::vector<NodePtr>& nodes, Components& comp) {
  std::map<std::size_t, std::size_t> index;
  std::vector<DeployGroup> groups;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::size_t root = comp.find(i);
    auto [it, inserted] = index.emplace(root, groups.size());
    if (inserted) groups.push_back({nodes[i]->name, {}, {}});
    groups[it->second].nodes.push_back(nodes[i]);
  }
  return groups;
}

// Tarjan's strongly connected components, iterative (a pipeline of
// thousands of nodes would overflow a recursive one): the component of each
// vertex of `succ`.
std::vector<std::size_t> strongly_connected(const std::vector<std::vector<std::size_t>>& succ) {
  constexpr std::size_t kUnvisited = static_cast<std::size_t>(-1);
  const std::size_t n = succ.size();
  std::vector<std::size_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::pair<std::size_t, std::size_t>> frames;  // (vertex, next successor to visit)
  std::size_t counter = 0, components = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    frames.emplace_back(root, 0);
    while (!frames.empty()) {
      const std::size_t v = frames.back().first;
      std::size_t& next = frames.back().second;  // not used once a frame is pushed
      if (next == 0 && index[v] == kUnvisited) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
      }
      if (next < succ[v].size()) {
        const std::size_t w = succ[v][next++];
        if (index[w] == kUnvisited) frames.emplace_back(w, 0);
        else if (on_stack[w]) low[v] = std::min(low[v], index[w]);
        continue;
      }
      if (low[v] == index[v]) {
        std::size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = components;
        } while (w != v);
        ++components;
      }
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[v]);
    }
  }
  return component;
}

// Makes the groups a DAG: the groups of each strongly connected component of
// the quotient graph (those on a common cycle) become one group, placed and
// named like the first of them. Merging one cycle at a time until none is
// left ends in the same groups; the condensation takes linear time.
std::vector<DeployGroup> merge_cycles(const std::vector<NodePtr>& nodes, std::vector<DeployGroup> groups) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < nodes.size(); ++i) position[nodes[i]->name] = i;
  std::vector<std::size_t> group_of(nodes.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& n : groups[g].nodes) group_of[position[n->name]] = g;
  }
  std::vector<std::vector<std::size_t>> succ(groups.size());
  for (const auto& e : data_edges(nodes)) {
    if (group_of[e.producer] != group_of[e.consumer]) succ[group_of[e.producer]].push_back(group_of[e.consumer]);
  }
  const auto component = strongly_connected(succ);
  std::vector<DeployGroup> merged;
  std::vector<bool> grew;
  std::map<std::size_t, std::size_t> slot;  // component -> index in `merged`
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto [it, inserted] = slot.emplace(component[g], merged.size());
    if (inserted) {
      merged.push_back(std::move(groups[g]));
      grew.push_back(false);
      continue;
    }
    auto& into = merged[it->second].nodes;
    into.insert(into.end(), groups[g].nodes.begin(), groups[g].nodes.end());
    grew[it->second] = true;
  }
  for (std::size_t m = 0; m < merged.size(); ++m) {
    if (!grew[m]) continue;
    std::sort(merged[m].nodes.begin(), merged[m].nodes.end(),
              [&](const NodePtr& a, const NodePtr& b) { return position[a->name] < position[b->name]; });
  }
  return merged;
}

std::vector<std::string> string_list(const config::ConfigValue* v) {
  std::vector<std::string> out;
  if (!v) return out;
  if (v->is_string()) {
    if (!v->text.empty()) out.push_back(v->text);
  } else {
    for (const auto& item : v->items) {
      if (item->is_scalar()) out.push_back(item->text);
    }
  }
  return out;
}

// The nodes one filter of `Pipeline.filter` selects; names it does not find go to `missing`.
std::vector<NodePtr> apply_filter(const std::vector<NodePtr>& nodes, const std::string& key,
                                  const std::vector<std::string>& args, std::vector<std::string>& missing) {
  if (key == "node_names") return only_nodes(nodes, args, missing);
  if (key == "tags") return only_nodes_with_tags(nodes, args);
  if (key == "node_namespaces") return only_nodes_with_namespaces(nodes, args, true, missing);
  if (key == "from_nodes") return from_nodes(nodes, args, missing);
  if (key == "to_nodes") return to_nodes(nodes, args, missing);
  if (key == "from_inputs") return from_inputs(nodes, args, missing);
  return to_outputs(nodes, args, missing);
}

// One entry of the groups file: the intersection of its filters, each
// applied to the whole pipeline, as Pipeline.filter does. Like Kedro
// (kedro/pipeline/pipeline.py, `filter`), an empty or null filter is not
// applied: it does not select nothing.
DeployGroup group_from_filters(const std::string& name, const config::ConfigValue& spec,
                               const std::vector<NodePtr>& nodes, const DeployConfig& config,
                               std::vector<core::Finding>& findings) {
  static const std::vector<std::string> kFilters = {"from_inputs", "from_nodes", "node_names", "node_namespaces",
                                                    "tags",        "to_nodes",   "to_outputs"};
  DeployGroup g{name, nodes, spec.key_span};
  auto bad = [&](core::Span span, std::string message, std::optional<std::string> help = std::nullopt) {
    findings.push_back({std::string(kBadConfig), span, std::move(message), {}, std::move(help)});
  };
  if (!spec.is_map()) {
    if (spec.kind != config::ConfigValue::Kind::Null) bad(spec.span, "group `" + name + "` must be a mapping of filters");
    return g;
  }
  for (const auto& [key, value] : spec.entries) {
    if (std::find(kFilters.begin(), kFilters.end(), key) == kFilters.end()) {
      const auto close = core::close_matches(key, kFilters, 1);
      bad(value->key_span, "unknown filter `" + key + "` in group `" + name + "`",
          close.empty() ? std::optional<std::string>() : "Did you mean `" + close.front() + "`?");
      continue;
    }
    if (value->is_map() || (value->is_scalar() && !value->is_string() && value->kind != config::ConfigValue::Kind::Null)) {
      bad(value->span, "`" + key + "` of group `" + name + "` must be a list of names");
      continue;
    }
    const auto args = string_list(value.get());
    if (args.empty()) continue;
    std::vector<std::string> missing;
    const auto part = apply_filter(nodes, key, args, missing);
    for (const auto& m : missing) {
      bad(value->span, "`" + m + "` in `" + key + "` of group `" + name + "` is not in pipeline `" + config.pipeline + "`");
    }
    g.nodes = intersection_nodes(g.nodes, part);
  }
  return g;
}

std::vector<DeployGroup> groups_from_file(const Project& project, const std::vector<NodePtr>& nodes,
                                          const DeployConfig& config, std::vector<core::Finding>& findings) {
  std::vector<DeployGroup> groups;
  const fs::path path = project.layout.root / config.groups_file;
  auto loaded = const_cast<core::SourceMap*>(project.sources)->load(path);
  if (!loaded.file || loaded.error) {
    findings.push_back({std::string(kBadConfig), config.groups_span, "cannot read the groups file `" + config.groups_file + "`",
                        {}, std::nullopt});
    return groups;
  }
  const auto yaml = parse::parse_yaml(*loaded.file);
  if (yaml.error) {
    findings.push_back({"KL002", yaml.error->span, yaml.error->message, {}, std::nullopt});
    return groups;
  }
  const auto root = config::from_yaml(*yaml.root);
  const config::ConfigValue* table = root->get("groups");
  if (!table || !table->is_map()) {
    findings.push_back({std::string(kBadConfig), table ? table->span : root->span,
                        "the groups file needs a `groups:` mapping of group name to filters (`groups: {}` for none)", {},
                        std::nullopt});
    return groups;
  }
  for (const auto& [name, spec] : table->entries) {
    groups.push_back(group_from_filters(name, *spec, nodes, config, findings));
  }
  return groups;
}

// kedro-airflow's `--group-by memory` as the plugin computes it
// (kedro_airflow/grouping.py, `group_memory_nodes`): connected components
// over the datasets missing from the catalog (`name not in catalog`, so a
// `MemoryDataset` entry does not link its nodes, and KL405 reports it when it
// crosses), linked by exact names (transcoded variants are not linked), each
// group named by its nodes joined with `_`. No cycle is merged (KL404).
std::vector<DeployGroup> kedro_airflow_memory_groups(const Project& project, const std::vector<NodePtr>& nodes) {
  std::map<std::string, std::size_t> output_to_node;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (const auto& o : nodes[i]->outputs) output_to_node[o.name] = i;
  }
  Components comp(nodes.size());
  for (std::size_t c = 0; c < nodes.size(); ++c) {
    for (const auto& in : nodes[c]->inputs) {
      auto it = output_to_node.find(in.name);
      const bool in_catalog = project.catalog && project.catalog->contains(in.name);
      if (it != output_to_node.end() && !in_catalog) comp.unite(it->second, c);
    }
  }
  auto groups = from_components(nodes, comp);
  for (auto& g : groups) {
    std::vector<std::string> names;
    for (const auto& n : g.nodes) names.push_back(n->name);
    g.name = core::join(names, "_");
  }
  return groups;
}

// kedro-vertexai's TagNodeGrouper (kedro_vertexai/grouping.py): a group per
// tag with the prefix, named by the rest of the tag. It starts from one
// group per node, named by the node: an untagged node runs alone, and one
// named like a tag group is merged into it (recorded as a collision, as is a
// tagged node named like another group, which confuses its bookkeeping). A
// tag that is only the prefix names no group here (KL402 reports it).
std::vector<DeployGroup> groups_by_tags(const std::vector<NodePtr>& nodes, const std::string& prefix,
                                        const DeployConfig& config, std::vector<Deployment::Collision>* collisions) {
  auto group_tags = [&](const NodePtr& n) {
    std::vector<std::string> out;
    for (const auto& t : n->tags) {
      if (t.rfind(prefix, 0) == 0 && t.size() > prefix.size()) out.push_back(t);
    }
    return out;
  };
  std::map<std::string, NodePtr> first_tagged;  // group name -> its first node
  for (const auto& n : nodes) {
    for (const auto& t : group_tags(n)) first_tagged.emplace(t.substr(prefix.size()), n);
  }
  std::vector<DeployGroup> groups;
  std::map<std::string, std::size_t> index;
  auto join = [&](const std::string& name, const NodePtr& n, core::Span origin) {
    auto [it, inserted] = index.emplace(name, groups.size());
    if (inserted) groups.push_back({name, {}, origin});
    groups[it->second].nodes.push_back(n);
  };
  for (const auto& n : nodes) {
    const auto tags = group_tags(n);
    auto named_like = first_tagged.find(n->name);
    const bool in_that_group = std::find(tags.begin(), tags.end(), prefix + n->name) != tags.end();
    if (named_like != first_tagged.end() && !in_that_group && collisions &&
        (!tags.empty() || config.untagged_singletons.value_or(false))) {
      collisions->push_back({n, n->name, named_like->second, Deployment::Collision::Kind::Tag});
    }
    for (const auto& t : tags) {
      join(t.substr(prefix.size()), n, model::tag_origin(*n, t));
    }
    const bool bare_prefix = std::find(n->tags.begin(), n->tags.end(), prefix) != n->tags.end();
    if (tags.empty() && !bare_prefix && config.untagged_singletons.value_or(false)) join(n->name, n, n->span);
  }
  return groups;
}

}  // namespace

const std::vector<TargetPreset>& target_presets() {
  static const std::vector<TargetPreset> presets = {
      {"airflow", "1:1", "", {"s3://", "s3a://", "gs://", "gcs://", "abfs://", "abfss://", "az://", "hdfs://", "http://", "https://"}, false},
      {"kubeflow", "1:1", "", {"s3://", "s3a://", "gs://", "gcs://", "minio://", "http://", "https://"}, false},
      {"vertexai", "M:N", "tags:group.", {"gs://", "gcs://"}, true},
      {"sagemaker", "1:1", "", {"s3://", "s3a://"}, false},
      {"azureml", "1:1", "", {"abfs://", "abfss://", "az://", "azureml://", "wasbs://"}, false},
      {"mlrun", "1:1", "", {"s3://", "v3io://", "store://", "gs://", "az://"}, false},
      {"databricks", "M:1", "", {"dbfs:/", "/dbfs/", "/Volumes/", "s3://", "abfss://", "gs://"}, false},
      {"docker", "M:1", "", {}, false},
  };
  return presets;
}

const TargetPreset* find_target(std::string_view name) {
  for (const auto& p : target_presets()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::vector<std::size_t>& Deployment::groups_of(const std::string& node) const {
  static const std::vector<std::size_t> none;
  auto it = membership.find(node);
  return it == membership.end() ? none : it->second;
}

std::string_view to_string(Storage s) {
  switch (s) {
    case Storage::Memory: return "memory";
    case Storage::Local: return "local";
    case Storage::Remote: return "remote";
    case Storage::Shared: return "shared";
    case Storage::Unknown: return "unknown";
  }
  return "unknown";
}

std::optional<std::string> storage_location(const Project& project, const std::string& dataset) {
  auto it = project.datasets.find(dataset);
  if (it == project.datasets.end()) return std::nullopt;
  const auto& d = it->second;
  return d.stored_at;
}

Storage storage_of(const Project& project, const std::string& dataset, const DeployConfig& config) {
  auto it = project.datasets.find(dataset);
  if (it == project.datasets.end()) return Storage::Unknown;
  const auto& d = it->second;
  if (!d.stored) return Storage::Memory;
  const auto where = storage_location(project, dataset);
  if (!where) return Storage::Shared;  // a database, an API, a model registry...
  if (d.stored_at_symbolic) return Storage::Unknown;
  for (const auto& prefix : config.shared_prefixes) {
    if (where->rfind(prefix, 0) == 0) return Storage::Shared;
  }
  const auto scheme = where->find("://");
  if (scheme != std::string::npos && where->substr(0, scheme) != "file") {
    // Remote protocols are shared unless the target lists which ones are.
    return config.shared_prefixes.empty() ? Storage::Shared : Storage::Remote;
  }
  return Storage::Local;
}

std::vector<DeployGroup> groups_by(const Project& project, const std::vector<NodePtr>& nodes,
                                   const DeployConfig& config, std::vector<core::Finding>& findings,
                                   std::vector<Deployment::Collision>* collisions) {
  std::vector<DeployGroup> groups;
  auto singletons = [&] {
    for (const auto& n : nodes) groups.push_back({n->name, {n}, n->span});
    return groups;
  };
  if (config.mapping == "1:1") return singletons();
  if (config.mapping == "M:1") {
    groups.push_back({config.pipeline, nodes, {}});
    return groups;
  }
  const std::string& how = config.groups;
  if (how == "namespace") {
    // Kedro's group_nodes_by("namespace"): the top-level namespace, or the
    // node's own name when it has none.
    std::map<std::string, std::size_t> index;
    std::map<std::string, NodePtr> first_namespaced;
    for (const auto& n : nodes) {
      if (!n->namespace_.empty()) first_namespaced.emplace(n->namespace_.substr(0, n->namespace_.find('.')), n);
    }
    for (const auto& n : nodes) {
      const std::string key = n->namespace_.empty() ? n->name : n->namespace_.substr(0, n->namespace_.find('.'));
      if (n->namespace_.empty() && first_namespaced.count(key) && collisions) {
        collisions->push_back({n, key, first_namespaced.at(key), Deployment::Collision::Kind::Namespace});
      }
      auto [it, inserted] = index.emplace(key, groups.size());
      if (inserted) groups.push_back({key, {}, {}});
      groups[it->second].nodes.push_back(n);
    }
    return groups;
  }
  if (how.rfind("tags:", 0) == 0) return groups_by_tags(nodes, how.substr(5), config, collisions);
  if (how == "pipelines") {
    for (const auto& name : config.group_pipelines) {
      auto it = project.pipelines.find(name);
      if (it == project.pipelines.end()) {
        findings.push_back({std::string(kBadConfig), config.groups_span, "`" + name + "` is not a registered pipeline", {},
                            std::nullopt});
        continue;
      }
      DeployGroup g{name, {}, it->second.span};
      const auto members = intersection_nodes(nodes, it->second.pipeline->nodes);
      std::set<std::string> keep;
      for (const auto& n : members) keep.insert(n->name);
      for (const auto& n : nodes) {
        if (keep.count(n->name)) g.nodes.push_back(n);
      }
      groups.push_back(std::move(g));
    }
    return groups;
  }
  if (how == "memory") return suggest_groups(project, nodes, config, "memory-components");
  if (how == "memory:kedro-airflow") return kedro_airflow_memory_groups(project, nodes);
  if (how == "file") return groups_from_file(project, nodes, config, findings);
  findings.push_back({std::string(kBadConfig), config.groups_span,
                      "unknown grouping `" + how +
                          "`; use `namespace`, `tags:<prefix>`, `pipelines`, `memory`, `memory:kedro-airflow` or `file`",
                      {}, std::nullopt});
  return groups;
}

namespace {

// Data that only the producing task can see: in memory, on a local path, or
// on remote storage the target does not share.
bool stays_in_task(Storage s) { return s == Storage::Memory || s == Storage::Local || s == Storage::Remote; }

// Links each node to its only child when that child has no other parent:
// the chains between the points where the DAG forks or joins.
void unite_chains(const std::vector<Edge>& edges, std::size_t count, Components& comp) {
  std::vector<std::set<std::size_t>> parents(count), children(count);
  for (const auto& e : edges) {
    parents[e.consumer].insert(e.producer);
    children[e.producer].insert(e.consumer);
  }
  for (std::size_t c = 0; c < count; ++c) {
    if (parents[c].size() != 1) continue;
    const std::size_t p = *parents[c].begin();
    if (children[p].size() == 1) comp.unite(p, c);
  }
}

}  // namespace

std::vector<DeployGroup> suggest_groups(const Project& project, const std::vector<NodePtr>& nodes,
                                        const DeployConfig& config, const std::string& how) {
  Components comp(nodes.size());
  const auto edges = data_edges(nodes);
  if (how == "memory" || how == "memory-components") {
    // kedro-airflow's --group-by memory: nodes linked by in-memory data.
    for (const auto& e : edges) {
      if (storage_of(project, e.dataset, config) == Storage::Memory) comp.unite(e.producer, e.consumer);
    }
    auto groups = from_components(nodes, comp);
    return how == "memory" ? merge_cycles(nodes, std::move(groups)) : groups;
  }
  // persistence: only data on shared storage (or known only at run time) may
  // cross a boundary. branches: the same, and the chains between the points
  // where the DAG forks or joins, the units ParallelRunner can run side by side.
  for (const auto& e : edges) {
    if (stays_in_task(storage_of(project, e.dataset, config))) comp.unite(e.producer, e.consumer);
  }
  if (how == "branches") unite_chains(edges, nodes.size(), comp);
  return merge_cycles(nodes, from_components(nodes, comp));
}

std::optional<Deployment> build_deployment(const Project& project, const DeployConfig& config,
                                           std::vector<core::Finding>& findings) {
  if (!config.enabled) return std::nullopt;
  auto it = project.pipelines.find(config.pipeline);
  if (it == project.pipelines.end()) {
    if (project.registry_evaluated) {
      findings.push_back({std::string(kBadConfig), config.span,
                          "the deployed pipeline `" + config.pipeline + "` is not registered", {}, std::nullopt});
    }
    return std::nullopt;
  }
  if (config.groups.rfind("tags:", 0) == 0 && config.mapping == "M:N" && project.layout.kedro_version.at_least(0, 19)) {
    const std::string prefix = config.groups.substr(5);
    if (!prefix.empty() && !is_valid_kedro_name(prefix)) {
      findings.push_back({std::string(kBadConfig), config.groups_span,
                          "no node tag can start with `" + prefix + "`: Kedro " + project.layout.kedro_version.short_text() +
                              " accepts only letters, digits, `_`, `-` and `.` in tags",
                          {},
                          std::string("Use a prefix such as `group.` (and tag nodes `group.training`).")});
    }
  }
  std::vector<core::Finding> problems;
  std::vector<Deployment::Collision> collisions;
  const auto& nodes = it->second.order.order;
  auto groups = groups_by(project, nodes, config, problems, &collisions);
  Deployment assembled = assemble_deployment(config, config.pipeline, nodes, std::move(groups));
  assembled.problems = std::move(problems);
  assembled.collisions = std::move(collisions);
  return assembled;
}

Deployment assemble_deployment(const DeployConfig& config, const std::string& pipeline, std::vector<NodePtr> nodes,
                               std::vector<DeployGroup> groups) {
  Deployment d;
  d.config = config;
  d.pipeline = pipeline;
  d.nodes = std::move(nodes);
  d.groups = std::move(groups);
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    for (const auto& n : d.groups[g].nodes) {
      auto& list = d.membership[n->name];
      if (std::find(list.begin(), list.end(), g) == list.end()) list.push_back(g);
    }
  }
  for (const auto& e : data_edges(d.nodes)) {
    const auto& from = d.groups_of(d.nodes[e.producer]->name);
    const auto& to = d.groups_of(d.nodes[e.consumer]->name);
    // Only unambiguous memberships cross; KL401/KL402 report the others.
    if (from.size() != 1 || to.size() != 1 || from.front() == to.front()) continue;
    d.crossings.push_back({e.dataset, d.nodes[e.producer], d.nodes[e.consumer], from.front(), to.front(), e.produced_at,
                           e.consumed_at});
  }
  return d;
}

std::vector<const Crossing*> shortest_group_cycle(const Deployment& d) {
  const std::size_t n = d.groups.size();
  std::vector<std::vector<const Crossing*>> out(n);
  for (const auto& c : d.crossings) out[c.from].push_back(&c);
  for (auto& list : out) {
    std::sort(list.begin(), list.end(), [&](const Crossing* a, const Crossing* b) {
      return std::tie(d.groups[a->to].name, a->dataset) < std::tie(d.groups[b->to].name, b->dataset);
    });
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d.groups[a].name < d.groups[b].name; });
  std::vector<const Crossing*> best;
  for (const std::size_t s : order) {
    // BFS from s back to s.
    std::vector<const Crossing*> via(n, nullptr);
    std::vector<bool> seen(n, false);
    std::deque<std::size_t> queue{s};
    const Crossing* closing = nullptr;
    while (!queue.empty() && !closing) {
      const std::size_t v = queue.front();
      queue.pop_front();
      for (const Crossing* c : out[v]) {
        if (c->to == s) {
          closing = c;
          break;
        }
        if (seen[c->to]) continue;
        seen[c->to] = true;
        via[c->to] = c;
        queue.push_back(c->to);
      }
    }
    if (!closing) continue;
    std::vector<const Crossing*> cycle{closing};
    for (std::size_t v = closing->from; v != s; v = via[v]->from) cycle.insert(cycle.begin(), via[v]);
    if (best.empty() || cycle.size() < best.size()) best = std::move(cycle);
  }
  return best;
}

}  // namespace kedrolint::model
