#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "model/catalog.hpp"

namespace kedrolint::model {

/// How each dataset name is backed at run time, read like a
/// `std::map<std::string, ResolvedDataset>`. Datasets that nothing in the
/// catalog names (Kedro's MemoryDataset default, most of a large project's
/// datasets) all share one ResolvedDataset, where each took about 500 bytes.
class DatasetTable {
  using Map = std::map<std::string, std::shared_ptr<const ResolvedDataset>, std::less<>>;

 public:
  using value_type = std::pair<const std::string&, const ResolvedDataset&>;

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
  [[nodiscard]] const_iterator find(std::string_view name) const { return const_iterator(map_.find(name)); }
  [[nodiscard]] std::size_t count(std::string_view name) const { return map_.count(name); }
  [[nodiscard]] std::size_t size() const { return map_.size(); }
  [[nodiscard]] bool empty() const { return map_.empty(); }
  [[nodiscard]] const ResolvedDataset& at(std::string_view name) const {
    auto it = map_.find(name);
    if (it == map_.end()) throw std::out_of_range("no resolved dataset " + std::string(name));
    return *it->second;
  }

  /// Adds `name` unless present. Default-backed datasets share one
  /// description: it depends only on the Kedro version, one per catalog.
  void add(std::string name, ResolvedDataset dataset) {
    auto shared = dataset.source == ResolvedDataset::Source::Default && shared_default_matches(dataset)
                      ? shared_default_
                      : std::make_shared<const ResolvedDataset>(std::move(dataset));
    if (!shared_default_ && shared->source == ResolvedDataset::Source::Default) shared_default_ = shared;
    map_.try_emplace(std::move(name), std::move(shared));
  }
  /// Replaces `name`'s entry (tests build tables by hand).
  void set(const std::string& name, ResolvedDataset dataset) {
    map_.insert_or_assign(name, std::make_shared<const ResolvedDataset>(std::move(dataset)));
  }

 private:
  Map map_;
  std::shared_ptr<const ResolvedDataset> shared_default_;

  [[nodiscard]] bool shared_default_matches(const ResolvedDataset& d) const {
    return shared_default_ && shared_default_->type == d.type;
  }
};

}  // namespace kedrolint::model
