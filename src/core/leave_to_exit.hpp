#pragma once
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace kedrolint::core {

/// Keeps `value` until the process ends and never destroys it: the system
/// takes the memory back at once, where destroying a large model at the end
/// of a one-shot run frees every node, string and map one by one (about
/// 60 ms of a 10,000-node `check`). Only for what a process builds a bounded
/// number of times, such as the one project's model of `kedrolint check`.
/// It stays reachable, so leak checkers do not report it.
template <class T>
void leave_to_exit(T&& value) {
  static std::mutex mutex;
  static auto* kept = new std::vector<std::shared_ptr<void>>();  // never deleted, on purpose
  auto held = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  const std::lock_guard lock(mutex);
  kept->push_back(std::move(held));
}

}  // namespace kedrolint::core
