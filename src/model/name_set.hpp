#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace kedrolint::model {

/// A sorted set of dataset names that point into the nodes of a pipeline.
/// Every registered pipeline keeps three of these (free inputs, free
/// outputs, datasets): as views they take 16 bytes a name, where a
/// std::set<std::string> took about 130. Valid as long as the nodes they
/// were taken from, which the pipeline owns and never changes.
class NameSet {
 public:
  using const_iterator = std::vector<std::string_view>::const_iterator;

  NameSet() = default;
  /// Sorts and removes duplicates.
  explicit NameSet(std::vector<std::string_view> names) : names_(std::move(names)) {
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
    names_.shrink_to_fit();  // names read by several nodes came in several times
  }

  [[nodiscard]] bool contains(std::string_view name) const {
    return std::binary_search(names_.begin(), names_.end(), name);
  }
  [[nodiscard]] std::size_t count(std::string_view name) const { return contains(name) ? 1 : 0; }
  [[nodiscard]] const_iterator begin() const { return names_.begin(); }
  [[nodiscard]] const_iterator end() const { return names_.end(); }
  [[nodiscard]] std::size_t size() const { return names_.size(); }
  [[nodiscard]] bool empty() const { return names_.empty(); }

 private:
  std::vector<std::string_view> names_;
};

}  // namespace kedrolint::model
