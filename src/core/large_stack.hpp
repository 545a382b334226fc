#pragma once
#include <functional>

namespace kedrolint::core {

/// Runs `fn` on a thread with a 512 MiB stack and waits for it; inline when
/// already on such a thread. The evaluator recurses as deep as the project's
/// code nests, and the default 8 MiB stack is not enough for hostile input.
/// The whole analysis of a project runs on that one thread, so the model, the
/// rules and the report reuse the memory the evaluation freed: with glibc each
/// thread allocates from its own arena, and free chunks of one arena never
/// serve another.
/// An exception thrown by `fn` is rethrown on the calling thread.
void run_on_large_stack(const std::function<void()>& fn);

}  // namespace kedrolint::core
