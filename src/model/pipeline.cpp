#include "model/pipeline.hpp"

#include <algorithm>
#include <unordered_map>

namespace kedrolint::model {

std::string_view strip_transcoding(std::string_view name) {
  const auto at = name.find('@');
  return at == std::string_view::npos ? name : name.substr(0, at);
}

std::vector<std::vector<std::size_t>> node_parents(const std::vector<NodePtr>& nodes) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> consumers;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (const auto& in : nodes[i]->inputs) consumers[strip_transcoding(in.name)].push_back(i);
  }
  std::vector<std::vector<std::size_t>> parents(nodes.size());
  for (std::size_t p = 0; p < nodes.size(); ++p) {
    for (const auto& out : nodes[p]->outputs) {
      auto it = consumers.find(strip_transcoding(out.name));
      if (it == consumers.end()) continue;
      for (const std::size_t child : it->second) parents[child].push_back(p);
    }
  }
  for (auto& list : parents) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return parents;
}

TopoOrder toposort(const std::vector<NodePtr>& nodes) {
  const auto parents = node_parents(nodes);
  std::vector<std::vector<std::size_t>> children(nodes.size());
  std::vector<std::size_t> pending(nodes.size());
  for (std::size_t c = 0; c < nodes.size(); ++c) {
    pending[c] = parents[c].size();
    for (const std::size_t p : parents[c]) children[p].push_back(c);
  }
  auto by_name = [&](std::size_t a, std::size_t b) { return nodes[a]->name < nodes[b]->name; };
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (pending[i] == 0) ready.push_back(i);
  }
  TopoOrder out;
  std::vector<bool> done(nodes.size(), false);
  while (!ready.empty()) {
    std::sort(ready.begin(), ready.end(), by_name);
    std::vector<NodePtr> layer;
    std::vector<std::size_t> next;
    for (const std::size_t i : ready) {
      layer.push_back(nodes[i]);
      out.order.push_back(nodes[i]);
      done[i] = true;
    }
    for (const std::size_t i : ready) {
      for (const std::size_t c : children[i]) {
        if (--pending[c] == 0) next.push_back(c);
      }
    }
    out.layers.push_back(std::move(layer));
    ready = std::move(next);
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!done[i]) out.cyclic.push_back(nodes[i]);
  }
  return out;
}

namespace {

std::set<std::string> intermediates(const std::vector<NodePtr>& nodes) {
  std::set<std::string> ins, outs, both;
  for (const auto& n : nodes) {
    for (const auto& i : n->inputs) ins.emplace(strip_transcoding(i.name));
    for (const auto& o : n->outputs) outs.emplace(strip_transcoding(o.name));
  }
  std::set_intersection(ins.begin(), ins.end(), outs.begin(), outs.end(), std::inserter(both, both.end()));
  return both;
}

}  // namespace

std::set<std::string> free_inputs(const std::vector<NodePtr>& nodes) {
  const auto middle = intermediates(nodes);
  std::set<std::string> out;
  for (const auto& n : nodes) {
    for (const auto& i : n->inputs) {
      if (!middle.count(std::string(strip_transcoding(i.name)))) out.insert(i.name);
    }
  }
  return out;
}

std::set<std::string> free_outputs(const std::vector<NodePtr>& nodes) {
  const auto middle = intermediates(nodes);
  std::set<std::string> out;
  for (const auto& n : nodes) {
    for (const auto& o : n->outputs) {
      if (!middle.count(std::string(strip_transcoding(o.name)))) out.insert(o.name);
    }
  }
  return out;
}

std::set<std::string> all_datasets(const std::vector<NodePtr>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) {
    for (const auto& i : n->inputs) out.insert(i.name);
    for (const auto& o : n->outputs) out.insert(o.name);
  }
  return out;
}

}  // namespace kedrolint::model
