#include "report/pipeline_picture.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "model/naming.hpp"

namespace kedrolint::report {
namespace {

struct KindStyle {
  std::string_view kind, fill;
};
// One fill per artifact kind (docs/artifacts.md); unknown stays white.
constexpr KindStyle kKindFills[] = {
    {"model", "#ffd8a8"}, {"table", "#a5d8ff"}, {"array", "#d0bfff"}, {"metrics", "#b2f2bb"}, {"plot", "#fcc2d7"},
    {"media", "#ffec99"}, {"text", "#dee2e6"},  {"object", "#c5f6fa"}, {"unknown", "#ffffff"},
};
constexpr std::string_view kParameterFill = "#f1f3f5";

std::string_view fill_of(std::string_view kind) {
  for (const auto& k : kKindFills) {
    if (k.kind == kind) return k.fill;
  }
  return "#ffffff";
}

// The deepest namespace `name` is prefixed with.
std::string cluster_of(std::string_view name, const std::vector<std::string>& clusters) {
  std::string best;
  for (const auto& c : clusters) {
    if (name.size() > c.size() && name.substr(0, c.size()) == c && name[c.size()] == '.' && c.size() > best.size()) best = c;
  }
  return best;
}

std::string strip_cluster(const std::string& name, const std::string& cluster) {
  return cluster.empty() ? name : name.substr(cluster.size() + 1);
}

std::vector<std::string> namespaces_of(const std::vector<model::NodePtr>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) {
    const std::string& ns = n->namespace_;
    for (std::size_t dot = ns.find('.'); dot != std::string::npos; dot = ns.find('.', dot + 1)) out.insert(ns.substr(0, dot));
    if (!ns.empty()) out.insert(ns);
  }
  return {out.begin(), out.end()};
}

// The dataset as drawn: one item per transcoding-stripped name, persisted
// when any of its spellings is, with the kind of the first one seen.
Picture::Item dataset_item(const model::Project& project, const std::string& name, const std::string& base,
                           const std::vector<std::string>& clusters) {
  Picture::Item item;
  item.cluster = cluster_of(base, clusters);
  item.label = strip_cluster(base, item.cluster);
  auto kind = project.kinds.find(name);
  item.kind = kind == project.kinds.end() ? "unknown" : kind->second.kind;
  auto d = project.datasets.find(name);
  item.persisted = d != project.datasets.end() && d->second.persisted;
  return item;
}

std::string last_part(const std::string& ns) { return ns.substr(ns.rfind('.') == std::string::npos ? 0 : ns.rfind('.') + 1); }

std::string parent_of(const std::string& ns) { return ns.rfind('.') == std::string::npos ? "" : ns.substr(0, ns.rfind('.')); }

std::string indent(std::size_t depth) { return std::string(2 * (depth + 1), ' '); }

// Items grouped by cluster, for writing clusters depth first.
std::map<std::string, std::vector<const Picture::Item*>> by_cluster(const Picture& p) {
  std::map<std::string, std::vector<const Picture::Item*>> out;
  for (const auto* list : {&p.nodes, &p.datasets, &p.parameters}) {
    for (const auto& item : *list) out[item.cluster].push_back(&item);
  }
  return out;
}

std::string picture_class(const Picture::Item& item, char prefix) {
  if (prefix == 'n') return "task";
  if (prefix == 'p') return "param";
  return item.kind + (item.persisted ? "" : "_memory");
}

void mermaid_item(const Picture::Item& item, std::size_t depth, std::ostream& out) {
  const std::string label = "\"" + mermaid_label(item.label) + "\"";
  out << indent(depth) << item.id;
  if (item.id[0] == 'n') out << "[" << label << "]\n";
  else if (item.id[0] == 'd') out << "[(" << label << ")]\n";
  else out << ">" << label << "]\n";
}

void mermaid_cluster(const Picture& p, const std::string& cluster, std::size_t depth,
                     const std::map<std::string, std::vector<const Picture::Item*>>& items, std::ostream& out) {
  for (std::size_t i = 0; i < p.clusters.size(); ++i) {
    if (parent_of(p.clusters[i]) != cluster) continue;
    out << indent(depth) << "subgraph s" << i << "[\"" << mermaid_label(last_part(p.clusters[i])) << "\"]\n";
    mermaid_cluster(p, p.clusters[i], depth + 1, items, out);
    out << indent(depth) << "end\n";
  }
  if (auto it = items.find(cluster); it != items.end()) {
    for (const auto* item : it->second) mermaid_item(*item, depth, out);
  }
}

void dot_item(const Picture::Item& item, std::size_t depth, std::ostream& out) {
  out << indent(depth) << item.id << " [label=\"" << dot_label(item.label) << "\", ";
  if (item.id[0] == 'n') {
    out << "shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"";
  } else if (item.id[0] == 'd') {
    out << "shape=cylinder, style=\"" << (item.persisted ? "filled" : "filled,dashed") << "\", fillcolor=\""
        << fill_of(item.kind) << "\"";
  } else {
    out << "shape=note, style=filled, fillcolor=\"" << kParameterFill << "\", fontcolor=\"#495057\"";
  }
  out << "];\n";
}

void dot_cluster(const Picture& p, const std::string& cluster, std::size_t depth,
                 const std::map<std::string, std::vector<const Picture::Item*>>& items, std::ostream& out) {
  for (std::size_t i = 0; i < p.clusters.size(); ++i) {
    if (parent_of(p.clusters[i]) != cluster) continue;
    out << indent(depth) << "subgraph cluster_" << i << " {\n"
        << indent(depth + 1) << "label=\"" << dot_label(last_part(p.clusters[i])) << "\";\n"
        << indent(depth + 1) << "style=\"rounded,filled\"; fillcolor=\"#f8f9fa\"; color=\"#adb5bd\";\n";
    dot_cluster(p, p.clusters[i], depth + 1, items, out);
    out << indent(depth) << "}\n";
  }
  if (auto it = items.find(cluster); it != items.end()) {
    for (const auto* item : it->second) dot_item(*item, depth, out);
  }
}

std::vector<std::string> kinds_drawn(const Picture& p) {
  std::vector<std::string> out;
  for (const auto& k : kKindFills) {
    const bool used = std::any_of(p.datasets.begin(), p.datasets.end(), [&](const auto& d) { return d.kind == k.kind; });
    if (used) out.emplace_back(k.kind);
  }
  return out;
}

}  // namespace

std::string mermaid_label(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '#': out += "#35;"; break;
      case '`': out += "#96;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string dot_label(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    // Graphviz decodes HTML entities in every label: `&amp;` would show `&`.
    if (c == '&') out += "&amp;";
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

Picture build_picture(const model::Project& project, const model::RegisteredPipeline& pipeline,
                      const PictureOptions& options) {
  Picture p;
  std::vector<model::NodePtr> nodes = pipeline.order.order;
  nodes.insert(nodes.end(), pipeline.order.cyclic.begin(), pipeline.order.cyclic.end());
  p.clusters = namespaces_of(nodes);
  std::map<std::string, std::string> dataset_ids;  // stripped name -> id
  auto dataset = [&](const std::string& name) -> std::string {
    const bool parameter = name == "parameters" || name.rfind("params:", 0) == 0;
    const std::string base(parameter ? std::string_view(name) : model::strip_transcoding(name));
    if (auto it = dataset_ids.find(base); it != dataset_ids.end()) return it->second;
    if (parameter && !options.parameters) return dataset_ids[base] = "";
    Picture::Item item;
    if (parameter) {
      item.cluster = cluster_of(name.substr(name.find(':') + 1), p.clusters);
      item.label = item.cluster.empty() ? name : "params:" + strip_cluster(name.substr(7), item.cluster);
      item.id = "p" + std::to_string(p.parameters.size());
      p.parameters.push_back(item);
    } else {
      item = dataset_item(project, name, base, p.clusters);
      item.id = "d" + std::to_string(p.datasets.size());
      p.datasets.push_back(item);
    }
    return dataset_ids[base] = item.id;
  };
  std::set<std::pair<std::string, std::string>> drawn;
  auto edge = [&](const std::string& from, const std::string& to) {
    if (!from.empty() && !to.empty() && drawn.emplace(from, to).second) p.edges.emplace_back(from, to);
  };
  for (const auto& n : nodes) {
    Picture::Item item;
    item.id = "n" + std::to_string(p.nodes.size());
    item.cluster = n->namespace_;
    item.label = n->explicit_name && !n->explicit_name->empty() ? *n->explicit_name : model::readable_func_name(*n->func);
    p.nodes.push_back(item);
    for (const auto& in : n->inputs) edge(dataset(in.name), item.id);
    for (const auto& o : n->outputs) edge(item.id, dataset(o.name));
  }
  return p;
}

void write_picture_mermaid(const Picture& p, std::ostream& out) {
  out << "flowchart LR\n";
  mermaid_cluster(p, "", 0, by_cluster(p), out);
  for (const auto& [from, to] : p.edges) out << "  " << from << " --> " << to << "\n";
  const auto kinds = kinds_drawn(p);
  if (!kinds.empty()) {
    out << "  subgraph legend[\"legend\"]\n";
    for (const auto& k : kinds) out << "    legend_" << k << "[(\"" << k << "\")]\n";
    out << "    legend_memory[(\"in memory\")]\n  end\n";
  }
  out << "  classDef task fill:#ffffff,stroke:#495057\n"
      << "  classDef param fill:" << kParameterFill << ",stroke:#868e96,color:#495057\n";
  std::map<std::string, std::vector<std::string>> classes;
  for (const auto* list : {&p.nodes, &p.datasets, &p.parameters}) {
    for (const auto& item : *list) classes[picture_class(item, item.id[0])].push_back(item.id);
  }
  for (const auto& k : kinds) classes[k].push_back("legend_" + k);
  if (!kinds.empty()) classes["unknown_memory"].push_back("legend_memory");
  for (const auto& [name, ids] : classes) {
    if (name == "task" || name == "param") continue;
    const bool memory = name.size() > 7 && name.compare(name.size() - 7, 7, "_memory") == 0;
    out << "  classDef " << name << " fill:" << fill_of(memory ? name.substr(0, name.size() - 7) : name)
        << ",stroke:#495057" << (memory ? ",stroke-dasharray:5 5" : "") << "\n";
  }
  for (const auto& [name, ids] : classes) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
    out << "  class " << list << " " << name << "\n";
  }
}

void write_picture_dot(const Picture& p, std::ostream& out) {
  out << "digraph pipeline {\n  rankdir=LR;\n  graph [fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [color=\"#495057\"];\n";
  dot_cluster(p, "", 0, by_cluster(p), out);
  for (const auto& [from, to] : p.edges) out << "  " << from << " -> " << to << ";\n";
  const auto kinds = kinds_drawn(p);
  if (!kinds.empty()) {
    out << "  subgraph cluster_legend {\n    label=\"legend\"; style=dashed; color=\"#adb5bd\";\n";
    for (const auto& k : kinds) {
      out << "    legend_" << k << " [label=\"" << k << "\", shape=cylinder, style=filled, fillcolor=\"" << fill_of(k)
          << "\"];\n";
    }
    out << "    legend_memory [label=\"in memory\", shape=cylinder, style=\"filled,dashed\", fillcolor=\"#ffffff\"];\n"
        << "  }\n";
  }
  out << "}\n";
}

}  // namespace kedrolint::report
