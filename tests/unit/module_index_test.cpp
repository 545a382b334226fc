// The module index finds modules as Python's path finder does, from folder
// listings read once per index.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "python/module_index.hpp"

namespace fs = std::filesystem;
using kedrolint::python::ModuleIndex;

namespace {

struct Tree {
  fs::path root = fs::temp_directory_path() / ("kedrolint-module-index-" + std::to_string(::getpid()));
  Tree() { fs::remove_all(root); }
  ~Tree() { fs::remove_all(root); }
  void file(const std::string& rel) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << "\n";
  }
};

}  // namespace

TEST_CASE("module index: packages, modules, namespace portions and later roots", "[module_index]") {
  Tree t;
  t.file("src/pkg/__init__.py");
  t.file("src/pkg/nodes.py");
  t.file("src/pkg/both/__init__.py");
  t.file("src/pkg/both.py");  // a package wins over a module of the same name
  t.file("src/ns/inner.py");  // no __init__.py: a namespace portion
  t.file("extra/ns/__init__.py");
  t.file("extra/lib.py");
  fs::create_directories(t.root / "src/pkg/empty");
  const ModuleIndex index(t.root / "src", {t.root / "extra"});

  auto pkg = index.locate("pkg");
  REQUIRE(pkg);
  CHECK(pkg->is_package);
  CHECK(pkg->file == t.root / "src/pkg/__init__.py");
  auto nodes = index.locate("pkg.nodes");
  REQUIRE(nodes);
  CHECK_FALSE(nodes->is_package);
  CHECK(nodes->file == t.root / "src/pkg/nodes.py");
  auto both = index.locate("pkg.both");
  REQUIRE(both);
  CHECK(both->file == t.root / "src/pkg/both/__init__.py");
  // A regular package in a later root wins over a namespace portion.
  auto ns = index.locate("ns");
  REQUIRE(ns);
  CHECK(ns->file == t.root / "extra/ns/__init__.py");
  auto lib = index.locate("lib");
  REQUIRE(lib);
  CHECK(lib->file == t.root / "extra/lib.py");
  // A folder with no __init__.py and nothing later is a namespace package.
  auto empty = index.locate("pkg.empty");
  REQUIRE(empty);
  CHECK(empty->file.empty());
  CHECK(empty->is_package);
  // A name a module imports from another module is no submodule.
  CHECK_FALSE(index.locate("pkg.nodes.helper"));
  CHECK_FALSE(index.locate("pandas"));
  CHECK_FALSE(index.locate("pkg..nodes"));
  CHECK_FALSE(index.locate(""));
}

TEST_CASE("module index: a folder is read once per index, and copies share it", "[module_index]") {
  Tree t;
  t.file("src/pkg/__init__.py");
  const ModuleIndex index(t.root / "src");
  const ModuleIndex copy = index;
  CHECK_FALSE(index.locate("pkg.late"));
  t.file("src/pkg/late.py");
  // The listing read by the first lookup is kept for the analysis...
  CHECK_FALSE(index.locate("pkg.late"));
  CHECK_FALSE(copy.locate("pkg.late"));
  // ...and the next analysis, with a new index, sees the new file.
  const ModuleIndex next(t.root / "src");
  CHECK(next.locate("pkg.late"));
}
