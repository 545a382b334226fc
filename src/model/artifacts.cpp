#include "model/artifacts.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/text.hpp"
#include "model/project.hpp"

namespace kedrolint::model {
namespace {

struct TableEntry {
  const char* pattern;
  const char* kind;
};

constexpr TableEntry kDatasetKinds[] = {
#define KL_DATASET_KIND(pattern, kind) {pattern, kind},
#include "rules/data/dataset_kinds.def"
#undef KL_DATASET_KIND
};

constexpr TableEntry kTypeKinds[] = {
#define KL_TYPE_KIND(pattern, kind) {pattern, kind},
#include "rules/data/type_kinds.def"
#undef KL_TYPE_KIND
};

bool pattern_matches(std::string_view pattern, std::string_view name) {
  if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == ".*") {
    const auto prefix = pattern.substr(0, pattern.size() - 1);  // keeps the dot
    return name.substr(0, prefix.size()) == prefix;
  }
  return pattern == name;
}

// "CSVDataSet" and "CSVDataset" are the same class for the tables.
std::string canonical(std::string s) {
  const std::string old = "DataSet";
  if (s.size() >= old.size() && s.compare(s.size() - old.size(), old.size(), old) == 0) {
    s.replace(s.size() - old.size(), old.size(), "Dataset");
  }
  for (const char* prefix : {"kedro_datasets.", "kedro.extras.datasets.", "kedro.io."}) {
    if (s.rfind(prefix, 0) == 0) s = s.substr(std::string(prefix).size());
  }
  return s;
}

void split_top(std::string_view s, char sep, std::vector<std::string>& out) {
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') ++depth;
    if (s[i] == ']') --depth;
    if (s[i] == sep && depth == 0) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.emplace_back(s.substr(start));
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  return std::string(s);
}

TypeTerm parse_term(std::string_view text) {
  TypeTerm t;
  const std::string s = trimmed(text);
  const auto open = s.find('[');
  if (open == std::string::npos || s.back() != ']') {
    t.name = s;
    return t;
  }
  t.name = trimmed(s.substr(0, open));
  std::vector<std::string> parts;
  split_top(std::string_view(s).substr(open + 1, s.size() - open - 2), ',', parts);
  for (const auto& p : parts) t.args.push_back(parse_term(p));
  return t;
}

std::string last_part(const std::string& name) { return name.substr(name.rfind('.') + 1); }

void flatten(const TypeTerm& t, std::vector<TypeTerm>& out) {
  const std::string last = last_part(t.name);
  if ((last == "Optional" || last == "Union") && !t.args.empty()) {
    for (const auto& a : t.args) flatten(a, out);
    return;
  }
  if (t.name == "None" || t.name == "NoneType" || t.name.empty()) return;
  out.push_back(t);
}

std::string describe(const TypeTerm& t) {
  std::string out = t.name;
  if (!t.args.empty()) {
    out += "[";
    for (std::size_t i = 0; i < t.args.size(); ++i) out += (i ? ", " : "") + describe(t.args[i]);
    out += "]";
  }
  return out;
}

// dict[str, float] and friends: metrics, but only with support.
bool numeric_dict(const TypeTerm& t) {
  const std::string last = last_part(t.name);
  if ((last != "dict" && last != "Dict" && last != "Mapping") || t.args.size() != 2) return false;
  const std::string v = last_part(t.args[1].name);
  return v == "float" || v == "int" || v == "Number";
}

struct Judgement {
  std::string kind;
  bool weak = false;
  std::string known;  ///< the type the tables know: the annotation's own, or a base class of it
};

using ClassBases = std::map<std::string, std::vector<std::string>>;

// The kind of a type, or of the nearest base class the tables know when it
// is a project class (`class MyModel(BaseEstimator)`), breadth first.
Judgement kind_with_bases(const std::string& name, const ArtifactsConfig& config, const ClassBases& bases) {
  std::vector<std::string> queue{name};
  std::set<std::string> seen{name};
  for (std::size_t i = 0; i < queue.size() && i < 64; ++i) {
    if (auto kind = kind_of_type(queue[i], config); !kind.empty()) return {kind, false, queue[i]};
    auto it = bases.find(queue[i]);
    if (it == bases.end()) continue;
    for (const auto& b : it->second) {
      if (seen.insert(b).second) queue.push_back(b);
    }
  }
  return {};
}

Judgement judge(const TypeTerm& t, const ArtifactsConfig& config, const ClassBases& bases) {
  if (numeric_dict(t)) return {"metrics", true, t.name};
  const std::string last = last_part(t.name);
  if (last == "dict" || last == "Dict" || last == "list" || last == "List") return {"object", false, t.name};
  return kind_with_bases(t.name, config, bases);
}

// How evidence names a node's callable: a partial without a `__name__` as
// Kedro names it (`partial(<inner>)`), never an empty name.
std::string callable_label(const FuncInfo& func) {
  if (func.is_partial && !func.has_name) return "partial(" + func.inner_name + ")";
  return func.name.empty() ? std::string("<callable>") : func.name;
}

// The parameter of `func` that receives input `index` of `node`.
const Param* receiving_param(const Node& node, std::size_t index) {
  const auto& params = node.func->signature.params;
  if (node.inputs_form == IoForm::Dict) {
    const std::string& key = index < node.input_keys.size() ? node.input_keys[index] : std::string();
    for (const auto& p : params) {
      if (p.name == key && p.kind != Param::Kind::VarPositional) return &p;
    }
    for (const auto& p : params) {
      if (p.kind == Param::Kind::VarKeyword) return &p;
    }
    return nullptr;
  }
  std::size_t k = 0;
  for (const auto& p : params) {
    if (p.kind == Param::Kind::PositionalOnly || p.kind == Param::Kind::PositionalOrKeyword) {
      if (k++ == index) return &p;
    } else if (p.kind == Param::Kind::VarPositional) {
      return &p;
    }
  }
  return nullptr;
}

// The alternatives of an annotation at one site: the types, plus how many
// alternatives could not be spread onto it (they may hold anything).
struct Site {
  std::vector<TypeTerm> terms;
  std::size_t opaque = 0;
};

// What output `i` of `node` receives from the return annotation: the whole
// value for a single output, the tuple element for list outputs, the value
// type for dict outputs.
Site produced_terms(const Node& node, const std::vector<TypeTerm>& returned, std::size_t i) {
  Site site;
  for (const auto& r : returned) {
    const std::string last = last_part(r.name);
    if (node.outputs_form == IoForm::String) {
      site.terms.push_back(r);
    } else if (node.outputs_form == IoForm::List && (last == "tuple" || last == "Tuple") &&
               r.args.size() == node.outputs.size()) {
      flatten(r.args[i], site.terms);
    } else if (node.outputs_form == IoForm::Dict && (last == "dict" || last == "Dict") && r.args.size() == 2) {
      flatten(r.args[1], site.terms);
    } else {
      ++site.opaque;
    }
  }
  return site;
}

// The one copy of a type name the evidence of a project points at.
class TypeNames {
 public:
  explicit TypeNames(std::set<std::string, std::less<>>& names) : names_(names) {}
  std::string_view operator()(std::string_view name) {
    auto it = names_.find(name);
    if (it == names_.end()) it = names_.emplace(name).first;
    return *it;
  }

 private:
  std::set<std::string, std::less<>>& names_;
};

// Adds one evidence per alternative of `site` whose kind is known, each
// knowing how many alternatives the site has in all.
void add_site(std::map<std::string, ArtifactKind, std::less<>>& kinds, KindEvidence prototype, const DatasetRef& dataset,
              const Site& site, const ArtifactsConfig& config, const ClassBases& bases, TypeNames& names) {
  if (dataset.name == "parameters" || dataset.name.rfind("params:", 0) == 0) return;
  const std::size_t alternatives = site.terms.size() + site.opaque;
  ArtifactKind* kind = nullptr;  // looked up once, when some alternative has a kind
  for (const auto& t : site.terms) {
    const auto j = judge(t, config, bases);
    if (j.kind.empty()) continue;
    KindEvidence e = prototype;
    e.kind = static_kind(j.kind);
    e.span = dataset.span;
    e.weak = j.weak;
    e.type = names(describe(t));
    e.known_type = names(j.known);
    // The tables know a base class of it: the detail says which.
    e.base_known = j.known != t.name;
    e.alternatives = static_cast<std::uint32_t>(alternatives);
    if (!kind) kind = &kinds[dataset.name];
    kind->evidence.push_back(e);
  }
}

// `metadata: {kedrolint: {kind: ...}}` of a catalog entry, when it names a
// known kind. A misspelt key or kind is a KL009 finding at the YAML value
// (once per entry: a factory pattern serves many datasets) and is ignored.
const config::ConfigValue* metadata_kind(const CatalogEntry& entry, std::vector<core::Finding>& findings,
                                         std::set<const CatalogEntry*>& validated) {
  const auto* meta = entry.config->get("metadata");
  const auto* ours = meta ? meta->get("kedrolint") : nullptr;
  if (!ours || !ours->is_map()) return nullptr;
  const bool report = validated.insert(&entry).second;
  for (const auto& [key, value] : ours->entries) {
    if (key != "kind" && report) {
      findings.push_back({"KL009", value->key_span, "unknown key `" + key + "` in `metadata.kedrolint`", {},
                          std::string("The only key is `kind`.")});
    }
  }
  const auto* kind = ours->get("kind");
  if (!kind) return nullptr;
  std::vector<std::string> known(std::begin(kKinds), std::end(kKinds));
  known.emplace_back("unknown");
  if (kind->is_scalar() && std::find(known.begin(), known.end(), kind->text) != known.end()) return kind;
  if (report) {
    const auto close = kind->is_scalar() ? core::close_matches(kind->text, known, 1) : std::vector<std::string>{};
    findings.push_back({"KL009", kind->span,
                        kind->is_scalar() ? "unknown artifact kind `" + kind->text + "` in `metadata.kedrolint.kind`"
                                          : std::string("`metadata.kedrolint.kind` must be a kind name"),
                        {},
                        close.empty() ? "Kinds: " + core::join(known, ", ") + "."
                                      : "Did you mean `" + close.front() + "`?"});
  }
  return nullptr;
}

}  // namespace

std::string kind_of_type(const std::string& qualified, const ArtifactsConfig& config) {
  for (const auto& [pattern, kind] : config.type_kinds) {
    if (pattern_matches(pattern, qualified)) return kind;
  }
  for (const auto& e : kTypeKinds) {
    if (pattern_matches(e.pattern, qualified)) return e.kind;
  }
  return {};
}

std::string kind_of_dataset_type(const std::string& type, const std::string& qualified, const ArtifactsConfig& config) {
  for (const auto& [pattern, kind] : config.dataset_kinds) {
    if (pattern_matches(pattern, type) || pattern_matches(pattern, qualified)) return kind;
  }
  const std::string short_name = canonical(type);
  for (const auto& e : kDatasetKinds) {
    if (pattern_matches(e.pattern, short_name) || pattern_matches(e.pattern, type) ||
        (!qualified.empty() && pattern_matches(e.pattern, qualified))) {
      return e.kind;
    }
  }
  return {};
}

bool class_accepts(std::string_view type, std::string_view class_kind, std::string_view produced) {
  // Writers that build their artifact from a table (kedro_datasets.plotly.PlotlyDataset).
  if (produced == "table" &&
      (type.find("PlotlyDataset") != std::string_view::npos || type.find("PlotlyDataSet") != std::string_view::npos)) {
    return true;
  }
  // Tables and arrays are both tabular to most writers of numbers.
  if ((class_kind == "table" && produced == "array") || (class_kind == "array" && produced == "table")) return true;
  return class_kind == produced;
}

std::vector<TypeTerm> annotation_alternatives(const std::string& annotation) {
  std::vector<TypeTerm> out;
  if (annotation.empty()) return out;
  std::vector<std::string> parts;
  split_top(annotation, '|', parts);
  for (const auto& p : parts) flatten(parse_term(p), out);
  return out;
}

std::string_view static_kind(std::string_view kind) {
  for (const char* k : kKinds) {
    if (kind == k) return k;
  }
  if (kind.empty()) return {};
  // Settings and the tables only name kinds of kKinds.
  return "unknown";
}

std::string KindEvidence::detail() const {
  if (source == "metadata") return "catalog metadata `kedrolint: {kind: " + std::string(kind) + "}`";
  if (source == "class") {
    if (!has_entry) return "no catalog entry: a MemoryDataset can hold anything";
    return "`" + std::string(type) + "`" + (kind.empty() ? " can hold anything" : "");
  }
  std::string out = "`" + (node ? callable_label(*node->func) : std::string("<callable>")) + "` (node `" +
                    (node ? node->name : std::string()) + "`) ";
  if (param) {
    out += "takes `" + param->name + ": " + std::string(type) + "`";
  } else {
    out += "returns " + std::string(type);
  }
  if (base_known) out += " (a " + std::string(known_type) + ")";
  return out;
}

void infer_kinds(Project& project, const ArtifactsConfig& config) {
  auto& kinds = project.kinds;
  project.artifact_type_names = std::make_shared<std::set<std::string, std::less<>>>();
  TypeNames names(*project.artifact_type_names);
  // The nodes of one function share its annotations: each text is parsed once.
  std::unordered_map<std::string_view, std::vector<TypeTerm>> parsed;
  auto alternatives_of = [&](const std::string& annotation) -> const std::vector<TypeTerm>& {
    auto it = parsed.find(annotation);
    if (it == parsed.end()) it = parsed.emplace(annotation, annotation_alternatives(annotation)).first;
    return it->second;
  };
  // Producers and consumers, from the functions' annotations.
  for (const auto& n : project.registered_nodes()) {
    const auto& returned = alternatives_of(n->func->return_annotation);
    KindEvidence producer;
    producer.source = "producer";
    producer.node = n.get();
    for (std::size_t i = 0; i < n->outputs.size(); ++i) {
      add_site(kinds, producer, n->outputs[i], produced_terms(*n, returned, i), config, project.class_bases, names);
    }
    const auto& inputs = written_inputs(*n);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const Param* p = receiving_param(*n, i);
      if (!p) continue;
      KindEvidence consumer;
      consumer.source = "consumer";
      consumer.node = n.get();
      consumer.param = p;
      add_site(kinds, consumer, inputs[i], {alternatives_of(p->annotation), 0}, config,
               project.class_bases, names);
    }
  }
  // The class and the catalog metadata.
  std::set<const CatalogEntry*> validated;
  // Both are in name order: one walk finds or places each dataset's entry,
  // where a lookup each compared long shared prefixes log n times.
  auto at = kinds.begin();
  for (const auto& [name, d] : project.datasets) {
    while (at != kinds.end() && at->first < name) ++at;
    if (at == kinds.end() || at->first != name) at = kinds.emplace_hint(at, name, ArtifactKind{});
    auto& k = at->second;
    KindEvidence cls;
    cls.source = "class";
    if (d.entry) {
      cls.kind = static_kind(kind_of_dataset_type(d.type, d.resolved.qualified, config));
      cls.type = names(d.type);
      cls.span = d.entry->type_span.valid() ? d.entry->type_span : d.entry->key_span;
      k.evidence.push_back(cls);
      if (const auto* kind = metadata_kind(*d.entry, project.findings, validated)) {
        KindEvidence metadata;
        metadata.source = "metadata";
        metadata.kind = static_kind(kind->text);
        metadata.span = kind->span;
        k.evidence.push_back(metadata);
      }
    } else {
      cls.has_entry = false;
      k.evidence.push_back(cls);
    }
  }
  // Decide.
  for (auto& named : kinds) {
    auto& k = named.second;
    auto first = [&](std::string_view source, bool allow_weak) -> std::string_view {
      for (const auto& e : k.evidence) {
        if (e.source == source && !e.kind.empty() && (allow_weak || !e.weak)) return e.kind;
      }
      return {};
    };
    std::string_view kind = first("metadata", true);
    if (kind.empty()) kind = first("class", false);
    if (kind.empty()) kind = first("producer", false);
    if (kind.empty()) kind = first("consumer", false);
    // dict[str, float] is metrics when the storage agrees (JSON, YAML, tracking).
    const std::string_view weak = first("producer", true).empty() ? first("consumer", true) : first("producer", true);
    if ((kind.empty() || kind == "object") && weak == "metrics") {
      const std::string_view cls = first("class", false);
      kind = cls == "object" || cls == "metrics" ? std::string_view("metrics") : (kind.empty() ? std::string_view("object") : kind);
    }
    k.kind = kind.empty() ? std::string_view("unknown") : static_kind(kind);
    k.evidence.shrink_to_fit();
  }
}

}  // namespace kedrolint::model
