#pragma once

namespace kedrolint::core {

/// Hands the free memory of every malloc arena back to the system: glibc's
/// malloc_trim, or a purge of every arena when the executable runs on
/// jemalloc (src/cli/allocator.cpp). Memory freed on one thread is kept by
/// that thread's arena, where another thread cannot reuse it: after a phase
/// whose threads freed much (the syntax trees, the YAML trees), this keeps it
/// from counting in the resident size of the phases that follow.
void return_free_memory();

/// While one is alive, jemalloc hands freed pages back to the system after
/// a few milliseconds instead of at once (src/cli/allocator.cpp); nothing
/// under glibc. The evaluation frees syntax trees on two threads, and handing
/// each freed run back at once is an madvise that interrupts the other core
/// to flush its TLB: a sixth of the evaluating thread's time at 10,000
/// nodes. The phases after it free little, and the run's peak is theirs, so
/// outside the evaluation pages go back at once. Several may be alive at
/// once (projects analysed in parallel): the last one to go restores the
/// delay there was before. A longer delay set through MALLOC_CONF is kept.
class FreedPagesKeptBriefly {
 public:
  FreedPagesKeptBriefly();
  ~FreedPagesKeptBriefly();
  FreedPagesKeptBriefly(const FreedPagesKeptBriefly&) = delete;
  FreedPagesKeptBriefly& operator=(const FreedPagesKeptBriefly&) = delete;
};

/// Whether this process allocates with jemalloc; `kedrolint profile` reports
/// it, since the allocator changes the timings the benchmark compares.
bool jemalloc_in_use();

}  // namespace kedrolint::core
