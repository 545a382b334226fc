#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kedrolint::core {

/// Calls fn(i) for i in [0, count) on up to `jobs` threads. fn must be
/// thread-safe; results go into per-index slots.
template <typename Fn>
void parallel_for(std::size_t count, std::size_t jobs, Fn&& fn) {
  jobs = std::max<std::size_t>(1, std::min(jobs, count));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

inline std::size_t default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace kedrolint::core
