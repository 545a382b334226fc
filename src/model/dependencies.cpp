#include "model/dependencies.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace kedrolint::model {
namespace {

constexpr const char* kStdlib[] = {
#include "model/python_stdlib.inc"
};

struct ImportDistribution {
  const char* import_name;
  const char* distribution;
};
constexpr ImportDistribution kImportDistributions[] = {
#include "model/import_distributions.inc"
};

struct DatasetImports {
  const char* dataset;  ///< `package.Class`, or `package.` for the rest of the package
  std::vector<const char*> imports;
};
const std::vector<DatasetImports>& dataset_imports() {
  static const std::vector<DatasetImports> table = {
#include "model/dataset_imports.inc"
  };
  return table;
}

std::string top_level(std::string_view dotted) { return std::string(dotted.substr(0, dotted.find('.'))); }

// fsspec protocols whose implementation is a separate distribution.
std::string storage_import(const std::string& filepath) {
  const auto scheme = filepath.find("://");
  if (scheme == std::string::npos) return {};
  const std::string protocol = filepath.substr(0, scheme);
  if (protocol == "s3" || protocol == "s3a" || protocol == "s3n") return "s3fs";
  if (protocol == "gs" || protocol == "gcs") return "gcsfs";
  if (protocol == "abfs" || protocol == "abfss" || protocol == "az") return "adlfs";
  return {};
}

struct Collector {
  const Project& project;
  std::set<std::string> project_tops;
  std::map<std::string, ImportNeed> needs;
  std::set<std::string> modules;
  std::vector<std::string> pending;
  bool complete = true;

  explicit Collector(const Project& p) : project(p) {
    for (const auto& [name, m] : p.module_imports) project_tops.insert(top_level(name));
    if (!p.layout.package_name.empty()) project_tops.insert(p.layout.package_name);
  }

  ImportNeed& need(const std::string& name) {
    ImportNeed& n = needs[name];
    n.name = name;
    return n;
  }

  // Importing `a.b.c` runs `a`, `a.b` and `a.b.c`.
  void load(const std::string& module) {
    std::string prefix;
    for (const auto& part : core::split(module, '.')) {
      prefix = prefix.empty() ? part : prefix + "." + part;
      if (project.module_imports.count(prefix) && modules.insert(prefix).second) pending.push_back(prefix);
    }
  }

  void follow(const std::string& module) {
    for (const auto& imp : project.module_imports.at(module).imports) {
      if (imp.type_checking) continue;
      const std::string top = top_level(imp.module);
      if (project_tops.count(top)) {
        load(imp.module);
        for (const auto& sub : imp.submodules) {
          if (project.module_imports.count(sub)) load(sub);
        }
        continue;
      }
      if (is_stdlib_module(top)) continue;
      ImportNeed& n = need(top);
      n.modules.insert(module);
      if (!imp.optional) n.optional = false;
    }
  }

  void node_function(const Node& node) {
    const FuncInfo& f = *node.func;
    if (f.module.empty()) {
      complete = false;
    } else if (f.external) {
      const std::string top = top_level(f.module);
      if (project_tops.count(top)) {
        load(f.module);
      } else if (!is_stdlib_module(top)) {
        ImportNeed& n = need(top);
        n.functions.insert(f.module + "." + (f.qualname.empty() ? f.name : f.qualname));
        n.optional = false;
      }
    } else {
      load(f.module);
    }
  }

  void dataset_class(const std::string& name, const ResolvedDataset& d) {
    const std::string& q = d.resolved.qualified;
    auto add = [&](const std::string& import_name) {
      ImportNeed& n = need(import_name);
      n.datasets.insert(name);
      n.optional = false;
    };
    switch (d.resolved.kind) {
      case DatasetType::Kind::KedroDatasets: {
        // kedro_datasets.<package>.<module>.<Class>, or 0.18's kedro.extras.datasets.<package>...
        const auto parts = core::split(q, '.');
        const bool extras = q.rfind("kedro.extras.", 0) == 0;
        const std::string package = parts.size() > (extras ? 3u : 1u) ? parts[extras ? 3 : 1] : std::string();
        std::string cls = parts.back();
        if (const auto at = cls.rfind("DataSet"); at != std::string::npos) cls.replace(at, 7, "Dataset");
        add(extras ? "kedro" : "kedro_datasets");
        for (const auto& entry : dataset_imports()) {
          const std::string key = entry.dataset;
          if (key == package + "." + cls || key == package + ".") {
            for (const char* lib : entry.imports) add(lib);
            break;
          }
        }
        break;
      }
      case DatasetType::Kind::Project: load(q.substr(0, q.rfind('.'))); break;
      case DatasetType::Kind::External:
        if (!is_stdlib_module(top_level(q))) add(top_level(q));
        break;
      default: break;
    }
    if (d.filepath) {
      const std::string storage = storage_import(*d.filepath);
      if (!storage.empty()) add(storage);
    }
  }
};

// kedro-datasets extras are named `<package>` (all its classes) and
// `<package>-<class in lower case>`: `pandas-parquetdataset` installs pandas
// and pyarrow.
bool extra_installs(const std::string& extra, const std::string& import_name) {
  for (const auto& entry : dataset_imports()) {
    if (std::find(entry.imports.begin(), entry.imports.end(), import_name) == entry.imports.end()) continue;
    const std::string key = entry.dataset;
    const std::string package = key.substr(0, key.find('.'));
    const std::string cls = key.substr(key.find('.') + 1);
    if (extra == package) return true;
    if (cls.empty() ? extra.rfind(package + "-", 0) == 0 : extra == normalize_distribution(package + "-" + cls)) {
      return true;
    }
  }
  return false;
}

bool provides(const Requirement& r, const std::string& distribution) {
  if (distribution.size() > 2 && distribution.compare(distribution.size() - 2, 2, "-*") == 0) {
    return r.normalized.rfind(distribution.substr(0, distribution.size() - 1), 0) == 0;
  }
  return r.normalized == distribution;
}

const Requirement* match(const ImportNeed& n, const std::vector<Requirement>& declared) {
  for (const auto& d : n.distributions) {
    for (const auto& r : declared) {
      if (provides(r, d)) return &r;
    }
  }
  for (const auto& r : declared) {
    if (r.normalized != "kedro-datasets") continue;
    for (const auto& extra : r.extras) {
      if (extra_installs(extra, n.name)) return &r;
    }
  }
  return nullptr;
}

}  // namespace

bool is_stdlib_module(std::string_view top) {
  return std::any_of(std::begin(kStdlib), std::end(kStdlib), [&](const char* s) { return top == s; });
}

std::vector<std::string> distributions_for_import(std::string_view top) {
  std::vector<std::string> out;
  for (const auto& e : kImportDistributions) {
    if (top == e.import_name) out.emplace_back(e.distribution);
  }
  const std::string own = normalize_distribution(top);
  if (std::find(out.begin(), out.end(), own) == out.end()) out.push_back(own);
  return out;
}

Dependencies dependencies_of(const Project& project, const std::vector<NodePtr>& nodes,
                             const std::vector<Requirement>& declared) {
  Collector c(project);
  // `kedro run` imports kedro and the project's settings.py for every pipeline.
  ImportNeed& kedro = c.need("kedro");
  kedro.implicit = true;
  kedro.optional = false;
  c.load(project.layout.package_name + ".settings");
  for (const auto& n : nodes) c.node_function(*n);
  for (const auto& name : all_datasets(nodes)) {
    if (name == "parameters" || name.rfind("params:", 0) == 0) continue;
    if (auto it = project.datasets.find(name); it != project.datasets.end()) c.dataset_class(name, it->second);
  }
  while (!c.pending.empty()) {
    const std::string module = c.pending.back();
    c.pending.pop_back();
    c.follow(module);
  }
  Dependencies out;
  out.complete = c.complete;
  out.modules = c.modules;
  std::set<const Requirement*> used;
  for (auto& [name, n] : c.needs) {
    n.distributions = distributions_for_import(name);
    n.requirement = match(n, declared);
    if (n.requirement && !n.optional) used.insert(n.requirement);
    out.imports.push_back(std::move(n));
  }
  for (const auto& r : declared) {
    if (used.count(&r)) out.requirements.push_back(&r);
  }
  return out;
}

std::vector<const Requirement*> unused_requirements(const std::vector<Requirement>& declared,
                                                    const std::vector<Dependencies>& needed) {
  std::set<const Requirement*> used;
  for (const auto& d : needed) {
    for (const auto& n : d.imports) {
      if (n.requirement) used.insert(n.requirement);
    }
  }
  std::vector<const Requirement*> out;
  for (const auto& r : declared) {
    if (!used.count(&r)) out.push_back(&r);
  }
  return out;
}

}  // namespace kedrolint::model
