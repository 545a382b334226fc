#include "model/catalog.hpp"

#include <algorithm>
#include <set>

#include "python/strings.hpp"

namespace kedrolint::model {
namespace {

constexpr std::string_view kInvalidEntry = "KL310";

const std::set<std::string>& ephemeral_type_strings() {
  static const std::set<std::string> s = {"MemoryDataset",
                                          "SharedMemoryDataset",
                                          "CachedDataset",
                                          "kedro.io.MemoryDataset",
                                          "kedro.io.memory_dataset.MemoryDataset",
                                          "kedro.io.SharedMemoryDataset",
                                          "kedro.io.shared_memory_dataset.SharedMemoryDataset",
                                          "kedro.io.CachedDataset",
                                          "kedro.io.cached_dataset.CachedDataset",
                                          "MemoryDataSet",
                                          "kedro.io.MemoryDataSet"};
  return s;
}

// Every string value of an entry (recursively), for placeholder checks.
void strings_of(const config::ConfigValue& v, std::vector<const config::ConfigValue*>& out) {
  if (v.is_string()) out.push_back(&v);
  for (const auto& [k, child] : v.entries) strings_of(*child, out);
  for (const auto& item : v.items) strings_of(*item, out);
}

// An interpolation kept as written (`${runtime_params:run, r0}`) is gone by
// the time Kedro sees the entry: OmegaConf resolved it. Its braces are no
// placeholder, so they are masked (each by a control character and its
// index, which no placeholder can contain) before placeholders are read or
// substituted.
struct Masked {
  std::string text;
  std::vector<std::string> interpolations;
};

Masked mask_interpolations(const std::string& text) {
  Masked out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto start = text.find("${", i);
    if (start == std::string::npos) break;
    int level = 0;
    std::size_t end = start + 1;
    for (; end < text.size(); ++end) {
      if (text[end] == '{') ++level;
      if (text[end] == '}' && --level == 0) break;
    }
    if (end >= text.size()) break;
    out.text.append(text, i, start - i);
    out.text += '\x01' + std::to_string(out.interpolations.size()) + '\x02';
    out.interpolations.push_back(text.substr(start, end - start + 1));
    i = end + 1;
  }
  out.text.append(text, std::min(i, text.size()), std::string::npos);
  return out;
}

std::string unmask(const std::string& text, const std::vector<std::string>& interpolations) {
  if (interpolations.empty()) return text;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\x01') {
      out += text[i];
      continue;
    }
    const auto close = text.find('\x02', i);
    out += interpolations.at(std::stoul(text.substr(i + 1, close - i - 1)));
    i = close;
  }
  return out;
}

// A field's value as parse gives it: an int for `{n:d}`, else the text.
python::Value typed_value(const FactoryPattern* pattern, const std::string& name, const std::string& text) {
  if (pattern && pattern->field_type(name) == 'd' && !text.empty() && text.size() < 19) {
    return python::Value(static_cast<std::int64_t>(std::stoll(text)));
  }
  return python::Value(text);
}

// Kedro's substitution: str.format_map(named) on string values with a `}`.
std::optional<std::string> substitute(const std::string& text, const std::map<std::string, std::string>& values,
                                      const FactoryPattern* pattern) {
  if (text.find('}') == std::string::npos) return text;
  const Masked masked = mask_interpolations(text);
  std::vector<std::pair<std::string, python::Value>> kwargs;
  for (const auto& [k, v] : values) kwargs.emplace_back(k, typed_value(pattern, k, v));
  auto formatted = python::str_format(masked.text, {}, kwargs);
  if (!formatted) return std::nullopt;
  return unmask(*formatted, masked.interpolations);
}

// Every placeholder of the entry must appear, as written, in the pattern name
// (catalog_config_resolver.py _validate_pattern_config); and its format must
// suit the value parse gives it, or `str.format_map` raises when a dataset
// matches (only `:d` fields are ints; the others are strings).
bool check_placeholder(const CatalogEntry& entry, const FactoryPattern& pattern,
                       const config::ConfigValue& where, const std::string& placeholder,
                       std::vector<core::Finding>& findings) {
  const auto& defined = pattern.placeholders();
  if (std::find(defined.begin(), defined.end(), placeholder) == defined.end()) {
    findings.push_back({std::string(kInvalidEntry), where.span,
                        "placeholder `" + placeholder + "` is not in the pattern name `" + entry.name +
                            "`; Kedro raises \"Incorrect dataset configuration provided\"",
                        {{entry.key_span, "the pattern"}},
                        std::string("Use only placeholders that the pattern name defines.")});
    return false;
  }
  const auto colon = placeholder.find(':');
  if (colon == std::string::npos || placeholder.size() < colon + 3) return true;
  const char code = placeholder[placeholder.size() - 2];
  const bool is_int = pattern.field_type(placeholder.substr(1, colon - 1)) == 'd';
  const bool fits = is_int ? std::string_view("bcdoxXneEfFgG%").find(code) != std::string_view::npos
                           : code == 's' || !std::isalpha(static_cast<unsigned char>(code));
  if (fits) return true;
  findings.push_back({std::string(kInvalidEntry), where.span,
                      "placeholder `" + placeholder + "` cannot be formatted: Kedro raises \"Unknown format code '" +
                          std::string(1, code) + "' for object of type '" + (is_int ? "int" : "str") +
                          "'\" when a dataset matches `" + entry.name + "`",
                      {{entry.key_span, "the pattern"}},
                      "Write the placeholder without its format, e.g. `{" + placeholder.substr(1, colon - 1) + "}`."});
  return true;
}

}  // namespace

bool is_cached_dataset(const DatasetType& type) {
  return type.kind == DatasetType::Kind::KedroIo && (type.qualified == "kedro.io.cached_dataset.CachedDataset" ||
                                                     type.qualified == "kedro.io.cached_dataset.CachedDataSet");
}

std::string_view to_string(ResolvedDataset::Source s) {
  switch (s) {
    case ResolvedDataset::Source::Catalog: return "catalog";
    case ResolvedDataset::Source::Factory: return "factory";
    case ResolvedDataset::Source::Default: return "default";
  }
  return "default";
}

Catalog::Catalog(const config::ConfigPtr& catalog, const project::KedroVersion& version,
                 const ProjectClassLookup& project_class, std::vector<core::Finding>& findings)
    : version_(version), project_class_(project_class) {
  if (!catalog) return;
  for (const auto& [name, value] : catalog->entries) {
    CatalogEntry entry;
    entry.name = name;
    entry.config = value;
    entry.key_span = value->key_span.valid() ? value->key_span : value->span;
    const bool is_pattern = name.find('{') != std::string::npos;
    if (!value->is_map()) {
      findings.push_back({std::string(kInvalidEntry), entry.key_span,
                          "catalog entry `" + name + "` is not a mapping; Kedro raises \"Catalog entry '" + name +
                              "' is not a valid dataset configuration\"",
                          {},
                          std::string("If it is a value for interpolation, start its key with `_`.")});
      invalid_.insert(name);
      continue;
    }
    const config::ConfigValue* type = value->get("type");
    if (!type || !type->is_string() || type->text.empty()) {
      findings.push_back({std::string(kInvalidEntry), entry.key_span,
                          "catalog entry `" + name + "` has no `type`; Kedro raises \"'type' is missing from dataset "
                          "catalog configuration\"",
                          {},
                          std::string("Add `type:`, e.g. `type: pandas.CSVDataset`.")});
      invalid_.insert(name);
      continue;
    }
    entry.type = type->text;
    entry.type_span = type->span;
    if (!type->symbolic && type->text.find('{') == std::string::npos) {
      entry.resolved = resolve_dataset_type(type->text, version, project_class);
    } else {
      entry.resolved.kind = DatasetType::Kind::External;
    }
    if (is_pattern) {
      add_pattern(std::move(entry), findings);
      continue;
    }
    by_name_[name] = entries_.size();
    entries_.push_back(std::move(entry));
  }
  std::stable_sort(patterns_.begin(), patterns_.end(),
                   [](const CatalogEntry& a, const CatalogEntry& b) { return pattern_ranks_before(*a.pattern, *b.pattern); });
  // From 0.19.6 a second catch-all is an error; the first stays the user catch-all.
  if (version.at_least(0, 19, 6)) {
    const CatalogEntry* first_catch_all = nullptr;
    for (auto it = patterns_.begin(); it != patterns_.end();) {
      if (!it->pattern->is_catch_all()) {
        ++it;
        continue;
      }
      if (!first_catch_all) {
        first_catch_all = &*it;
        ++it;
        continue;
      }
      findings.push_back({std::string(kInvalidEntry), it->key_span,
                          "more than one catch-all pattern: `" + first_catch_all->name + "` and `" + it->name +
                              "`; Kedro raises \"Only one catch-all pattern is allowed\"",
                          {{first_catch_all->key_span, "the other catch-all pattern"}},
                          std::string("Keep a single pattern without literal characters.")});
      it = patterns_.erase(it);
    }
  }
}

void Catalog::add_pattern(CatalogEntry entry, std::vector<core::Finding>& findings) {
  std::string error;
  bool unsupported = false;
  auto compiled = FactoryPattern::compile(entry.name, error, &unsupported);
  if (!compiled) {
    if (unsupported) {
      findings.push_back({"KL010", entry.key_span,
                          "dataset factory pattern `" + entry.name + "` is not evaluated: " + error +
                              "; datasets it would match are treated as unmatched",
                          {}, std::string("Use an untyped placeholder or one of :d :w :W :s :S :l :D.")});
    } else {
      findings.push_back({std::string(kInvalidEntry), entry.key_span,
                          "dataset factory pattern `" + entry.name + "` is malformed: " + error, {}, std::nullopt});
    }
    return;
  }
  std::vector<const config::ConfigValue*> strings;
  strings_of(*entry.config, strings);
  bool ok = true;
  for (const auto* s : strings) {
    for (const auto& ph : find_placeholders(mask_interpolations(s->text).text)) {
      ok &= check_placeholder(entry, *compiled, *s, ph, findings);
    }
  }
  if (!ok) return;
  entry.pattern = std::move(*compiled);
  patterns_.push_back(std::move(entry));
}

const CatalogEntry* Catalog::explicit_entry(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

const CatalogEntry* Catalog::matching_pattern(std::string_view name) const {
  for (const auto& p : patterns_) {
    if (p.pattern->match(name)) return &p;
  }
  return nullptr;
}

bool Catalog::contains(std::string_view name) const {
  return explicit_entry(name) != nullptr || matching_pattern(name) != nullptr;
}

std::vector<std::string> Catalog::names() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.name);
  return out;
}

// Where the data is kept: the entry itself, or for a CachedDataset the dataset
// it wraps, which its save() writes through (kedro/io/cached_dataset.py).
void Catalog::describe_backing(ResolvedDataset& out, const config::ConfigValue& entry,
                               const std::map<std::string, std::string>& values,
                               const FactoryPattern* pattern) const {
  const config::ConfigValue* config = &entry;
  std::string type = out.type;
  DatasetType resolved = out.resolved;
  for (int depth = 0; depth < 8 && is_cached_dataset(resolved); ++depth) {
    const config::ConfigValue* inner = config->get("dataset");
    const config::ConfigValue* inner_type = inner && inner->is_map() ? inner->get("type") : nullptr;
    if (!inner_type || !inner_type->is_string() || inner_type->symbolic) break;
    config = inner;
    type = substitute(inner_type->text, values, pattern).value_or(inner_type->text);
    resolved = resolve_dataset_type(type, version_, project_class_);
  }
  out.backing_config = config;
  // The export follows Kedro: a CachedDataset is ephemeral (_EPHEMERAL) and
  // has no filepath of its own; `stored` says whether the data outlives the run.
  if (const config::ConfigValue* fp = entry.get("filepath"); fp && fp->is_scalar()) {
    out.filepath = substitute(fp->text, values, pattern).value_or(fp->text);
    out.filepath_symbolic = fp->symbolic;
  }
  out.persisted = !ephemeral_type_strings().count(out.type) && !out.resolved.ephemeral;
  out.stored = !ephemeral_type_strings().count(type) && !resolved.ephemeral;
  for (const char* key : {"filepath", "path", "filename"}) {
    if (const config::ConfigValue* v = config->get(key); v && v->is_scalar()) {
      out.stored_at = substitute(v->text, values, pattern).value_or(v->text);
      out.stored_at_symbolic = v->symbolic;
      break;
    }
  }
}

ResolvedDataset Catalog::resolve(const std::string& name) const {
  ResolvedDataset out;
  auto describe = [&](const CatalogEntry& e, const std::map<std::string, std::string>& values) {
    out.entry = &e;
    out.placeholders = values;
    out.type = substitute(e.type, values, e.pattern ? &*e.pattern : nullptr).value_or(e.type);
    out.resolved = out.type == e.type ? e.resolved : resolve_dataset_type(out.type, version_, project_class_);
    describe_backing(out, *e.config, values, e.pattern ? &*e.pattern : nullptr);
  };
  if (const CatalogEntry* e = explicit_entry(name)) {
    out.source = ResolvedDataset::Source::Catalog;
    describe(*e, {});
    return out;
  }
  for (const auto& p : patterns_) {
    if (auto values = p.pattern->match(name)) {
      out.source = ResolvedDataset::Source::Factory;
      describe(p, *values);
      return out;
    }
  }
  out.source = ResolvedDataset::Source::Default;
  // Kedro 0.17's runner creates kedro/io/memory_data_set.py's MemoryDataSet.
  const bool old_spelling = !version_.at_least(0, 18);
  out.type = old_spelling ? "kedro.io.MemoryDataSet" : "kedro.io.MemoryDataset";
  out.resolved.kind = DatasetType::Kind::KedroIo;
  out.resolved.qualified = old_spelling ? "kedro.io.memory_data_set.MemoryDataSet" : "kedro.io.memory_dataset.MemoryDataset";
  out.resolved.ephemeral = true;
  out.persisted = false;
  out.stored = false;
  return out;
}

}  // namespace kedrolint::model
