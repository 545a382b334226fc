#include "report/kedro_viz_layers.hpp"

#include <functional>

namespace kedrolint::report::viz {
namespace {

using Dependencies = std::map<std::string, std::set<std::string>>;

// graphlib.TopologicalSorter(graph).static_order(), with `graph` given in
// sorted key order and each key's predecessors in sorted order; empty on a
// cycle (graphlib raises CycleError).
std::vector<std::string> static_order(const Dependencies& graph) {
  struct Info {
    std::size_t predecessors = 0;
    std::vector<std::string> successors;
  };
  std::vector<std::string> order;
  std::map<std::string, Info> info;
  auto get = [&](const std::string& n) -> Info& {
    if (!info.count(n)) order.push_back(n);
    return info[n];
  };
  for (const auto& [node, preds] : graph) {
    get(node).predecessors += preds.size();
    for (const auto& p : preds) get(p).successors.push_back(node);
  }
  std::vector<std::string> out, ready;
  for (const auto& n : order) {
    if (info[n].predecessors == 0) ready.push_back(n);
  }
  while (!ready.empty()) {
    const auto group = std::move(ready);
    ready.clear();
    out.insert(out.end(), group.begin(), group.end());
    for (const auto& n : group) {
      for (const auto& s : info[n].successors) {
        if (--info[s].predecessors == 0) ready.push_back(s);
      }
    }
  }
  if (out.size() < info.size()) return {};
  return out;
}

}  // namespace

std::string layer_key(const nlohmann::ordered_json& layer) {
  return layer.is_string() ? layer.get<std::string>() : layer.dump();
}

std::vector<std::string> sort_layers(const std::map<std::string, std::optional<std::string>>& node_layers,
                                     const Dependencies& dependencies) {
  // For each node, every layer at or after it (filled in place, as Kedro-Viz
  // does, so a node revisited on a cycle gives what it has so far).
  std::map<std::string, std::set<std::string>> after;
  std::function<std::set<std::string>(const std::string&)> find = [&](const std::string& id) {
    if (auto it = after.find(id); it != after.end()) return it->second;
    std::set<std::string>& entry = after[id];
    if (const auto& own = node_layers.at(id)) entry.insert(*own);
    if (auto deps = dependencies.find(id); deps != dependencies.end()) {
      for (const auto& child : deps->second) {
        if (const auto& layer = node_layers.at(child)) entry.insert(*layer);
        const auto below = find(child);
        after[id].insert(below.begin(), below.end());
      }
    }
    return after[id];
  };
  for (const auto& [id, layer] : node_layers) find(id);
  Dependencies parents;  // layer -> the layers before it
  for (const auto& [id, layers] : after) {
    const auto& own = node_layers.at(id);
    if (!own) continue;
    parents[*own];
    for (const auto& l : layers) {
      parents[l];
      if (l != *own) parents[l].insert(*own);
    }
  }
  return static_order(parents);
}

}  // namespace kedrolint::report::viz
