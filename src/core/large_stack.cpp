#include "core/large_stack.hpp"

#include <exception>

#include <pthread.h>

namespace kedrolint::core {

namespace {

thread_local bool on_large_stack = false;

struct Job {
  const std::function<void()>* fn;
  std::exception_ptr error;
};

}  // namespace

void run_on_large_stack(const std::function<void()>& fn) {
  if (on_large_stack) {
    fn();
    return;
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 512u * 1024u * 1024u);
  auto trampoline = [](void* arg) -> void* {
    auto* job = static_cast<Job*>(arg);
    on_large_stack = true;
    try {
      (*job->fn)();
    } catch (...) {
      job->error = std::current_exception();
    }
    return nullptr;
  };
  Job job{&fn, nullptr};
  pthread_t thread;
  const bool started = pthread_create(&thread, &attr, trampoline, &job) == 0;
  pthread_attr_destroy(&attr);
  if (!started) {
    fn();  // no thread to be had: the default stack is better than nothing
    return;
  }
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace kedrolint::core
