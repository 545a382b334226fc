// jemalloc's settings for the kedrolint executable, read by jemalloc when it
// starts (its documented `malloc_conf` symbol; MALLOC_CONF in the environment
// still overrides them). Linked only when the build uses jemalloc.
//
// Why jemalloc: the analysis makes millions of small allocations (strings,
// vectors, tree-sitter's subtrees) and frees them from other threads; with
// glibc's malloc a fifth of the CPU went to malloc, free and their
// consolidation of fast bins. jemalloc takes about a fifth off the analysis
// at 10,000 nodes, at the same peak RSS (docs/evaluation.md, "The allocator").
//
// Why these settings: the peak resident size is part of the benchmark's
// budget. One arena per CPU would keep each thread's freed pages apart, and
// jemalloc's default 10 s decay keeps freed pages resident; both raised the
// peak RSS at 10,000 nodes from 68 to 95 MiB. With two arenas and freed pages
// returned at once, the peak is the same as glibc's and the speed is kept.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "narenas:2,dirty_decay_ms:0,muzzy_decay_ms:0";
}
