// Runs independent jobs, one per index, on a few threads: the caller's own and up to
// `threads - 1` more, each taking the next index as it finishes one. Results go into slots the
// caller sized beforehand, so their order does not depend on which thread ran which index.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace faultline {

/// Calls job(i) once for every i in [0, count). `job` must be safe to call from several threads
/// at once for different i.
template <typename Job>
void RunIndexed(size_t count, int threads, const Job& job) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) job(i);
  };
  size_t helpers = std::min<size_t>(threads > 1 ? threads - 1 : 0, count > 1 ? count - 1 : 0);
  std::vector<std::thread> pool;
  for (size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace faultline
