#include "python/source_store.hpp"

#include <algorithm>

#include "core/parallel.hpp"
#include "parse/python_skeleton.hpp"
#include "project/read_problem.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

SourceStore::~SourceStore() { stop_prefetch(); }

namespace {

// Trees waiting for a busy background parser to free them still take their
// memory: beyond a few, the evaluation frees them itself.
constexpr std::size_t kMaxPendingFrees = 4;

parse::ts::PythonParser& thread_parser() {
  thread_local parse::ts::PythonParser parser;
  return parser;
}

}  // namespace

SourceStore::Entry& SourceStore::entry_locked(const fs::path& path) {
  const std::string key = path.lexically_normal().string();
  auto [it, inserted] = entries_.try_emplace(key);
  if (inserted) {
    Entry& e = it->second;
    e.loaded = sources_.load(path.lexically_normal());
    // Python refuses a source file that is not UTF-8, so it is not evaluated.
    e.parsable = e.loaded.file && !e.loaded.error;
  }
  return it->second;
}

SourceStore::Tree SourceStore::parse_unlocked(std::unique_lock<std::mutex>& lock, Entry& e,
                                              parse::ts::PythonParser& parser) {
  e.in_flight = true;
  const bool first = !e.visited;
  e.visited = true;
  ++parses_;
  // Parsed again, a file elides what its first parse did, without checking
  // the bodies again (and is parsed whole when that was nothing).
  std::vector<parse::ElidedBody> known = first ? std::vector<parse::ElidedBody>{} : e.elided;
  lock.unlock();
  const core::SourceFile& file = *e.loaded.file;
  auto tree = std::make_shared<const parse::PythonSource>(
      !elide_bodies_ || (!first && known.empty()) ? parse::parse_python(parser, file)
      : first                                     ? parse::parse_python_skeleton(parser, file)
                                                  : parse::parse_python_eliding(parser, file, std::move(known), true));
  if (first && visitor_) visitor_(*tree);
  lock.lock();
  e.in_flight = false;
  if (first) {
    e.error = tree->error;
    e.elided = tree->elided;
    e.elided_known = true;
  }
  changed_.notify_all();
  return tree;
}

void SourceStore::keep_recent_locked(const Tree& tree) {
  auto it = std::find(recent_.begin(), recent_.end(), tree);
  if (it != recent_.end()) recent_.erase(it);
  recent_.push_front(tree);
  while (recent_.size() > recent_limit_) {
    // Freeing a tree takes about a fifth of its parse: a background parser
    // does it, off the evaluation's thread, when one runs.
    if (active_workers_ > 0 && to_free_.size() < kMaxPendingFrees) {
      to_free_.push_back(std::move(recent_.back()));
      changed_.notify_all();
    }
    recent_.pop_back();
  }
}

bool SourceStore::fits_ahead_locked(const Entry& e) const {
  return ahead_bytes_ == 0 || ahead_bytes_ + e.loaded.file->text().size() <= ahead_budget_;
}

void SourceStore::parse_unvisited(const std::vector<fs::path>& paths, std::size_t jobs) {
  std::vector<std::size_t> todo;
  {
    std::unique_lock lock(mutex_);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      Entry& e = entry_locked(paths[i]);
      if (e.parsable && !e.visited && !e.in_flight) {
        e.in_flight = true;  // claimed here
        todo.push_back(i);
      }
    }
  }
  const std::size_t workers = std::max<std::size_t>(1, std::min(jobs, todo.size()));
  core::parallel_for(workers, workers, [&](std::size_t w) {
    parse::ts::PythonParser parser;
    for (std::size_t k = w; k < todo.size(); k += workers) {
      std::unique_lock lock(mutex_);
      Entry& e = entry_locked(paths[todo[k]]);
      Tree tree = parse_unlocked(lock, e, parser);
      lock.unlock();  // the tree is dropped outside the lock
    }
  });
}

SourceStore::Tree SourceStore::acquire(const fs::path& path) {
  std::unique_lock lock(mutex_);
  Entry& e = entry_locked(path);
  if (!e.parsable) return nullptr;
  e.acquired = true;
  for (;;) {
    if (Tree live = e.live.lock()) {
      keep_recent_locked(live);
      return live;
    }
    if (e.ahead) {
      Tree tree = std::move(e.ahead);
      ahead_bytes_ -= e.loaded.file->text().size();
      e.live = tree;
      keep_recent_locked(tree);
      changed_.notify_all();
      return tree;
    }
    if (!e.in_flight) break;
    // A background parser is on this file: rather than wait, parse the next
    // file it would take, so both cores keep parsing.
    if (Entry* next = stopping_ ? nullptr : next_ahead_locked()) {
      parse_ahead_unlocked(lock, *next, thread_parser());
      continue;
    }
    changed_.wait(lock);
  }
  parse::ts::PythonParser& parser = thread_parser();
  Tree tree = parse_unlocked(lock, e, parser);
  e.live = tree;
  keep_recent_locked(tree);
  return tree;
}

SourceStore::Tree SourceStore::acquire_covering(const fs::path& path, std::uint32_t begin, std::uint32_t end) {
  std::optional<parse::ElidedBody> body;
  {
    std::unique_lock lock(mutex_);
    Entry& e = entry_locked(path);
    if (!e.parsable) return nullptr;
    if (e.elided_known) {
      const parse::ElidedBody* b = parse::elided_body_at(e.elided, begin, end);
      if (!b) {
        lock.unlock();
        return acquire(path);
      }
      body = *b;
    }
  }
  if (!body) {
    Tree tree = acquire(path);
    const parse::ElidedBody* b = tree ? tree->elided_at(begin, end) : nullptr;
    if (!b) return tree;
    body = *b;
  }
  // A node of a top-level function (its decorators included) is in that
  // function parsed alone; anything else wants the whole file.
  if (body->top_level && begin >= body->statement_begin && end <= body->def_end) return acquire_function(path, *body);
  return acquire_whole(path);
}

SourceStore::Tree SourceStore::acquire_whole(const fs::path& path) {
  std::unique_lock lock(mutex_);
  Entry& e = entry_locked(path);
  if (Tree live = e.whole.lock()) {
    keep_recent_locked(live);
    return live;
  }
  ++parses_;
  lock.unlock();
  auto tree = std::make_shared<const parse::PythonSource>(parse::parse_python(thread_parser(), *e.loaded.file));
  lock.lock();
  e.whole = tree;
  keep_recent_locked(tree);
  return tree;
}

SourceStore::Tree SourceStore::acquire_function(const fs::path& path, const parse::ElidedBody& body) {
  std::unique_lock lock(mutex_);
  Entry& e = entry_locked(path);
  if (auto it = e.functions.find(body.def_begin); it != e.functions.end()) {
    if (Tree live = it->second.lock()) {
      keep_recent_locked(live);
      return live;
    }
  }
  ++function_parses_;
  lock.unlock();
  auto parsed = parse::parse_python_function(thread_parser(), *e.loaded.file, body);
  if (!parsed.tree) return acquire_whole(path);
  auto tree = std::make_shared<const parse::PythonSource>(std::move(parsed));
  lock.lock();
  e.functions[body.def_begin] = tree;
  keep_recent_locked(tree);
  return tree;
}

void SourceStore::prefetch(std::vector<fs::path> order, std::size_t jobs) {
  stop_prefetch();
  std::unique_lock lock(mutex_);
  stopping_ = false;
  prefetch_order_.clear();
  prefetch_next_ = 0;
  for (const auto& p : order) {
    Entry& e = entry_locked(p);
    if (!e.parsable || e.prefetched || e.acquired || e.ahead || !e.live.expired()) continue;
    e.prefetched = true;
    prefetch_order_.push_back(p.lexically_normal().string());
  }
  if (prefetch_order_.empty()) return;
  active_workers_ = std::max<std::size_t>(1, jobs);
  for (std::size_t i = 0; i < active_workers_; ++i) workers_.emplace_back([this] { prefetch_worker(); });
}

SourceStore::Entry* SourceStore::next_ahead_locked() {
  while (prefetch_next_ < prefetch_order_.size()) {
    Entry& e = entries_.at(prefetch_order_[prefetch_next_]);
    if (e.acquired || e.in_flight || e.ahead || !e.live.expired()) {
      ++prefetch_next_;
      continue;
    }
    if (!fits_ahead_locked(e)) return nullptr;
    ++prefetch_next_;
    return &e;
  }
  return nullptr;
}

void SourceStore::parse_ahead_unlocked(std::unique_lock<std::mutex>& lock, Entry& e, parse::ts::PythonParser& parser) {
  Tree tree = parse_unlocked(lock, e, parser);
  if (e.live.expired() && !e.ahead) {
    ahead_bytes_ += e.loaded.file->text().size();
    e.ahead = std::move(tree);
  }
  lock.unlock();
  tree.reset();  // released outside the lock
  lock.lock();
}

void SourceStore::prefetch_worker() {
  parse::ts::PythonParser parser;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!to_free_.empty()) {
      std::vector<Tree> trees = std::move(to_free_);
      to_free_.clear();
      lock.unlock();
      trees.clear();
      lock.lock();
      continue;
    }
    if (stopping_) break;
    if (prefetch_next_ >= prefetch_order_.size()) {
      changed_.wait(lock);  // stays to free trees until the evaluation ends
      continue;
    }
    Entry* next = next_ahead_locked();
    if (!next) {
      changed_.wait(lock);
      continue;
    }
    parse_ahead_unlocked(lock, *next, parser);
  }
  --active_workers_;
}

void SourceStore::stop_prefetch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
  std::vector<Tree> trees;
  {
    std::lock_guard lock(mutex_);
    trees = std::move(to_free_);
    to_free_.clear();
  }
}

void SourceStore::release_trees() {
  std::vector<Tree> trees;
  {
    std::lock_guard lock(mutex_);
    trees.assign(recent_.begin(), recent_.end());
    recent_.clear();
    for (auto& [path, e] : entries_) {
      if (e.ahead) trees.push_back(std::move(e.ahead));
    }
    ahead_bytes_ = 0;
  }
}

std::vector<core::Finding> SourceStore::findings() const {
  std::vector<core::Finding> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : entries_) {
    if (!entry.visited && entry.parsable) continue;
    project::report_read_problem(path, entry.loaded, out);
    if (entry.error) out.push_back({"KL001", entry.error->span, entry.error->message, {}, std::nullopt});
  }
  return out;
}

std::vector<fs::path> SourceStore::parsed_files() const {
  std::vector<fs::path> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : entries_) {
    if (entry.visited) out.push_back(entry.loaded.file->path());
  }
  return out;
}

std::size_t SourceStore::parse_count() const {
  std::lock_guard lock(mutex_);
  return parses_;
}

std::size_t SourceStore::function_parse_count() const {
  std::lock_guard lock(mutex_);
  return function_parses_;
}

std::pair<std::size_t, std::size_t> SourceStore::elided_bodies() const {
  std::pair<std::size_t, std::size_t> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : entries_) {
    out.first += entry.elided.size();
    for (const auto& body : entry.elided) out.second += body.end - body.begin;
  }
  return out;
}

SyntaxRef SyntaxRef::of(SourceStore& store, const SourceStore::Tree& tree, parse::ts::Node node) {
  SyntaxRef ref;
  ref.store = &store;
  ref.file = tree->file;
  ref.begin = node.start();
  ref.end = node.end();
  ref.type = node.type();
  // A node over an elided body is looked up again where that body is.
  if (!tree->elided_at(ref.begin, ref.end)) {
    ref.cached_tree_ = tree;
    ref.cached_node_ = node;
  }
  return ref;
}

SyntaxRef::Held SyntaxRef::resolve() const {
  Held held;
  if (!valid()) return held;
  if ((held.tree = cached_tree_.lock())) {
    held.node = cached_node_;
    return held;
  }
  held.tree = store->acquire_covering(file->path(), begin, end);
  if (!held.tree) return held;
  // The deepest node over the range, then up to the one of the right type:
  // a wrapper may share the range (an expression statement of a lambda).
  parse::ts::Node n = held.tree->tree.root().descendant_for(begin, end);
  while (!n.null() && !(n.start() == begin && n.end() == end && n.type() == type)) n = n.parent();
  held.node = n;
  cached_tree_ = held.tree;
  cached_node_ = n;
  return held;
}

}  // namespace kedrolint::python
