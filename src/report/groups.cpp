#include "report/groups.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace kedrolint::report {
namespace {

struct Summary {
  std::vector<std::set<std::size_t>> depends_on;
  std::size_t memory = 0, local = 0, remote = 0, shared = 0, unknown = 0;
  std::vector<std::string> ungrouped, multiple;
  bool acyclic = true;
};

Summary summarize(const model::Project& project, const model::Deployment& d) {
  Summary s;
  s.depends_on.resize(d.groups.size());
  for (const auto& c : d.crossings) {
    s.depends_on[c.to].insert(c.from);
    switch (model::storage_of(project, c.dataset, d.config)) {
      case model::Storage::Memory: ++s.memory; break;
      case model::Storage::Local: ++s.local; break;
      case model::Storage::Remote: ++s.remote; break;
      case model::Storage::Shared: ++s.shared; break;
      case model::Storage::Unknown: ++s.unknown; break;
    }
  }
  for (const auto& n : d.nodes) {
    const auto& g = d.groups_of(n->name);
    if (g.empty()) s.ungrouped.push_back(n->name);
    if (g.size() > 1) s.multiple.push_back(n->name);
  }
  s.acyclic = model::shortest_group_cycle(d).empty();
  return s;
}

// Identifiers safe for Mermaid and Graphviz.
std::string ident(std::string_view prefix, std::size_t i) { return std::string(prefix) + std::to_string(i); }

struct DrawnEdge {
  model::NodePtr producer, consumer;
  std::string dataset;
};

// Every producer -> consumer edge once per dataset, in consumer order.
std::vector<DrawnEdge> edges_of(const model::Deployment& d) {
  std::map<std::string_view, std::vector<std::pair<model::NodePtr, const model::DatasetRef*>>> producers;
  for (const auto& n : d.nodes) {
    for (const auto& o : n->outputs) producers[model::strip_transcoding(o.name)].emplace_back(n, &o);
  }
  std::vector<DrawnEdge> out;
  std::set<std::tuple<std::string, std::string, std::string>> drawn;
  for (const auto& consumer : d.nodes) {
    for (const auto& in : consumer->inputs) {
      auto it = producers.find(model::strip_transcoding(in.name));
      if (it == producers.end()) continue;
      for (const auto& [producer, o] : it->second) {
        if (drawn.emplace(producer->name, consumer->name, o->name).second) out.push_back({producer, consumer, o->name});
      }
    }
  }
  return out;
}

// Where each node is drawn: in the cluster of its first group (Graphviz and
// Mermaid put a node in one cluster only), or outside every cluster.
struct Placement {
  std::vector<std::vector<model::NodePtr>> in_group;
  std::vector<model::NodePtr> ungrouped;
};

Placement place_nodes(const model::Deployment& d) {
  Placement p;
  p.in_group.resize(d.groups.size());
  for (const auto& n : d.nodes) {
    const auto& groups = d.groups_of(n->name);
    if (groups.empty()) p.ungrouped.push_back(n);
    else p.in_group[groups.front()].push_back(n);
  }
  return p;
}

// Edge colours by storage: red memory, orange local path, purple remote
// storage not listed as shared, green shared, grey unknown until run time.
std::string_view storage_colour(model::Storage s) {
  switch (s) {
    case model::Storage::Memory: return "#d62728";
    case model::Storage::Local: return "#ff7f0e";
    case model::Storage::Remote: return "#9467bd";
    case model::Storage::Shared: return "#2ca02c";
    case model::Storage::Unknown: return "#7f7f7f";
  }
  return "#7f7f7f";
}

std::string escape_label(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

// A node's label, escaped: its name, and the other groups that hold it
// (KL401), after `newline` (`\\n` for Graphviz, `<br/>` for Mermaid).
std::string node_label(const model::Deployment& d, const model::NodePtr& n, std::string_view newline) {
  const auto& groups = d.groups_of(n->name);
  if (groups.size() < 2) return escape_label(n->name);
  std::vector<std::string> others;
  for (std::size_t i = 1; i < groups.size(); ++i) others.push_back(d.groups[groups[i]].name);
  return escape_label(n->name) + std::string(newline) + escape_label("(also in " + core::join(others, ", ") + ")");
}

}  // namespace

void write_groups_text(const model::Project& project, const model::Deployment& d, std::ostream& out) {
  const auto s = summarize(project, d);
  out << "Pipeline " << d.pipeline << ": " << d.nodes.size() << " nodes in " << d.groups.size() << " groups (mapping "
      << d.config.mapping << (d.config.mapping == "M:N" ? ", " + d.config.groups : std::string()) << ")\n\n";
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    out << "group " << d.groups[g].name << " (" << d.groups[g].nodes.size() << " nodes)";
    if (!s.depends_on[g].empty()) {
      std::vector<std::string> names;
      for (const auto i : s.depends_on[g]) names.push_back(d.groups[i].name);
      out << ", after " << core::join(names, ", ");
    }
    out << "\n";
    for (const auto& n : d.groups[g].nodes) out << "  " << n->name << "\n";
  }
  out << "\ncrossings:\n";
  if (d.crossings.empty()) out << "  none\n";
  std::set<std::tuple<std::string, std::size_t, std::size_t>> shown;
  for (const auto& c : d.crossings) {
    if (!shown.emplace(c.dataset, c.from, c.to).second) continue;
    out << "  " << c.dataset << ": " << d.groups[c.from].name << " -> " << d.groups[c.to].name << " ["
        << model::to_string(model::storage_of(project, c.dataset, d.config)) << "]\n";
  }
  out << "\nchecks: " << (s.acyclic ? "groups form a DAG" : "groups form a CYCLE (KL404)") << "; " << s.memory
      << " in-memory crossing(s) (KL405); " << s.local << " local-path crossing(s) and " << s.remote
      << " crossing(s) on remote storage not listed as shared (KL406); " << s.ungrouped.size()
      << " node(s) in no group (KL402); " << s.multiple.size() << " node(s) in several groups (KL401)\n";
}

void write_groups_json(const model::Project& project, const model::Deployment& d, std::ostream& out) {
  const auto s = summarize(project, d);
  nlohmann::ordered_json j;
  j["pipeline"] = d.pipeline;
  j["mapping"] = d.config.mapping;
  j["strategy"] = d.config.mapping == "M:N" ? d.config.groups : d.config.mapping;
  j["groups"] = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    nlohmann::ordered_json group;
    group["name"] = d.groups[g].name;
    std::vector<std::string> nodes, deps;
    for (const auto& n : d.groups[g].nodes) nodes.push_back(n->name);
    for (const auto i : s.depends_on[g]) deps.push_back(d.groups[i].name);
    group["nodes"] = nodes;
    group["depends_on"] = deps;
    j["groups"].push_back(std::move(group));
  }
  j["crossings"] = nlohmann::ordered_json::array();
  for (const auto& c : d.crossings) {
    j["crossings"].push_back({{"dataset", c.dataset},
                              {"from", d.groups[c.from].name},
                              {"to", d.groups[c.to].name},
                              {"producer", c.producer->name},
                              {"consumer", c.consumer->name},
                              {"storage", std::string(model::to_string(model::storage_of(project, c.dataset, d.config)))}});
  }
  j["checks"] = {{"acyclic", s.acyclic},
                 {"memory_crossings", s.memory},
                 {"local_crossings", s.local},
                 {"remote_crossings", s.remote},
                 {"ungrouped_nodes", s.ungrouped},
                 {"nodes_in_several_groups", s.multiple}};
  out << j.dump(2) << "\n";
}

void write_groups_yaml(const model::Deployment& d, std::ostream& out) {
  out << "# Deployment groups of pipeline `" << d.pipeline << "`, written by `kedrolint groups --write`.\n"
      << "# Each group selects nodes with the arguments of Pipeline.filter; use it with\n"
      << "# [tool.kedrolint.deploy] groups-file = \"<this file>\".\n";
  // Pipeline.filter cannot select nothing (an empty filter is not applied):
  // an empty group cannot be written, only named.
  for (const auto& g : d.groups) {
    if (g.nodes.empty()) out << "# group " << core::python_str_repr(g.name) << " selects no node (KL403) and is left out.\n";
  }
  const bool none = std::all_of(d.groups.begin(), d.groups.end(), [](const auto& g) { return g.nodes.empty(); });
  out << (none ? "groups: {}\n" : "groups:\n");
  for (const auto& g : d.groups) {
    if (g.nodes.empty()) continue;
    out << "  " << core::python_str_repr(g.name) << ":\n    node_names:\n";
    for (const auto& n : g.nodes) out << "      - " << core::python_str_repr(n->name) << "\n";
  }
}

void write_groups_mermaid(const model::Project& project, const model::Deployment& d, std::ostream& out) {
  std::map<std::string, std::string> id;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) id[d.nodes[i]->name] = ident("n", i);
  const auto placed = place_nodes(d);
  auto declare = [&](const model::NodePtr& n, std::string_view indent) {
    out << indent << id[n->name] << "[\"" << node_label(d, n, "<br/>") << "\"]\n";
  };
  out << "flowchart LR\n";
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    out << "  subgraph " << ident("g", g) << "[\"" << escape_label(d.groups[g].name) << "\"]\n";
    for (const auto& n : placed.in_group[g]) declare(n, "    ");
    out << "  end\n";
  }
  for (const auto& n : placed.ungrouped) declare(n, "  ");
  std::size_t link = 0;
  std::vector<std::pair<std::size_t, std::string>> styles;
  std::set<std::pair<std::string, std::string>> crossing;
  for (const auto& c : d.crossings) crossing.emplace(c.producer->name + "\x1f" + c.consumer->name, c.dataset);
  for (const auto& e : edges_of(d)) {
    const bool crosses = crossing.count({e.producer->name + "\x1f" + e.consumer->name, e.dataset}) > 0;
    const auto storage = model::storage_of(project, e.dataset, d.config);
    out << "  " << id[e.producer->name] << " -->|" << escape_label(e.dataset)
        << (crosses ? " (" + std::string(model::to_string(storage)) + ")" : std::string()) << "| " << id[e.consumer->name]
        << "\n";
    if (crosses) {
      styles.emplace_back(link, "stroke:" + std::string(storage_colour(storage)) + ",stroke-width:2px" +
                                    (storage == model::Storage::Memory ? ",stroke-dasharray:5 5" : ""));
    }
    ++link;
  }
  for (const auto& [i, style] : styles) out << "  linkStyle " << i << " " << style << "\n";
}

void write_groups_dot(const model::Project& project, const model::Deployment& d, std::ostream& out) {
  std::map<std::string, std::string> id;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) id[d.nodes[i]->name] = ident("n", i);
  const auto placed = place_nodes(d);
  auto declare = [&](const model::NodePtr& n, std::string_view indent) {
    out << indent << id[n->name] << " [label=\"" << node_label(d, n, "\\n") << "\"];\n";
  };
  out << "digraph pipeline {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    out << "  subgraph cluster_" << g << " {\n    label=\"" << escape_label(d.groups[g].name)
        << "\";\n    style=filled; color=\"#e8eef7\";\n";
    for (const auto& n : placed.in_group[g]) declare(n, "    ");
    out << "  }\n";
  }
  for (const auto& n : placed.ungrouped) declare(n, "  ");
  std::set<std::pair<std::string, std::string>> crossing;
  for (const auto& c : d.crossings) crossing.emplace(c.producer->name + "\x1f" + c.consumer->name, c.dataset);
  for (const auto& e : edges_of(d)) {
    const bool crosses = crossing.count({e.producer->name + "\x1f" + e.consumer->name, e.dataset}) > 0;
    out << "  " << id[e.producer->name] << " -> " << id[e.consumer->name] << " [label=\"" << escape_label(e.dataset);
    if (crosses) {
      const auto storage = model::storage_of(project, e.dataset, d.config);
      out << " (" << model::to_string(storage) << ")\", penwidth=2, color=\"" << storage_colour(storage) << "\""
          << (storage == model::Storage::Memory ? ", style=dashed" : "");
    } else {
      out << "\"";
    }
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace kedrolint::report
