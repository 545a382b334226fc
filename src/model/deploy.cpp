#include "model/deploy.hpp"

#include <algorithm>
#include <deque>
#include <functional>
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

// Merges the groups on each cycle of the quotient graph until it is a DAG.
std::vector<DeployGroup> merge_cycles(const std::vector<NodePtr>& nodes, std::vector<DeployGroup> groups) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < nodes.size(); ++i) position[nodes[i]->name] = i;
  const auto edges = data_edges(nodes);
  for (int round = 0; round < 10000; ++round) {
    std::vector<std::size_t> group_of(nodes.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (const auto& n : groups[g].nodes) group_of[position[n->name]] = g;
    }
    std::vector<std::set<std::size_t>> succ(groups.size());
    for (const auto& e : edges) {
      if (group_of[e.producer] != group_of[e.consumer]) succ[group_of[e.producer]].insert(group_of[e.consumer]);
    }
    // Tarjan-free approach: find any cycle with DFS colours.
    std::vector<int> colour(groups.size(), 0);
    std::vector<std::size_t> stack, cycle;
    std::function<bool(std::size_t)> dfs = [&](std::size_t v) {
      colour[v] = 1;
      stack.push_back(v);
      for (const std::size_t w : succ[v]) {
        if (colour[w] == 1) {
          cycle.assign(std::find(stack.begin(), stack.end(), w), stack.end());
          return true;
        }
        if (colour[w] == 0 && dfs(w)) return true;
      }
      stack.pop_back();
      colour[v] = 2;
      return false;
    };
    for (std::size_t g = 0; g < groups.size() && cycle.empty(); ++g) {
      if (colour[g] == 0) dfs(g);
    }
    if (cycle.empty()) break;
    std::sort(cycle.begin(), cycle.end());
    DeployGroup merged{groups[cycle.front()].name, {}, {}};
    std::set<std::size_t> drop(cycle.begin(), cycle.end());
    for (const std::size_t g : cycle) merged.nodes.insert(merged.nodes.end(), groups[g].nodes.begin(), groups[g].nodes.end());
    std::sort(merged.nodes.begin(), merged.nodes.end(),
              [&](const NodePtr& a, const NodePtr& b) { return position[a->name] < position[b->name]; });
    std::vector<DeployGroup> next;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g == cycle.front()) next.push_back(merged);
      else if (!drop.count(g)) next.push_back(std::move(groups[g]));
    }
    groups = std::move(next);
  }
  return groups;
}

std::vector<std::string> string_list(const config::ConfigValue* v) {
  std::vector<std::string> out;
  if (!v) return out;
  if (v->is_string()) {
    out.push_back(v->text);
  } else {
    for (const auto& item : v->items) {
      if (item->is_scalar()) out.push_back(item->text);
    }
  }
  return out;
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
    findings.push_back({std::string(kBadConfig), root->span, "the groups file needs a `groups:` mapping of group name to filters",
                        {}, std::nullopt});
    return groups;
  }
  static const std::set<std::string> kFilters = {"node_names", "tags", "node_namespaces", "from_nodes",
                                                 "to_nodes", "from_inputs", "to_outputs"};
  for (const auto& [name, spec] : table->entries) {
    DeployGroup g{name, nodes, spec->key_span};
    for (const auto& [key, value] : spec->entries) {
      if (!kFilters.count(key)) {
        std::vector<std::string> known(kFilters.begin(), kFilters.end());
        const auto close = core::close_matches(key, known, 1);
        findings.push_back({std::string(kBadConfig), value->key_span, "unknown filter `" + key + "` in group `" + name + "`",
                            {}, close.empty() ? std::optional<std::string>() : "Did you mean `" + close.front() + "`?"});
        continue;
      }
      const auto args = string_list(value.get());
      std::vector<std::string> missing;
      std::vector<NodePtr> part;
      if (key == "node_names") part = only_nodes(nodes, args, missing);
      else if (key == "tags") part = only_nodes_with_tags(nodes, args);
      else if (key == "node_namespaces") part = only_nodes_with_namespaces(nodes, args, true, missing);
      else if (key == "from_nodes") part = from_nodes(nodes, args, missing);
      else if (key == "to_nodes") part = to_nodes(nodes, args, missing);
      else if (key == "from_inputs") part = from_inputs(nodes, args, missing);
      else if (key == "to_outputs") part = to_outputs(nodes, args, missing);
      for (const auto& m : missing) {
        findings.push_back({std::string(kBadConfig), value->span,
                            "`" + m + "` in `" + key + "` of group `" + name + "` is not in pipeline `" + config.pipeline + "`",
                            {}, std::nullopt});
      }
      g.nodes = intersection_nodes(g.nodes, part);
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace

const std::vector<TargetPreset>& target_presets() {
  static const std::vector<TargetPreset> presets = {
      {"airflow", "1:1", "", {"s3://", "s3a://", "gs://", "gcs://", "abfs://", "abfss://", "az://", "hdfs://", "http://", "https://"}},
      {"kubeflow", "1:1", "", {"s3://", "s3a://", "gs://", "gcs://", "minio://", "http://", "https://"}},
      {"vertexai", "M:N", "tags:group.", {"gs://", "gcs://"}},
      {"sagemaker", "1:1", "", {"s3://", "s3a://"}},
      {"azureml", "1:1", "", {"abfs://", "abfss://", "az://", "azureml://", "wasbs://"}},
      {"mlrun", "1:1", "", {"s3://", "v3io://", "store://", "gs://", "az://"}},
      {"databricks", "M:1", "", {"dbfs:/", "/dbfs/", "/Volumes/", "s3://", "abfss://", "gs://"}},
      {"docker", "M:1", "", {}},
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
    case Storage::Shared: return "shared";
    case Storage::Unknown: return "unknown";
  }
  return "unknown";
}

Storage storage_of(const Project& project, const std::string& dataset, const DeployConfig& config) {
  auto it = project.datasets.find(dataset);
  if (it == project.datasets.end()) return Storage::Unknown;
  const auto& d = it->second;
  if (!d.persisted) return Storage::Memory;
  std::optional<std::string> where = d.filepath;
  if (!where && d.backing_config) {
    for (const char* key : {"path", "filename"}) {
      if (const auto* v = d.backing_config->get(key); v && v->is_scalar()) where = v->text;
    }
  }
  if (!where) return Storage::Shared;  // a database, an API, a model registry...
  if (d.filepath_symbolic) return Storage::Unknown;
  for (const auto& prefix : config.shared_prefixes) {
    if (where->rfind(prefix, 0) == 0) return Storage::Shared;
  }
  const auto scheme = where->find("://");
  if (scheme != std::string::npos && where->substr(0, scheme) != "file") {
    // Remote protocols are shared unless the preset lists others only.
    return config.shared_prefixes.empty() ? Storage::Shared : Storage::Local;
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
        collisions->push_back({n, key, first_namespaced.at(key)});
      }
      auto [it, inserted] = index.emplace(key, groups.size());
      if (inserted) groups.push_back({key, {}, {}});
      groups[it->second].nodes.push_back(n);
    }
    return groups;
  }
  if (how.rfind("tags:", 0) == 0) {
    const std::string prefix = how.substr(5);
    std::map<std::string, std::size_t> index;
    for (const auto& n : nodes) {
      bool tagged = false;
      for (const auto& t : n->tags) {
        if (t.rfind(prefix, 0) != 0 || t.size() == prefix.size()) continue;
        tagged = true;
        const std::string name = t.substr(prefix.size());
        auto [it, inserted] = index.emplace(name, groups.size());
        if (inserted) {
          auto origin = n->tag_origin.find(t);
          groups.push_back({name, {}, origin == n->tag_origin.end() ? core::Span{} : origin->second});
        }
        groups[it->second].nodes.push_back(n);
      }
      if (!tagged && config.untagged_singletons) groups.push_back({n->name, {n}, n->span});
    }
    return groups;
  }
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
  if (how == "file") return groups_from_file(project, nodes, config, findings);
  findings.push_back({std::string(kBadConfig), config.groups_span,
                      "unknown grouping `" + how + "`; use `namespace`, `tags:<prefix>`, `pipelines`, `memory` or `file`",
                      {}, std::nullopt});
  return groups;
}

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
  if (how == "persistence") {
    // Only data on shared storage may cross a boundary.
    for (const auto& e : edges) {
      const Storage s = storage_of(project, e.dataset, config);
      if (s == Storage::Memory || s == Storage::Local) comp.unite(e.producer, e.consumer);
    }
    return merge_cycles(nodes, from_components(nodes, comp));
  }
  // branches: chains between the points where the DAG forks or joins, the
  // units ParallelRunner can run side by side.
  std::vector<std::set<std::size_t>> parents(nodes.size()), children(nodes.size());
  for (const auto& e : edges) {
    parents[e.consumer].insert(e.producer);
    children[e.producer].insert(e.consumer);
  }
  for (std::size_t c = 0; c < nodes.size(); ++c) {
    if (parents[c].size() != 1) continue;
    const std::size_t p = *parents[c].begin();
    if (children[p].size() == 1) comp.unite(p, c);
  }
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
