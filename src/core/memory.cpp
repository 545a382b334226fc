#include "core/memory.hpp"

#include <cstddef>
#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// jemalloc's control interface. Weak, so that the libraries and the tests,
// which run on the system allocator, link without jemalloc; only the
// kedrolint executable links it (src/cli/allocator.cpp).
extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_length, void* new_value,
                       std::size_t new_length) __attribute__((weak));

namespace kedrolint::core {

bool jemalloc_in_use() { return mallctl != nullptr; }

void return_free_memory() {
  if (jemalloc_in_use()) {
    // 4096 is MALLCTL_ARENAS_ALL: purge the unused dirty pages of every arena.
    (void)mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace kedrolint::core
