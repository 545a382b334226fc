#pragma once

namespace kedrolint::core {

/// Hands the free memory of every malloc arena back to the system: glibc's
/// malloc_trim, or a purge of every arena when the executable runs on
/// jemalloc (src/cli/allocator.cpp). Memory freed on one thread is kept by
/// that thread's arena, where another thread cannot reuse it: after a phase
/// whose threads freed much (the syntax trees, the YAML trees), this keeps it
/// from counting in the resident size of the phases that follow.
void return_free_memory();

/// Whether this process allocates with jemalloc; `kedrolint profile` reports
/// it, since the allocator changes the timings the benchmark compares.
bool jemalloc_in_use();

}  // namespace kedrolint::core
