#include "python/source_store.hpp"

#include "core/parallel.hpp"
#include "project/read_problem.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

SourceStore::Entry SourceStore::parse_one(const fs::path& path, parse::ts::PythonParser& parser) {
  Entry entry;
  entry.loaded = sources_.load(path);
  const bool readable = !entry.loaded.error || entry.loaded.error->kind == core::ReadError::Kind::NotUtf8;
  // Python refuses a source file that is not UTF-8, so it is not evaluated.
  if (entry.loaded.file && readable && !entry.loaded.error) {
    entry.parsed = std::make_unique<parse::PythonSource>(parse::parse_python(parser, *entry.loaded.file));
  }
  return entry;
}

void SourceStore::preload(const std::vector<fs::path>& paths, std::size_t jobs) {
  std::vector<fs::path> todo;
  {
    std::lock_guard lock(mutex_);
    for (const auto& p : paths) {
      if (!entries_.count(p.lexically_normal().string())) todo.push_back(p.lexically_normal());
    }
  }
  std::vector<Entry> results(todo.size());
  const std::size_t workers = std::max<std::size_t>(1, std::min(jobs, todo.size()));
  std::vector<std::unique_ptr<parse::ts::PythonParser>> parsers(workers);
  core::parallel_for(workers, workers, [&](std::size_t w) {
    parsers[w] = std::make_unique<parse::ts::PythonParser>();
    for (std::size_t i = w; i < todo.size(); i += workers) results[i] = parse_one(todo[i], *parsers[w]);
  });
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < todo.size(); ++i) entries_.emplace(todo[i].string(), std::move(results[i]));
}

const parse::PythonSource* SourceStore::get(const fs::path& path) {
  const std::string key = path.lexically_normal().string();
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second.parsed.get();
  }
  parse::ts::PythonParser parser;
  Entry entry = parse_one(path.lexically_normal(), parser);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = entries_.emplace(key, std::move(entry));
  (void)inserted;
  return it->second.parsed.get();
}

std::vector<core::Finding> SourceStore::findings() const {
  std::vector<core::Finding> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : entries_) {
    project::report_read_problem(path, entry.loaded, out);
    if (entry.parsed && entry.parsed->error) {
      out.push_back({"KL001", entry.parsed->error->span, entry.parsed->error->message, {}, std::nullopt});
    }
  }
  return out;
}

std::vector<const parse::PythonSource*> SourceStore::all() const {
  std::vector<const parse::PythonSource*> out;
  std::lock_guard lock(mutex_);
  for (const auto& [path, entry] : entries_) {
    if (entry.parsed) out.push_back(entry.parsed.get());
  }
  return out;
}

}  // namespace kedrolint::python
