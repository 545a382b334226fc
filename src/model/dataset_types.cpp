#include "model/dataset_types.hpp"

#include <map>
#include <set>

#include "core/text.hpp"

namespace kedrolint::model {
namespace {

struct ClassEntry {
  const char* short_name;
  const char* module;
};
constexpr ClassEntry kClasses[] = {
#include "model/dataset_classes.inc"
};

const std::map<std::string, std::string>& by_short_name() {
  static const std::map<std::string, std::string> table = [] {
    std::map<std::string, std::string> m;
    for (const auto& c : kClasses) {
      const std::string s(c.short_name);
      const auto dot = s.find('.');
      m[s] = "kedro_datasets." + s.substr(0, dot) + "." + c.module + "." + s.substr(dot + 1);
    }
    return m;
  }();
  return table;
}

const std::set<std::string>& packages() {
  static const std::set<std::string> out = [] {
    std::set<std::string> names;
    for (const auto& c : kClasses) {
      const std::string s(c.short_name);
      names.insert(s.substr(0, s.find('.')));
    }
    return names;
  }();
  return out;
}

// "CSVDataSet" -> "CSVDataset" and back.
std::string respell(const std::string& cls, bool to_old) {
  const std::string from = to_old ? "Dataset" : "DataSet", to = to_old ? "DataSet" : "Dataset";
  if (cls.size() >= from.size() && cls.compare(cls.size() - from.size(), from.size(), from) == 0) {
    return cls.substr(0, cls.size() - from.size()) + to;
  }
  return cls;
}

struct IoClass {
  const char* name;
  const char* qualified;
  bool ephemeral;
};

std::vector<IoClass> kedro_io_classes(const project::KedroVersion& v) {
  std::vector<IoClass> out = {
      {"MemoryDataset", "kedro.io.memory_dataset.MemoryDataset", true},
      {"SharedMemoryDataset", "kedro.io.shared_memory_dataset.SharedMemoryDataset", true},
      {"CachedDataset", "kedro.io.cached_dataset.CachedDataset", true},
  };
  if (!v.at_least(0, 19)) {
    out.push_back({"MemoryDataSet", "kedro.io.memory_dataset.MemoryDataSet", true});
    out.push_back({"CachedDataSet", "kedro.io.cached_dataset.CachedDataSet", true});
    out.push_back({"PartitionedDataSet", "kedro.io.partitioned_dataset.PartitionedDataSet", false});
    out.push_back({"IncrementalDataSet", "kedro.io.partitioned_dataset.IncrementalDataSet", false});
    out.push_back({"PartitionedDataset", "kedro.io.partitioned_dataset.PartitionedDataset", false});
    out.push_back({"IncrementalDataset", "kedro.io.partitioned_dataset.IncrementalDataset", false});
    out.push_back({"LambdaDataSet", "kedro.io.lambda_dataset.LambdaDataSet", false});
    out.push_back({"LambdaDataset", "kedro.io.lambda_dataset.LambdaDataset", false});
  } else if (!v.is_1x()) {
    out.push_back({"LambdaDataset", "kedro.io.lambda_dataset.LambdaDataset", false});
  }
  return out;
}

}  // namespace

std::vector<std::string> known_dataset_types(const project::KedroVersion& version) {
  std::vector<std::string> out;
  const bool old = !version.at_least(0, 19);
  for (const auto& [s, q] : by_short_name()) out.push_back(old ? respell(s, true) : s);
  for (const auto& c : kedro_io_classes(version)) out.emplace_back(c.name);
  return out;
}

DatasetType resolve_dataset_type(const std::string& type, const project::KedroVersion& version,
                                 const ProjectClassLookup& project_class) {
  DatasetType out;
  if (type.empty() || type.front() == '.' || type.back() == '.') {
    out.reason = "'type' class path does not support relative paths or paths ending with a dot";
    return out;
  }
  const bool old = !version.at_least(0, 19);
  // 1. kedro.io.<type>
  for (const auto& c : kedro_io_classes(version)) {
    if (type == c.name || type == std::string("kedro.io.") + c.name) {
      out.kind = DatasetType::Kind::KedroIo;
      out.qualified = c.qualified;
      out.ephemeral = c.ephemeral;
      return out;
    }
  }
  // 2. kedro_datasets.<type> (and kedro.extras.datasets.<type> in 0.18)
  std::string rest = type;
  for (const char* prefix : {"kedro_datasets.", "kedro.extras.datasets."}) {
    if (rest.rfind(prefix, 0) == 0) rest = rest.substr(std::string(prefix).size());
  }
  const auto dot = rest.find('.');
  const std::string package = dot == std::string::npos ? std::string() : rest.substr(0, dot);
  const std::string cls = dot == std::string::npos ? rest : rest.substr(rest.rfind('.') + 1);
  const auto& table = by_short_name();
  if (!package.empty() && rest.find('.', dot + 1) == std::string::npos) {
    // Both spellings exist in 0.18's ecosystem; only "Dataset" from 0.19.
    const std::string canonical = package + "." + respell(cls, false);
    auto it = table.find(canonical);
    const bool spelled_old = respell(cls, false) != cls;
    if (it != table.end() && (!spelled_old || old)) {
      out.kind = DatasetType::Kind::KedroDatasets;
      out.qualified = spelled_old ? respell(it->second, true) : it->second;
      return out;
    }
    if (packages().count(package)) {
      out.reason = it != table.end() ? "kedro-datasets 2.0 and later spell it `" + canonical +
                                           "` (lowercase `s`); the `DataSet` spelling no longer exists"
                                     : "kedro-datasets has no `" + cls + "` in `" + package + "`";
      out.suggestions = core::close_matches(type, known_dataset_types(version), 3);
      return out;
    }
  }
  // 3. The full path: a project class, or another package.
  if (type.find('.') != std::string::npos) {
    const std::string module = type.substr(0, type.rfind('.'));
    const std::string name = type.substr(type.rfind('.') + 1);
    if (auto found = project_class(module, name)) {
      if (found->found) {
        out.kind = DatasetType::Kind::Project;
        out.qualified = type;
        out.ephemeral = found->ephemeral;
        return out;
      }
      out.reason = "the project module `" + module + "` defines no class `" + name + "`";
      return out;
    }
    const std::string head = type.substr(0, type.find('.'));
    const auto close_packages = core::close_matches(head, std::vector<std::string>(packages().begin(), packages().end()), 1, 0.8);
    if (!close_packages.empty() && type.find('.') == type.rfind('.')) {
      out.reason = "no kedro-datasets package is called `" + head + "`";
      out.suggestions = core::close_matches(type, known_dataset_types(version), 3);
      return out;
    }
    out.kind = DatasetType::Kind::External;
    out.qualified = type;
    return out;
  }
  out.reason = "`" + type + "` is neither a `kedro.io` class nor a kedro-datasets `package.Class`";
  out.suggestions = core::close_matches(type, known_dataset_types(version), 3);
  if (out.suggestions.empty()) {
    // "CSVDataset" alone: suggest every package that has it.
    for (const auto& known : known_dataset_types(version)) {
      if (known.size() > type.size() && known.compare(known.size() - type.size(), type.size(), type) == 0 &&
          known[known.size() - type.size() - 1] == '.') {
        out.suggestions.push_back(known);
      }
    }
  }
  return out;
}

}  // namespace kedrolint::model
