#include "report/kedro_viz_values.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "core/text.hpp"
#include "model/naming.hpp"
#include "python/strings.hpp"

namespace kedrolint::report::viz {
namespace {
namespace fs = std::filesystem;

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The project root as Kedro sees it: absolute, without a trailing slash.
fs::path absolute_root(const model::Project& project) {
  fs::path root = fs::absolute(project.layout.root).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();
  return root;
}

const model::ResolvedDataset* resolved(const model::Project& project, const std::string& dataset) {
  auto it = project.datasets.find(dataset);
  return it == project.datasets.end() ? nullptr : &it->second;
}

// Kedro's dataset factory substitution (str.format_map on the field values).
std::string fill_placeholders(const std::string& text, const model::ResolvedDataset& d) {
  if (d.placeholders.empty() || text.find('}') == std::string::npos) return text;
  std::vector<std::pair<std::string, python::Value>> kwargs;
  for (const auto& [k, v] : d.placeholders) kwargs.emplace_back(k, python::Value(v));
  return python::str_format(text, {}, kwargs).value_or(text);
}

Json scalar_json(const config::ConfigValue& v) {
  switch (v.kind) {
    case config::ConfigValue::Kind::Null: return nullptr;
    case config::ConfigValue::Kind::Bool: return v.text == "True";
    case config::ConfigValue::Kind::Int: {
      errno = 0;
      const long long n = std::strtoll(v.text.c_str(), nullptr, 10);
      return errno == ERANGE ? Json(v.text) : Json(n);
    }
    case config::ConfigValue::Kind::Float: {
      // orjson writes NaN and infinities as null.
      const double d = std::strtod(v.text.c_str(), nullptr);
      return std::isfinite(d) ? Json(d) : Json(nullptr);
    }
    default: return v.text;
  }
}

// `params:a.b.c`: Kedro adds a dataset for every key path through nested
// dicts (kedro/framework/context/context.py `_get_parameters`).
const config::ConfigValue* find_parameter(const config::ConfigValue& map, std::string_view path) {
  if (!map.is_map()) return nullptr;
  for (const auto& [key, value] : map.entries) {
    if (path == key) return value.get();
    if (path.size() > key.size() && path.substr(0, key.size()) == key && path[key.size()] == '.') {
      if (const auto* found = find_parameter(*value, path.substr(key.size() + 1))) return found;
    }
  }
  return nullptr;
}

// The last two parts of a module path and the class (`get_dataset_type`).
std::string abbreviated(const std::string& qualified) {
  const auto dot = qualified.rfind('.');
  if (dot == std::string::npos) return qualified;
  const auto parts = core::split(qualified.substr(0, dot), '.');
  std::string module = parts.size() >= 2 ? parts[parts.size() - 2] + "." + parts.back() : parts.back();
  return module + qualified.substr(dot);
}

bool is_relative_path(const std::string& path) {
  if (path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':') return false;
  if (path.rfind("\\\\", 0) == 0) return false;
  if (path.find("://") != std::string::npos) return false;
  return path.empty() || path.front() != '/';
}

// PurePosixPath(path): collapses `//` and `.` parts and drops a trailing `/`.
std::string pure_posix(const std::string& path) {
  std::string out = path.rfind("//", 0) == 0 && path.rfind("///", 0) != 0 ? "//" : (path.rfind('/', 0) == 0 ? "/" : "");
  bool first = true;
  for (const auto& part : core::split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (!first) out += '/';
    out += part;
    first = false;
  }
  return out.empty() ? "." : out;
}

}  // namespace

std::string viz_hash(std::string_view text) { return model::sha1_hex(text).substr(0, 8); }

std::string dataset_id(std::string_view name) { return viz_hash(model::strip_transcoding(name)); }

bool is_parameter(std::string_view name) {
  return lower(std::string(name.substr(0, 7))) == "params:" || name == "parameters";
}

Json config_json(const config::ConfigValue& value) {
  if (value.kind == config::ConfigValue::Kind::Map) {
    Json out = Json::object();
    for (const auto& [k, v] : value.entries) out[k] = config_json(*v);
    return out;
  }
  if (value.kind == config::ConfigValue::Kind::List) {
    Json out = Json::array();
    for (const auto& v : value.items) out.push_back(config_json(*v));
    return out;
  }
  return scalar_json(value);
}

Json parameter_value(const model::Project& project, const std::string& dataset) {
  if (!project.parameters) return nullptr;
  if (dataset == "parameters") return config_json(*project.parameters);
  const auto* found = find_parameter(*project.parameters, std::string_view(dataset).substr(7));
  return found ? config_json(*found) : Json(nullptr);
}

std::string dataset_type(const model::Project& project, const std::string& dataset) {
  const auto* d = resolved(project, dataset);
  if (!d) return "io.memory_dataset.MemoryDataset";
  if (d->resolved.kind == model::DatasetType::Kind::Unknown || d->resolved.qualified.empty()) {
    return "integrations.utils.UnavailableDataset";
  }
  return abbreviated(d->resolved.qualified);
}

std::map<std::string, Json> dataset_layers(const model::Project& project) {
  std::map<std::string, Json> out;
  for (const auto& [name, d] : project.datasets) {
    if (!d.entry || !d.entry->config) continue;
    const auto* metadata = d.entry->config->get("metadata");
    const auto* viz = metadata ? metadata->get("kedro-viz") : nullptr;
    const auto* value = viz ? viz->get("layer") : nullptr;
    if (!value) continue;
    out[std::string(model::strip_transcoding(name))] =
        value->is_string() ? Json(fill_placeholders(value->text, d)) : config_json(*value);
  }
  return out;
}

std::optional<std::string> dataset_filepath(const model::Project& project, const std::string& dataset) {
  const auto* d = resolved(project, dataset);
  if (!d || !d->entry || !d->entry->config) return std::nullopt;
  const config::ConfigValue* value = d->entry->config->get("filepath");
  if (!value || !value->is_scalar()) value = d->entry->config->get("path");
  if (!value || !value->is_scalar() || value->kind == config::ConfigValue::Kind::Null) return std::nullopt;
  std::string path = fill_placeholders(value->text, *d);
  if (is_relative_path(path)) path = (absolute_root(project) / path).generic_string();
  // fsspec's get_protocol_and_path keeps http(s) URLs whole.
  if (const auto scheme = path.find("://"); scheme != std::string::npos) {
    const std::string protocol = lower(path.substr(0, scheme));
    if (protocol == "http" || protocol == "https") return path;
    path = path.substr(scheme + 3);
  }
  return pure_posix(path);
}

Json function_code(const model::Project& project, const model::FuncInfo& func) {
  if (func.is_partial || func.external || !func.source_span.valid()) return nullptr;
  const auto& file = project.sources->get(func.source_span.file);
  const std::string_view text = file.text();
  // Whole lines, as inspect.getsource returns them.
  std::size_t begin = text.rfind('\n', func.source_span.begin == 0 ? 0 : func.source_span.begin - 1);
  begin = begin == std::string_view::npos || func.source_span.begin == 0 ? 0 : begin + 1;
  std::size_t end = text.find('\n', func.source_span.end);
  end = end == std::string_view::npos ? text.size() : end + 1;
  std::string code(text.substr(begin, end - begin));
  if (!code.empty() && code.back() != '\n') code += '\n';
  return code;
}

Json function_file(const model::Project& project, const model::FuncInfo& func) {
  if (func.is_partial || func.external || !func.object_span.valid()) return nullptr;
  const fs::path path = fs::absolute(project.sources->get(func.object_span.file).path()).lexically_normal();
  const auto relative = path.lexically_relative(absolute_root(project).parent_path());
  return relative.empty() ? Json(path.generic_string()) : Json(relative.generic_string());
}

}  // namespace kedrolint::report::viz
