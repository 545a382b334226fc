// Syntax trees are released to bound memory and parsed again when needed:
// what the evaluator builds must not depend on which trees were kept.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/build.hpp"
#include "python/source_store.hpp"
#include "report/export.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

fs::path write_temp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("kedrolint-store-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

std::string findings_text(const model::Project& project) {
  std::string out;
  for (const auto& f : project.findings) {
    out += f.code + " " + std::to_string(f.span.file) + ":" + std::to_string(f.span.begin) + " " + f.message + "\n";
  }
  for (const auto& e : project.kedro_errors) out += e.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("source store: a released tree is parsed again and its nodes are found again", "[store]") {
  const fs::path file = write_temp("m.py", "x = 1\n\n@wraps\ndef f(a, b=2):\n    return lambda: a\n");
  core::SourceMap sources(file.parent_path());
  python::SourceStore store(sources, 0, 0);
  python::SyntaxRef def, lambda;
  {
    const auto tree = store.acquire(file);
    REQUIRE(tree);
    const auto root = tree->tree.root();
    const auto fn = root.named_child(1).field("definition");
    REQUIRE(fn.is("function_definition"));
    def = python::SyntaxRef::of(store, tree, fn);
    const auto body_return = fn.field("body").named_child(0);
    lambda = python::SyntaxRef::of(store, tree, body_return.named_child(0));
    REQUIRE(lambda.type == "lambda");
    // While the tree is held, resolving does not parse.
    CHECK(def.resolve().node == fn);
    CHECK(store.parse_count() == 1);
  }
  // No tree kept: the next use parses the file again and finds the same node.
  const auto again = def.resolve();
  REQUIRE(again);
  CHECK(store.parse_count() == 2);
  CHECK(again.node.is("function_definition"));
  CHECK(again.tree->text(again.node.field("name")) == "f");
  const auto l = lambda.resolve();
  REQUIRE(l);
  CHECK(l.node.is("lambda"));
  CHECK(store.parse_count() == 2);  // the same tree, still held by `again`
  CHECK(store.parsed_files().size() == 1);
}

TEST_CASE("source store: the visitor sees each file once, however often it is parsed", "[store]") {
  const fs::path a = write_temp("a.py", "import b\n");
  const fs::path b = write_temp("b.py", "def g(:\n");
  core::SourceMap sources(a.parent_path());
  python::SourceStore store(sources, 0, 0);
  std::atomic<int> visits{0};
  store.set_visitor([&](const parse::PythonSource&) { ++visits; });
  store.parse_unvisited({a, b}, 2);
  CHECK(visits == 2);
  store.parse_unvisited({a, b}, 2);  // nothing left to parse
  CHECK(store.parse_count() == 2);
  for (int i = 0; i < 3; ++i) CHECK(store.acquire(a)->text() == "import b\n");
  CHECK(visits == 2);
  CHECK(store.parse_count() >= 3);
  // The syntax error is reported once, from the first parse.
  const auto findings = store.findings();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "KL001");
}

TEST_CASE("source store: every fixture project builds the same model with no tree kept, and parsed whole",
          "[store]") {
  std::vector<fs::path> projects;
  const fs::path fixtures = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures";
  for (const char* group : {"reconstruction", "catalog"}) {
    for (const auto& e : fs::directory_iterator(fixtures / group)) projects.push_back(e.path());
  }
  for (const auto& rule : fs::directory_iterator(fixtures / "rules")) {
    for (const auto& e : fs::directory_iterator(rule.path())) projects.push_back(e.path());
  }
  std::sort(projects.begin(), projects.end());
  int checked = 0;
  std::size_t elided = 0, function_parses = 0;
  for (const auto& path : projects) {
    const fs::directory_entry entry(path);
    if (!fs::is_regular_file(entry.path() / "pyproject.toml")) continue;
    INFO("fixture " << entry.path().filename().string());
    core::SourceMap kept_sources(entry.path()), released_sources(entry.path());
    const auto kept = model::build_project(entry.path(), kept_sources, model::BuildOptions{});
    model::BuildOptions release_all;
    release_all.trees_ahead_bytes = 0;
    release_all.recent_trees = 0;
    const auto released = model::build_project(entry.path(), released_sources, release_all);
    CHECK(report::build_export(kept, std::nullopt).dump(1) == report::build_export(released, std::nullopt).dump(1));
    CHECK(findings_text(kept) == findings_text(released));
    CHECK(released.timings.python_parses >= kept.timings.python_parses);
    // Function bodies elided (the default) or not: the same model.
    core::SourceMap whole_sources(entry.path());
    model::BuildOptions parse_whole;
    parse_whole.elide_function_bodies = false;
    const auto whole = model::build_project(entry.path(), whole_sources, parse_whole);
    CHECK(report::build_export(kept, std::nullopt).dump(1) == report::build_export(whole, std::nullopt).dump(1));
    CHECK(findings_text(kept) == findings_text(whole));
    CHECK(whole.timings.elided_bodies == 0);
    elided += kept.timings.elided_bodies;
    function_parses += kept.timings.python_function_parses + released.timings.python_function_parses;
    ++checked;
  }
  CHECK(checked >= 150);
  // The fixtures call functions whose bodies were elided (register_pipelines).
  CHECK(elided >= 20);
  CHECK(function_parses >= 10);
}
