#include "model/pipeline.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace kedrolint::model {

namespace {

// The namespaces left on the way to a node (as interned ids), each with one
// node where it was left. A sorted vector rather than a std::map: a node that
// changes the set copies it, and on a layered pipeline thousands of nodes each
// copy a set of a hundred entries; one allocation and a memcpy each beat a
// hundred tree nodes, and ids compare without touching the strings.
class SeenNamespaces {
 public:
  using Entry = std::pair<std::uint32_t, std::size_t>;
  [[nodiscard]] bool empty() const { return entries_.empty(); }
  [[nodiscard]] auto begin() const { return entries_.begin(); }
  [[nodiscard]] auto end() const { return entries_.end(); }
  [[nodiscard]] const std::size_t* find(std::uint32_t ns) const {
    const auto it = lower_bound(ns);
    return it != entries_.end() && it->first == ns ? &it->second : nullptr;
  }
  void set(std::uint32_t ns, std::size_t node) {
    const auto it = lower_bound(ns);
    if (it != entries_.end() && it->first == ns) {
      entries_[static_cast<std::size_t>(it - entries_.begin())].second = node;
    } else {
      entries_.insert(it, Entry{ns, node});
    }
  }

 private:
  [[nodiscard]] std::vector<Entry>::const_iterator lower_bound(std::uint32_t ns) const {
    return std::lower_bound(entries_.begin(), entries_.end(), ns,
                            [](const Entry& e, std::uint32_t key) { return e.first < key; });
  }
  std::vector<Entry> entries_;
};

}  // namespace

std::string_view strip_transcoding(std::string_view name) {
  const auto at = name.find('@');
  return at == std::string_view::npos ? name : name.substr(0, at);
}

namespace {

// Every dataset name of a pipeline interned once: the order, the parents and
// the free datasets are then computed on ids, where each had hashed every
// name again.
struct DatasetIndex {
  std::vector<std::string_view> names;  ///< by id
  std::vector<std::uint32_t> stripped;  ///< id -> id of its transcoding-stripped name
  std::vector<bool> referenced;         ///< id -> written as such (not only a stripped form)
  std::vector<std::uint32_t> input_offsets{0}, output_offsets{0};  ///< by node
  std::vector<std::uint32_t> inputs, outputs;                      ///< ids, node by node

  [[nodiscard]] std::span<const std::uint32_t> inputs_of(std::size_t node) const {
    return {inputs.data() + input_offsets[node], input_offsets[node + 1] - input_offsets[node]};
  }
  [[nodiscard]] std::span<const std::uint32_t> outputs_of(std::size_t node) const {
    return {outputs.data() + output_offsets[node], output_offsets[node + 1] - output_offsets[node]};
  }
};

DatasetIndex index_datasets(const std::vector<NodePtr>& nodes) {
  DatasetIndex index;
  std::unordered_map<std::string_view, std::uint32_t> ids;
  ids.reserve(nodes.size() * 3);
  auto intern = [&](std::string_view name) {
    const auto [it, added] = ids.emplace(name, static_cast<std::uint32_t>(index.names.size()));
    if (added) {
      index.names.push_back(name);
      index.stripped.push_back(it->second);
      index.referenced.push_back(false);
    }
    return it->second;
  };
  auto add = [&](std::string_view name, std::vector<std::uint32_t>& into) {
    const std::uint32_t id = intern(name);
    index.referenced[id] = true;
    if (const auto at = name.find('@'); at != std::string_view::npos && index.stripped[id] == id) {
      index.stripped[id] = intern(name.substr(0, at));
    }
    into.push_back(id);
  };
  index.input_offsets.reserve(nodes.size() + 1);
  index.output_offsets.reserve(nodes.size() + 1);
  for (const auto& n : nodes) {
    for (const auto& in : n->inputs) add(in.name, index.inputs);
    for (const auto& out : n->outputs) add(out.name, index.outputs);
    index.input_offsets.push_back(static_cast<std::uint32_t>(index.inputs.size()));
    index.output_offsets.push_back(static_cast<std::uint32_t>(index.outputs.size()));
  }
  return index;
}

// A counting sort: `(key, value)` pairs grouped by key, keys below `keys`.
ParentLists group_by_key(std::size_t keys, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  std::vector<std::uint32_t> offsets(keys + 1, 0);
  for (const auto& [key, value] : pairs) ++offsets[key + 1];
  for (std::size_t i = 1; i <= keys; ++i) offsets[i] += offsets[i - 1];
  std::vector<std::uint32_t> values(pairs.size());
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (const auto& [key, value] : pairs) values[next[key]++] = value;
  return {std::move(offsets), std::move(values)};
}

ParentLists parents_from(const DatasetIndex& index, std::size_t node_count, bool ignore_self_dependencies) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> produced;  // (stripped name, producer)
  produced.reserve(index.outputs.size());
  for (std::size_t p = 0; p < node_count; ++p) {
    for (const std::uint32_t id : index.outputs_of(p)) produced.emplace_back(index.stripped[id], static_cast<std::uint32_t>(p));
  }
  const ParentLists producers = group_by_key(index.names.size(), produced);
  std::vector<std::uint32_t> offsets(node_count + 1, 0);
  std::vector<std::uint32_t> parents;
  parents.reserve(index.inputs.size());
  for (std::size_t c = 0; c < node_count; ++c) {
    const auto begin = static_cast<std::ptrdiff_t>(parents.size());
    for (const std::uint32_t id : index.inputs_of(c)) {
      for (const std::uint32_t p : producers[index.stripped[id]]) {
        if (!ignore_self_dependencies || p != c) parents.push_back(p);
      }
    }
    std::sort(parents.begin() + begin, parents.end());
    parents.erase(std::unique(parents.begin() + begin, parents.end()), parents.end());
    offsets[c + 1] = static_cast<std::uint32_t>(parents.size());
  }
  return {std::move(offsets), std::move(parents)};
}

// Each node's children, from its parents, in increasing order.
ParentLists node_children(const ParentLists& parents) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // (parent, child)
  for (std::size_t c = 0; c < parents.size(); ++c) {
    for (const std::uint32_t p : parents[c]) edges.emplace_back(p, static_cast<std::uint32_t>(c));
  }
  return group_by_key(parents.size(), edges);
}

TopoOrder order_by(const std::vector<NodePtr>& nodes, const ParentLists& parents) {
  const auto children = node_children(parents);
  std::vector<std::size_t> pending(nodes.size());
  for (std::size_t c = 0; c < nodes.size(); ++c) pending[c] = parents[c].size();
  auto by_name = [&](std::uint32_t a, std::uint32_t b) { return nodes[a]->name < nodes[b]->name; };
  std::vector<std::uint32_t> ready;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (pending[i] == 0) ready.push_back(static_cast<std::uint32_t>(i));
  }
  TopoOrder out;
  constexpr std::uint32_t kUnordered = UINT32_MAX;
  std::vector<std::uint32_t> position(nodes.size(), kUnordered);
  std::vector<std::uint32_t> ordered;  // input index of each position
  ordered.reserve(nodes.size());
  std::vector<std::uint32_t> next;
  while (!ready.empty()) {
    std::sort(ready.begin(), ready.end(), by_name);
    for (const std::uint32_t i : ready) {
      position[i] = static_cast<std::uint32_t>(ordered.size());
      ordered.push_back(i);
    }
    out.layer_ends.push_back(static_cast<std::uint32_t>(ordered.size()));
    next.clear();
    for (const std::uint32_t i : ready) {
      for (const std::uint32_t c : children[i]) {
        if (--pending[c] == 0) next.push_back(c);
      }
    }
    ready.swap(next);
  }
  out.order.reserve(ordered.size());
  std::vector<std::uint32_t> offsets{0};
  offsets.reserve(ordered.size() + 1);
  std::vector<std::uint32_t> by_position;
  for (const std::uint32_t i : ordered) {
    out.order.push_back(nodes[i]);
    for (const std::uint32_t p : parents[i]) by_position.push_back(position[p]);
    offsets.push_back(static_cast<std::uint32_t>(by_position.size()));
  }
  out.parents = ParentLists(std::move(offsets), std::move(by_position));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (position[i] == kUnordered) out.cyclic.push_back(nodes[i]);
  }
  return out;
}

// Kedro's free inputs are the inputs whose stripped name no node writes, its
// free outputs the outputs whose stripped name no node reads.
PipelineDatasets datasets_from(const DatasetIndex& index) {
  std::vector<bool> read(index.names.size(), false), written(index.names.size(), false);
  for (const std::uint32_t id : index.inputs) read[index.stripped[id]] = true;
  for (const std::uint32_t id : index.outputs) written[index.stripped[id]] = true;
  std::vector<std::string_view> free_in, free_out, all;
  for (std::uint32_t id = 0; id < index.names.size(); ++id) {
    if (!index.referenced[id]) continue;
    all.push_back(index.names[id]);
  }
  std::vector<bool> listed(index.names.size(), false);
  for (const std::uint32_t id : index.inputs) {
    if (!written[index.stripped[id]] && !listed[id]) free_in.push_back(index.names[id]);
    listed[id] = true;
  }
  listed.assign(index.names.size(), false);
  for (const std::uint32_t id : index.outputs) {
    if (!read[index.stripped[id]] && !listed[id]) free_out.push_back(index.names[id]);
    listed[id] = true;
  }
  return {NameSet(std::move(free_in)), NameSet(std::move(free_out)), NameSet(std::move(all))};
}

std::set<std::string> owned(const NameSet& names) {
  std::set<std::string> out;
  for (const auto name : names) out.emplace_hint(out.end(), name);
  return out;
}

}  // namespace

ParentLists node_parents(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies) {
  return parents_from(index_datasets(nodes), nodes.size(), ignore_self_dependencies);
}

TopoOrder toposort(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies) {
  return order_by(nodes, node_parents(nodes, ignore_self_dependencies));
}

PipelineFacts pipeline_facts(const std::vector<NodePtr>& nodes, bool ignore_self_dependencies) {
  const DatasetIndex index = index_datasets(nodes);
  return {order_by(nodes, parents_from(index, nodes.size(), ignore_self_dependencies)), datasets_from(index)};
}

std::set<std::string> free_inputs(const std::vector<NodePtr>& nodes) {
  return owned(pipeline_datasets(nodes).free_inputs);
}

std::set<std::string> free_outputs(const std::vector<NodePtr>& nodes) {
  return owned(pipeline_datasets(nodes).free_outputs);
}

PipelineDatasets pipeline_datasets(const std::vector<NodePtr>& nodes) { return datasets_from(index_datasets(nodes)); }

std::set<std::string> all_datasets(const std::vector<NodePtr>& nodes) { return owned(pipeline_datasets(nodes).datasets); }

}  // namespace kedrolint::model

#include "model/kedro_ops.hpp"
#include "model/project.hpp"
#include <unordered_set>

namespace kedrolint::model {

bool Project::all_pipelines_complete() const {
  if (!registry_evaluated) return false;
  return std::all_of(pipelines.begin(), pipelines.end(), [](const auto& p) { return p.second.pipeline->complete(); });
}

const std::vector<NodePtr>& Project::registered_nodes() const {
  if (registered_cache) return *registered_cache;
  auto out = std::make_shared<std::vector<NodePtr>>();
  NodeIdentitySet seen;
  for (const auto& [name, reg] : pipelines) {
    for (const auto& n : reg.pipeline->nodes) {
      if (seen.insert(n.get()).second) out->push_back(n);
    }
  }
  registered_cache = std::move(out);
  return *registered_cache;
}

}  // namespace kedrolint::model

#include <deque>
#include <map>
#include <memory>
#include <set>

namespace kedrolint::model {
namespace {

// "a", "a.b", "a.b.c" for "a.b.c"; none for the empty namespace.
std::vector<std::string_view> namespace_prefixes(std::string_view ns) {
  std::vector<std::string_view> out;
  if (ns.empty()) return out;
  for (std::size_t dot = ns.find('.'); dot != std::string_view::npos; dot = ns.find('.', dot + 1)) {
    out.push_back(ns.substr(0, dot));
  }
  out.push_back(ns);
  return out;
}

// `name` is `ns` or inside it: Kedro's `(name + ".").startswith(ns + ".")`.
bool within(std::string_view name, std::string_view ns) {
  return name.size() >= ns.size() && name.compare(0, ns.size(), ns) == 0 &&
         (name.size() == ns.size() || name[ns.size()] == '.');
}

}  // namespace

std::vector<NamespaceInterruption> interrupted_namespaces(const std::vector<NodePtr>& input) {
  return interrupted_namespaces(toposort(input));
}

std::vector<NamespaceInterruption> interrupted_namespaces(const TopoOrder& topo) {
  const std::vector<NodePtr>& nodes = topo.order;
  const ParentLists& parents = topo.parents;
  std::vector<std::vector<std::size_t>> children(nodes.size());
  for (std::size_t c = 0; c < nodes.size(); ++c) {
    for (const std::size_t p : parents[c]) children[p].push_back(c);
  }
  // Nodes are ranked by name so that every choice below is deterministic.
  std::vector<std::size_t> rank(nodes.size());
  {
    std::vector<std::size_t> order(nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return nodes[a]->name < nodes[b]->name; });
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  }
  auto by_rank = [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; };
  for (auto& list : children) std::sort(list.begin(), list.end(), by_rank);
  auto shortest_path = [&](std::size_t start, std::size_t end) {
    std::vector<long> previous(nodes.size(), -1);
    std::vector<bool> visited(nodes.size(), false);
    std::deque<std::size_t> queue{start};
    visited[start] = true;
    while (!queue.empty()) {
      const std::size_t v = queue.front();
      queue.pop_front();
      if (v == end) break;
      for (const std::size_t c : children[v]) {
        if (visited[c]) continue;
        visited[c] = true;
        previous[c] = static_cast<long>(v);
        queue.push_back(c);
      }
    }
    std::vector<std::size_t> path;
    for (long v = static_cast<long>(end); v != -1; v = previous[static_cast<std::size_t>(v)]) {
      path.insert(path.begin(), static_cast<std::size_t>(v));
      if (static_cast<std::size_t>(v) == start) break;
    }
    return path;
  };
  // Kedro keeps, per node, every namespace left on the way to it with the set
  // of nodes where it was left; that is quadratic on long layered pipelines.
  // Only one node of each set is ever used (to print a path), so each node
  // keeps one representative per namespace: the first by name. Maps are
  // shared between a node and its parent when nothing changes.
  using Seen = SeenNamespaces;
  std::vector<std::shared_ptr<const Seen>> seen(nodes.size());
  std::vector<std::size_t> children_left(nodes.size());
  for (std::size_t v = 0; v < nodes.size(); ++v) children_left[v] = children[v].size();
  const auto empty = std::make_shared<const Seen>();
  std::set<std::pair<std::uint32_t, std::size_t>> reported;
  std::unordered_map<std::string_view, std::uint32_t> namespace_ids;
  std::vector<std::string_view> namespace_names;  // by id
  std::vector<std::vector<std::uint32_t>> prefixes(nodes.size());
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    for (const auto prefix : namespace_prefixes(nodes[v]->namespace_)) {
      const auto [it, added] = namespace_ids.emplace(prefix, static_cast<std::uint32_t>(namespace_names.size()));
      if (added) namespace_names.push_back(prefix);
      prefixes[v].push_back(it->second);
    }
  }
  std::vector<NamespaceInterruption> out;
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    const std::string& current = nodes[v]->namespace_;
    const auto& current_prefixes = prefixes[v];
    std::vector<std::size_t> sorted_parents(parents[v].begin(), parents[v].end());
    std::sort(sorted_parents.begin(), sorted_parents.end(), by_rank);
    std::shared_ptr<const Seen> result = empty;
    std::shared_ptr<Seen> own;  // copy-on-write
    auto writable = [&]() -> Seen& {
      if (!own) {
        own = std::make_shared<Seen>(*result);
        result = own;
      }
      return *own;
    };
    for (const std::size_t p : sorted_parents) {
      const std::string& last = nodes[p]->namespace_;
      const Seen& parent_seen = *seen[p];
      const std::size_t* left_at = nullptr;
      std::uint32_t interrupted = 0;
      for (const auto prefix : current_prefixes) {
        if ((left_at = parent_seen.find(prefix))) {
          interrupted = prefix;
          break;
        }
      }
      if (left_at && !within(last, namespace_names[interrupted]) && reported.emplace(interrupted, v).second) {
        auto path = shortest_path(*left_at, v);
        NamespaceInterruption hit{std::string(namespace_names[interrupted]), nodes[v], {}};
        for (std::size_t k = 0; k + 1 < path.size(); ++k) hit.path.push_back(nodes[path[k]]);
        out.push_back(std::move(hit));
      }
      if (!parent_seen.empty()) {
        if (result->empty() && !own) {
          result = seen[p];  // share the parent's map
        } else if (result.get() != &parent_seen) {
          for (const auto& [ns, start] : parent_seen) {
            const std::size_t* kept = result->find(ns);
            if (!kept || rank[start] < rank[*kept]) writable().set(ns, start);
          }
        }
      }
      if (!last.empty() && !within(current, last)) {
        for (const auto prefix : prefixes[p]) {
          if (current.rfind(namespace_names[prefix], 0) == 0) continue;
          const std::size_t* kept = result->find(prefix);
          if (!kept || rank[v] < rank[*kept]) writable().set(prefix, v);
        }
      }
    }
    seen[v] = result;
    // A map is read only by the node's children: once the last of them is
    // done it goes. On a layered pipeline that keeps one layer's maps alive
    // instead of every node's (15 MB at 100 x 100).
    if (children[v].empty()) seen[v].reset();
    for (const std::size_t p : parents[v]) {
      if (--children_left[p] == 0) seen[p].reset();
    }
  }
  return out;
}

}  // namespace kedrolint::model
