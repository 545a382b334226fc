#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "project/kedro_version.hpp"

namespace kedrolint::model {

/// Where a catalog `type:` string leads, following Kedro's `_load_obj`:
/// `kedro.io.` first, then `kedro_datasets.` (and `kedro.extras.datasets.` in
/// 0.18), then the string as a full path.
struct DatasetType {
  enum class Kind {
    KedroIo,        ///< MemoryDataset, SharedMemoryDataset, CachedDataset (and 0.18's extra ones)
    KedroDatasets,  ///< a kedro-datasets class
    Project,        ///< a class defined in the project's source
    External,       ///< a dotted path into another package: not verifiable statically
    Unknown,        ///< no candidate can exist: a typo, or a removed spelling
  };
  Kind kind = Kind::Unknown;
  std::string qualified;  ///< e.g. kedro_datasets.pandas.csv_dataset.CSVDataset
  bool ephemeral = false;  ///< not persisted: data lives in memory only
  std::vector<std::string> suggestions;
  std::string reason;  ///< for Unknown: why
};

/// `project_class(dotted)` answers whether the project defines that class and
/// whether it declares itself ephemeral (`_EPHEMERAL = True`).
struct ProjectClass {
  bool found = false;
  bool ephemeral = false;
};
using ProjectClassLookup = std::function<std::optional<ProjectClass>(const std::string& module, const std::string& cls)>;

DatasetType resolve_dataset_type(const std::string& type, const project::KedroVersion& version,
                                 const ProjectClassLookup& project_class);

/// Every `package.Class` kedro-datasets offers in this Kedro version's spelling.
std::vector<std::string> known_dataset_types(const project::KedroVersion& version);

}  // namespace kedrolint::model
