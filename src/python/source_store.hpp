#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"
#include "parse/python_source.hpp"

namespace kedrolint::python {

/// Parsed Python files of one run. A syntax tree takes about 28 bytes per
/// byte of source, so trees are not all kept: a tree lives while someone
/// holds it (a module or function being executed), a few recently used ones
/// are cached, and files parsed ahead of the evaluation wait within a byte
/// budget. A released tree is parsed again when it is needed again.
///
/// Files are parsed without the bodies of the functions that do not build
/// pipelines (parse/python_skeleton.hpp): node functions, which the
/// evaluation never calls. A node inside such a body is reached through
/// `acquire_covering` (SyntaxRef::resolve does), which parses the function
/// alone, or the whole file for a function below the top of its module.
class SourceStore {
 public:
  using Tree = std::shared_ptr<const parse::PythonSource>;
  /// Runs once per file, on the thread that first parsed it (must be
  /// thread-safe), while its tree is alive.
  using Visitor = std::function<void(const parse::PythonSource&)>;
  /// Source bytes whose trees may wait parsed ahead of use (~28x in memory).
  static constexpr std::size_t kDefaultAheadBytes = std::size_t{1} << 20;
  /// Released trees kept cached: a module's functions are often called right
  /// after it is imported (find_pipelines, create_pipeline).
  static constexpr std::size_t kDefaultRecentTrees = 8;

  /// `elide_bodies`: false parses every file whole (a check, and the
  /// comparison of tests/unit/source_store_test.cpp).
  explicit SourceStore(core::SourceMap& sources, std::size_t ahead_bytes = kDefaultAheadBytes,
                       std::size_t recent_trees = kDefaultRecentTrees, bool elide_bodies = true)
      : sources_(sources), ahead_budget_(ahead_bytes), recent_limit_(recent_trees), elide_bodies_(elide_bodies) {}
  ~SourceStore();
  SourceStore(const SourceStore&) = delete;
  SourceStore& operator=(const SourceStore&) = delete;

  void set_visitor(Visitor visitor) { visitor_ = std::move(visitor); }

  /// Parses, on background threads and in this order, the files whose trees
  /// are not kept, staying within the budget ahead of `acquire`.
  void prefetch(std::vector<std::filesystem::path> order, std::size_t jobs);
  /// Stops the background parsing (waits for the threads).
  void stop_prefetch();
  /// Drops the cached and parsed-ahead trees (the evaluation is over).
  void release_trees();
  /// Parses in parallel the files never parsed so far (running the visitor
  /// and recording syntax errors) and keeps none of their trees.
  void parse_unvisited(const std::vector<std::filesystem::path>& paths, std::size_t jobs);

  /// The parsed file, parsing it now if needed; null when it cannot be read.
  /// Function bodies may be elided from it (PythonSource::elided).
  Tree acquire(const std::filesystem::path& path);
  /// A tree of the file that holds the nodes of `[begin, end)` as written:
  /// the file's tree, or the function there parsed alone, or the whole file.
  Tree acquire_covering(const std::filesystem::path& path, std::uint32_t begin, std::uint32_t end);
  /// Read and syntax problems of every file parsed so far (KL001, KL008),
  /// in path order.
  [[nodiscard]] std::vector<core::Finding> findings() const;
  /// Every file parsed so far, in path order.
  [[nodiscard]] std::vector<std::filesystem::path> parsed_files() const;
  /// How many parses ran (a file parsed again after release counts again).
  [[nodiscard]] std::size_t parse_count() const;
  /// How many functions were parsed alone because their body was needed.
  [[nodiscard]] std::size_t function_parse_count() const;
  /// Function bodies elided from the first parse of each file, and their bytes.
  [[nodiscard]] std::pair<std::size_t, std::size_t> elided_bodies() const;
  core::SourceMap& sources() { return sources_; }

 private:
  struct Entry {
    core::SourceMap::Loaded loaded;
    bool parsable = false;  ///< read as UTF-8
    bool visited = false;
    bool prefetched = false;  ///< handed to the background parser once
    bool acquired = false;    ///< used by the evaluation: parsing it ahead again would be wasted
    bool in_flight = false;
    std::optional<parse::SyntaxError> error;
    std::weak_ptr<const parse::PythonSource> live;
    Tree ahead;  ///< parsed before anyone asked
    /// Bodies elided from the file's tree (from its first parse, so known
    /// while the tree is released), and the trees that hold them.
    std::vector<parse::ElidedBody> elided;
    bool elided_known = false;  ///< the first parse is over
    std::weak_ptr<const parse::PythonSource> whole;
    std::map<std::uint32_t, std::weak_ptr<const parse::PythonSource>> functions;  ///< by def_begin
  };
  Entry& entry_locked(const std::filesystem::path& path);
  /// Parses `e` (lock released meanwhile); returns the tree.
  Tree parse_unlocked(std::unique_lock<std::mutex>& lock, Entry& e, parse::ts::PythonParser& parser);
  void keep_recent_locked(const Tree& tree);
  /// The file parsed whole, or the top-level function of `body` parsed alone.
  Tree acquire_whole(const std::filesystem::path& path);
  Tree acquire_function(const std::filesystem::path& path, const parse::ElidedBody& body);
  bool fits_ahead_locked(const Entry& e) const;
  void prefetch_worker();
  /// The next file of the prefetch order to parse ahead, claimed; null when
  /// none is left or the budget is full.
  Entry* next_ahead_locked();
  /// Parses `e` and keeps its tree ahead unless it was acquired meanwhile.
  void parse_ahead_unlocked(std::unique_lock<std::mutex>& lock, Entry& e, parse::ts::PythonParser& parser);

  core::SourceMap& sources_;
  std::size_t ahead_budget_;
  std::size_t recent_limit_;
  Visitor visitor_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, Entry> entries_;
  std::size_t ahead_bytes_ = 0;
  std::deque<Tree> recent_;
  std::size_t parses_ = 0;
  std::size_t function_parses_ = 0;
  bool elide_bodies_;
  std::vector<std::string> prefetch_order_;
  std::size_t prefetch_next_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::size_t active_workers_ = 0;
  std::vector<Tree> to_free_;  ///< released trees a background parser frees
};

/// Where a syntax node lives, so that it can be found again after its tree
/// was released: the file and the node's byte range and type.
struct SyntaxRef {
  SourceStore* store = nullptr;
  const core::SourceFile* file = nullptr;
  std::uint32_t begin = 0, end = 0;
  std::string_view type;  ///< a grammar node type name (static storage)

  /// A node with its tree kept alive while this is held.
  struct Held {
    SourceStore::Tree tree;
    parse::ts::Node node;
    explicit operator bool() const { return tree && !node.null(); }
  };
  static SyntaxRef of(SourceStore& store, const SourceStore::Tree& tree, parse::ts::Node node);
  [[nodiscard]] bool valid() const { return store && file; }
  [[nodiscard]] Held resolve() const;

 private:
  // The last tree it was found in: no lookup while that tree is alive.
  mutable std::weak_ptr<const parse::PythonSource> cached_tree_;
  mutable parse::ts::Node cached_node_;
};

}  // namespace kedrolint::python
