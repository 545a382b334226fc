#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "model/catalog.hpp"

namespace kedrolint::model {

/// How each dataset name is backed at run time, read like a
/// `std::map<std::string, ResolvedDataset>`. Datasets that nothing in the
/// catalog names (Kedro's MemoryDataset default, most of a large project's
/// datasets) all share one ResolvedDataset, where each took about 500 bytes.
/// Lookups go through a hash index: names share long prefixes
/// (`namespace.sub.`), so each step down the ordered map was a long memcmp,
/// and the catalog and the rules look up every dataset of every node.
class DatasetTable {
  using Map = std::map<std::string, std::shared_ptr<const ResolvedDataset>, std::less<>>;

 public:
  using value_type = std::pair<const std::string&, const ResolvedDataset&>;

  DatasetTable() = default;
  // A copy indexes its own map; a move takes the nodes, which the index names.
  DatasetTable(const DatasetTable& other) : map_(other.map_), shared_default_(other.shared_default_) { reindex(); }
  DatasetTable& operator=(const DatasetTable& other) {
    if (this != &other) {
      map_ = other.map_;
      shared_default_ = other.shared_default_;
      reindex();
    }
    return *this;
  }
  DatasetTable(DatasetTable&&) noexcept = default;
  DatasetTable& operator=(DatasetTable&&) noexcept = default;
  ~DatasetTable() = default;

  class const_iterator {
   public:
    struct Arrow {
      value_type entry;
      const value_type* operator->() const { return &entry; }
    };
    const_iterator() = default;
    explicit const_iterator(Map::const_iterator it) : it_(it) {}
    value_type operator*() const { return {it_->first, *it_->second}; }
    Arrow operator->() const { return {**this}; }
    const_iterator& operator++() {
      ++it_;
      return *this;
    }
    friend bool operator==(const const_iterator&, const const_iterator&) = default;

   private:
    Map::const_iterator it_;
  };

  [[nodiscard]] const_iterator begin() const { return const_iterator(map_.begin()); }
  [[nodiscard]] const_iterator end() const { return const_iterator(map_.end()); }
  [[nodiscard]] const_iterator find(std::string_view name) const {
    auto it = index_.find(name);
    return const_iterator(it == index_.end() ? map_.end() : it->second);
  }
  [[nodiscard]] std::size_t count(std::string_view name) const { return index_.count(name); }
  [[nodiscard]] std::size_t size() const { return map_.size(); }
  [[nodiscard]] bool empty() const { return map_.empty(); }
  [[nodiscard]] const ResolvedDataset& at(std::string_view name) const {
    auto it = index_.find(name);
    if (it == index_.end()) throw std::out_of_range("no resolved dataset " + std::string(name));
    return *it->second->second;
  }

  /// Adds `name` unless present. Default-backed datasets share one
  /// description: it depends only on the Kedro version, one per catalog.
  void add(std::string name, ResolvedDataset dataset) {
    auto shared = dataset.source == ResolvedDataset::Source::Default && shared_default_matches(dataset)
                      ? shared_default_
                      : std::make_shared<const ResolvedDataset>(std::move(dataset));
    if (!shared_default_ && shared->source == ResolvedDataset::Source::Default) shared_default_ = shared;
    if (auto [it, added] = map_.try_emplace(std::move(name), std::move(shared)); added) index_.emplace(it->first, it);
  }
  /// Replaces `name`'s entry (tests build tables by hand).
  void set(const std::string& name, ResolvedDataset dataset) {
    auto [it, added] = map_.insert_or_assign(name, std::make_shared<const ResolvedDataset>(std::move(dataset)));
    if (added) index_.emplace(it->first, it);
  }

 private:
  Map map_;
  // Views of map_'s keys: a map node, and so its key, never moves.
  std::unordered_map<std::string_view, Map::const_iterator> index_;
  std::shared_ptr<const ResolvedDataset> shared_default_;

  void reindex() {
    index_.clear();
    for (auto it = map_.begin(); it != map_.end(); ++it) index_.emplace(it->first, it);
  }
  [[nodiscard]] bool shared_default_matches(const ResolvedDataset& d) const {
    return shared_default_ && shared_default_->type == d.type;
  }
};

}  // namespace kedrolint::model
