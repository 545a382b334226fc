#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config_value.hpp"
#include "core/diagnostic.hpp"
#include "model/dataset_types.hpp"
#include "model/factory_pattern.hpp"

namespace kedrolint::model {

/// One catalog entry (explicit or a factory pattern), as written after config
/// loading: interpolations resolved, `_` keys gone.
struct CatalogEntry {
  std::string name;  ///< the key; a pattern for factories
  config::ConfigPtr config;
  core::Span key_span;
  std::string type;  ///< as written
  core::Span type_span;
  DatasetType resolved;
  std::optional<FactoryPattern> pattern;  ///< set for factory entries
};

/// How Kedro backs one dataset name at run time.
struct ResolvedDataset {
  enum class Source { Catalog, Factory, Default };
  Source source = Source::Default;
  const CatalogEntry* entry = nullptr;  ///< the explicit entry or the matching pattern
  std::string type;                     ///< as written (placeholders substituted), or kedro.io.MemoryDataset
  std::optional<std::string> filepath;  ///< with placeholders substituted; interpolations as written
  bool filepath_symbolic = false;
  bool persisted = false;  ///< as Kedro defines it (not an ephemeral class)
  /// The data is written somewhere: persisted, or a CachedDataset that saves
  /// through a persisted dataset (kedro/io/cached_dataset.py).
  bool stored = false;
  /// Where it is written: the `filepath`, `path` or `filename` of the
  /// backing configuration, placeholders substituted.
  std::optional<std::string> stored_at;
  bool stored_at_symbolic = false;
  /// The configuration of the dataset that stores the data: the entry's, or
  /// for a CachedDataset the `dataset:` it wraps; null for the default.
  const config::ConfigValue* backing_config = nullptr;
  DatasetType resolved;
  std::map<std::string, std::string> placeholders;  ///< factory field values
};

std::string_view to_string(ResolvedDataset::Source s);

/// `kedro.io.CachedDataset`, which keeps data in memory and also saves it
/// through the dataset it wraps.
bool is_cached_dataset(const DatasetType& type);

/// The data catalog Kedro builds from the merged `catalog` configuration
/// (kedro/io/catalog_config_resolver.py): explicit entries, dataset factory
/// patterns ranked by specificity, the user catch-all, and the runtime
/// default (MemoryDataset) for everything else.
class Catalog {
 public:
  /// Builds the catalog; malformed entries become KL310 findings.
  Catalog(const config::ConfigPtr& catalog, const project::KedroVersion& version,
          const ProjectClassLookup& project_class, std::vector<core::Finding>& findings);

  [[nodiscard]] ResolvedDataset resolve(const std::string& name) const;
  /// `name in catalog`: explicit, matched by a pattern or by the user catch-all.
  [[nodiscard]] bool contains(std::string_view name) const;
  [[nodiscard]] const CatalogEntry* explicit_entry(std::string_view name) const;
  /// The pattern that resolves `name` (the best-ranked match), if any.
  [[nodiscard]] const CatalogEntry* matching_pattern(std::string_view name) const;

  [[nodiscard]] const std::vector<CatalogEntry>& entries() const { return entries_; }
  /// Patterns in Kedro's match order, the user catch-all last.
  [[nodiscard]] const std::vector<CatalogEntry>& patterns() const { return patterns_; }
  [[nodiscard]] std::vector<std::string> names() const;
  /// A malformed entry of this name was dropped (KL310): Kedro refuses the
  /// whole catalog, so rules about the name's dataset have nothing to say.
  [[nodiscard]] bool has_invalid_entry(std::string_view name) const { return invalid_.count(name) > 0; }

 private:
  std::set<std::string, std::less<>> invalid_;
  std::vector<CatalogEntry> entries_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::vector<CatalogEntry> patterns_;
  project::KedroVersion version_;
  ProjectClassLookup project_class_;

  void add_pattern(CatalogEntry entry, std::vector<core::Finding>& findings);
  void describe_backing(ResolvedDataset& out, const config::ConfigValue& entry,
                        const std::map<std::string, std::string>& values, const FactoryPattern* pattern) const;
};

}  // namespace kedrolint::model
