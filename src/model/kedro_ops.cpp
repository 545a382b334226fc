#include "model/kedro_ops.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/naming.hpp"

namespace kedrolint::model {
namespace {

std::string raw_identity(IoForm form, const std::vector<std::string>& keys, const std::vector<DatasetRef>& raw) {
  std::string out(1, static_cast<char>('0' + static_cast<int>(form)));
  if (form == IoForm::Dict) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < keys.size() && i < raw.size(); ++i) pairs.emplace_back(keys[i], raw[i].name);
    std::sort(pairs.begin(), pairs.end());
    for (const auto& [k, v] : pairs) out += "\x1f" + k + "\x1e" + v;
  } else {
    for (const auto& r : raw) out += "\x1f" + r.name;
  }
  return out;
}

// The key of Kedro's node equality; built again when two nodes' hashes meet.
std::string identity_key(const Node& node) {
  return node.name + "\x1d" + raw_identity(node.inputs_form, node.input_keys, written_inputs(node)) + "\x1d" +
         raw_identity(node.outputs_form, node.output_keys, node.outputs);
}

std::set<std::string> names_set(const std::vector<NodePtr>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) out.insert(n->name);
  return out;
}

std::set<std::string> dataset_names_with_stripped(const std::vector<NodePtr>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) {
    for (const auto* list : {&n->inputs, &n->outputs}) {
      for (const auto& d : *list) {
        out.insert(d.name);
        out.emplace(strip_transcoding(d.name));
      }
    }
  }
  return out;
}

void add_unique(std::vector<NodePtr>& out, NodeIdentitySet& seen, const NodePtr& n) {
  if (seen.insert(n.get()).second) out.push_back(n);
}

std::vector<NodePtr> nodes_with_inputs(const std::vector<NodePtr>& nodes, const std::set<std::string>& datasets) {
  std::vector<NodePtr> out;
  for (const auto& n : nodes) {
    const bool hit = std::any_of(n->inputs.begin(), n->inputs.end(), [&](const DatasetRef& in) {
      for (const auto& d : datasets) {
        if (strip_transcoding(d) == d ? strip_transcoding(in.name) == d : in.name == d) return true;
      }
      return false;
    });
    if (hit) out.push_back(n);
  }
  return out;
}

std::vector<NodePtr> nodes_with_outputs(const std::vector<NodePtr>& nodes, const std::set<std::string>& datasets) {
  std::vector<NodePtr> out;
  for (const auto& n : nodes) {
    const bool hit = std::any_of(n->outputs.begin(), n->outputs.end(), [&](const DatasetRef& o) {
      for (const auto& d : datasets) {
        if (strip_transcoding(o.name) == strip_transcoding(d) && (strip_transcoding(d) == d || o.name == d)) return true;
      }
      return false;
    });
    if (hit) out.push_back(n);
  }
  return out;
}

std::vector<std::string> missing_datasets(const std::vector<NodePtr>& nodes, const std::vector<std::string>& wanted) {
  const auto known = dataset_names_with_stripped(nodes);
  std::vector<std::string> missing;
  for (const auto& w : wanted) {
    if (!known.count(w)) missing.push_back(w);
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return missing;
}

}  // namespace

void set_identity(Node& node) { node.identity_hash = std::hash<std::string>{}(identity_key(node)); }

bool same_node(const Node& a, const Node& b) {
  return a.identity_hash == b.identity_hash && a.name == b.name && identity_key(a) == identity_key(b);
}

void order_dict_inputs(Node& node) {
  node.inputs_order_uncertain = false;
  if (node.inputs_form != IoForm::Dict) {
    // The order written is Kedro's order: one copy is kept, in `inputs`.
    if (!node.raw_inputs.empty()) node.inputs = std::exchange(node.raw_inputs, {});
    return;
  }
  node.inputs = node.raw_inputs;
  if (!node.func->signature.known) {
    node.inputs_order_uncertain = node.raw_inputs.size() > 1;
    return;
  }
  std::vector<DatasetRef> ordered;
  std::vector<bool> used(node.input_keys.size(), false);
  for (const auto& p : node.func->signature.params) {
    if (p.kind == Param::Kind::VarPositional || p.kind == Param::Kind::VarKeyword ||
        p.kind == Param::Kind::PositionalOnly) {
      continue;
    }
    for (std::size_t i = 0; i < node.input_keys.size(); ++i) {
      if (!used[i] && node.input_keys[i] == p.name) {
        ordered.push_back(node.raw_inputs[i]);
        used[i] = true;
      }
    }
  }
  for (std::size_t i = 0; i < node.input_keys.size(); ++i) {
    if (!used[i]) ordered.push_back(node.raw_inputs[i]);
  }
  node.inputs = std::move(ordered);
}

bool is_parameter_name(std::string_view name, bool legacy_prefixes) {
  if (name.rfind("params:", 0) == 0) return true;
  return legacy_prefixes ? name.rfind("parameters", 0) == 0 : name == "parameters";
}

std::string rename_dataset(const std::string& name, const std::map<std::string, std::string>& mapping,
                           const std::string& namespace_, bool prefix, bool keep_parameters) {
  if (auto it = mapping.find(name); it != mapping.end()) return it->second;
  if (name == "parameters") return name;
  if (keep_parameters && is_parameter_name(name, /*legacy_prefixes=*/true)) return name;
  const auto at = name.find('@');
  if (at != std::string::npos) {
    if (auto it = mapping.find(name.substr(0, at)); it != mapping.end()) return it->second + name.substr(at);
  }
  if (prefix && !namespace_.empty()) {
    if (name.rfind("params:", 0) == 0) return "params:" + namespace_ + "." + name.substr(7);
    return namespace_ + "." + name;
  }
  return name;
}

std::optional<NodePtr> copy_node(const Node& node, const std::map<std::string, std::string>& mapping,
                                 const std::string& namespace_, bool prefix, bool rename_confirms,
                                 const project::KedroVersion& version) {
  auto copy = std::make_shared<Node>(node);
  auto rename_all = [&](std::vector<DatasetRef>& refs) {
    for (auto& r : refs) r.name = rename_dataset(r.name, mapping, namespace_, prefix, !version.at_least(0, 18));
  };
  rename_all(copy->inputs_form == IoForm::Dict ? copy->raw_inputs : copy->inputs);
  rename_all(copy->outputs);
  if (rename_confirms) rename_all(copy->confirms);
  if (!namespace_.empty()) copy->namespace_ = node.namespace_.empty() ? namespace_ : namespace_ + "." + node.namespace_;
  order_dict_inputs(*copy);
  auto name = full_node_name(*copy, version);
  if (!name) return std::nullopt;
  copy->name = *name;
  set_identity(*copy);
  return NodePtr(copy);
}

NodePtr tag_node(const NodePtr& node, const std::vector<std::string>& tags, core::Span where) {
  // Tags the node has already keep where they were first added, so the copy
  // would equal the node: it is shared instead.
  const bool adds_none = std::all_of(tags.begin(), tags.end(), [&](const std::string& t) {
    return std::binary_search(node->tags.begin(), node->tags.end(), t);
  });
  if (adds_none) return node;
  auto copy = std::make_shared<Node>(*node);
  // The tags the node had keep where they were added; a stable sort puts
  // them before an equal new one, and unique keeps the first.
  std::vector<std::pair<std::string, core::Span>> merged;
  merged.reserve(node->tags.size() + tags.size());
  for (std::size_t i = 0; i < node->tags.size(); ++i) {
    merged.emplace_back(node->tags[i], i < node->tag_spans.size() ? node->tag_spans[i] : core::Span{});
  }
  for (const auto& t : tags) merged.emplace_back(t, where);
  std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  merged.erase(std::unique(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               merged.end());
  copy->tags.clear();
  copy->tag_spans.clear();
  for (auto& [tag, span] : merged) {
    copy->tags.push_back(std::move(tag));
    copy->tag_spans.push_back(span);
  }
  return copy;
}

std::vector<NodePtr> union_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b) {
  std::vector<NodePtr> out;
  NodeIdentitySet seen;
  for (const auto& n : a) add_unique(out, seen, n);
  for (const auto& n : b) add_unique(out, seen, n);
  return out;
}

std::vector<NodePtr> difference_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b) {
  NodeIdentitySet drop;
  for (const auto& n : b) drop.insert(n.get());
  std::vector<NodePtr> out;
  NodeIdentitySet seen;
  for (const auto& n : a) {
    if (!drop.count(n.get())) add_unique(out, seen, n);
  }
  return out;
}

std::vector<NodePtr> intersection_nodes(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b) {
  NodeIdentitySet keep;
  for (const auto& n : b) keep.insert(n.get());
  std::vector<NodePtr> out;
  NodeIdentitySet seen;
  for (const auto& n : a) {
    if (keep.count(n.get())) add_unique(out, seen, n);
  }
  return out;
}

std::vector<NodePtr> pipeline_and(const std::vector<NodePtr>& a, const std::vector<NodePtr>& b) {
  auto distinct = [](const std::vector<NodePtr>& nodes) {
    NodeIdentitySet ids;
    for (const auto& n : nodes) ids.insert(n.get());
    return ids.size();
  };
  // Objects/setobject.c set_intersection: `if (len(other) > len(so)) swap`, then
  // iterate `other` and add its keys.
  return distinct(b) > distinct(a) ? intersection_nodes(a, b) : intersection_nodes(b, a);
}

std::vector<NodePtr> only_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                                std::vector<std::string>& missing) {
  const auto known = names_set(nodes);
  for (const auto& n : names) {
    if (!known.count(n)) missing.push_back(n);
  }
  const std::set<std::string> wanted(names.begin(), names.end());
  std::vector<NodePtr> out;
  for (const auto& n : nodes) {
    if (wanted.count(n->name)) out.push_back(n);
  }
  return out;
}

std::vector<NodePtr> only_nodes_with_tags(const std::vector<NodePtr>& nodes, const std::vector<std::string>& tags) {
  std::vector<NodePtr> out;
  for (const auto& n : nodes) {
    const bool hit = std::any_of(n->tags.begin(), n->tags.end(),
                                 [&](const std::string& t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); });
    if (hit) out.push_back(n);
  }
  return out;
}

std::vector<NodePtr> only_nodes_with_namespaces(const std::vector<NodePtr>& nodes,
                                                const std::vector<std::string>& namespaces, bool exact_or_child,
                                                std::vector<std::string>& missing) {
  // Kedro's loop: for each namespace, every matching node (a node under two of
  // them is listed twice); 0.19's `only_nodes_with_namespace` takes one.
  std::vector<NodePtr> out;
  for (const auto& ns : namespaces) {
    bool matched = false;
    for (const auto& n : nodes) {
      if (n->namespace_.empty()) continue;
      const bool hit = exact_or_child ? (n->namespace_ == ns || n->namespace_.rfind(ns + ".", 0) == 0)
                                      : n->namespace_.rfind(ns, 0) == 0;
      if (!hit) continue;
      matched = true;
      out.push_back(n);
    }
    if (!matched) missing.push_back(ns);
  }
  return out;
}

std::vector<NodePtr> only_nodes_with_inputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                            std::vector<std::string>& missing) {
  missing = missing_datasets(nodes, datasets);
  return nodes_with_inputs(nodes, std::set<std::string>(datasets.begin(), datasets.end()));
}

std::vector<NodePtr> only_nodes_with_outputs(const std::vector<NodePtr>& nodes,
                                             const std::vector<std::string>& datasets,
                                             std::vector<std::string>& missing) {
  missing = missing_datasets(nodes, datasets);
  return nodes_with_outputs(nodes, std::set<std::string>(datasets.begin(), datasets.end()));
}

std::vector<NodePtr> from_inputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                 std::vector<std::string>& missing) {
  missing = missing_datasets(nodes, datasets);
  std::vector<NodePtr> result;
  NodeIdentitySet seen;
  auto next = nodes_with_inputs(nodes, std::set<std::string>(datasets.begin(), datasets.end()));
  while (!next.empty()) {
    std::set<std::string> outputs;
    bool grew = false;
    for (const auto& n : next) {
      if (seen.insert(n.get()).second) {
        result.push_back(n);
        grew = true;
      }
      for (const auto& o : n->outputs) outputs.emplace(strip_transcoding(o.name));
    }
    if (!grew) break;
    next = nodes_with_inputs(nodes, outputs);
  }
  return result;
}

std::vector<NodePtr> to_outputs(const std::vector<NodePtr>& nodes, const std::vector<std::string>& datasets,
                                std::vector<std::string>& missing) {
  missing = missing_datasets(nodes, datasets);
  std::vector<NodePtr> result;
  NodeIdentitySet seen;
  auto next = nodes_with_outputs(nodes, std::set<std::string>(datasets.begin(), datasets.end()));
  while (!next.empty()) {
    std::set<std::string> inputs;
    bool grew = false;
    for (const auto& n : next) {
      if (seen.insert(n.get()).second) {
        result.push_back(n);
        grew = true;
      }
      for (const auto& i : n->inputs) inputs.emplace(strip_transcoding(i.name));
    }
    if (!grew) break;
    next = nodes_with_outputs(nodes, inputs);
  }
  return result;
}

std::vector<NodePtr> from_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                                std::vector<std::string>& missing) {
  auto res = only_nodes(nodes, names, missing);
  std::vector<std::string> outputs;
  for (const auto& n : res) {
    for (const auto& o : n->outputs) outputs.emplace_back(strip_transcoding(o.name));
  }
  std::vector<std::string> ignored;
  return union_nodes(res, from_inputs(nodes, outputs, ignored));
}

std::vector<NodePtr> to_nodes(const std::vector<NodePtr>& nodes, const std::vector<std::string>& names,
                              std::vector<std::string>& missing) {
  auto res = only_nodes(nodes, names, missing);
  std::vector<std::string> inputs;
  for (const auto& n : res) {
    for (const auto& i : n->inputs) inputs.emplace_back(strip_transcoding(i.name));
  }
  std::vector<std::string> ignored;
  return union_nodes(res, to_outputs(nodes, inputs, ignored));
}

}  // namespace kedrolint::model
