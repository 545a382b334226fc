// Bad input gives a located diagnostic and the run goes on; nothing crashes.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/engine.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

struct TempProject {
  fs::path root;
  TempProject() {
    root = fs::temp_directory_path() / ("kedrolint-failure-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root / "conf/base");
    fs::create_directories(root / "conf/local");
    fs::create_directories(root / "src/demo");
    write("pyproject.toml", "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n");
    write("src/demo/__init__.py", "");
    write("src/demo/pipeline_registry.py",
          "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"b\", name=\"n\")])}\n");
  }
  ~TempProject() {
    std::error_code ec;
    fs::permissions(root, fs::perms::all, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  engine::CheckResult check(core::SourceMap& sources) const {
    engine::CheckOptions options;
    options.select = std::vector<std::string>{"KL0"};
    return engine::check_project(root, options, sources);
  }
  static inline int counter = 0;
};

bool has(const engine::CheckResult& r, const core::SourceMap& sources, const std::string& code, const std::string& file,
         std::uint32_t line) {
  for (const auto& d : r.diagnostics) {
    const auto& f = sources.get(d.primary.file);
    if (d.code == code && f.display_path() == file && f.position(d.primary.begin).line == line) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("malformed pyproject.toml", "[engine]") {
  TempProject p;
  p.write("pyproject.toml", "[tool.kedro]\npackage_name = \"demo\nproject_name = 1\n");
  core::SourceMap sources(p.root);
  const auto r = p.check(sources);
  CHECK(has(r, sources, "KL006", "pyproject.toml", 2));
  CHECK_FALSE(r.analysed());
}

TEST_CASE("missing [tool.kedro] keys and a missing package", "[engine]") {
  TempProject p;
  p.write("pyproject.toml", "[tool.kedro]\npackage_name = \"other\"\n");
  core::SourceMap sources(p.root);
  const auto r = p.check(sources);
  CHECK(has(r, sources, "KL006", "pyproject.toml", 1));  // project_name, kedro_init_version
  CHECK(has(r, sources, "KL007", "pyproject.toml", 2));  // src/other does not exist
}

TEST_CASE("a YAML error in the catalog", "[engine]") {
  TempProject p;
  p.write("conf/base/catalog.yml", "a:\n  type: x\n   filepath: y\n");
  core::SourceMap sources(p.root);
  CHECK(has(p.check(sources), sources, "KL002", "conf/base/catalog.yml", 3));
}

TEST_CASE("a Python syntax error in a pipeline module", "[engine]") {
  TempProject p;
  p.write("src/demo/pipeline_registry.py", "def register_pipelines(:\n    return {}\n");
  core::SourceMap sources(p.root);
  CHECK(has(p.check(sources), sources, "KL001", "src/demo/pipeline_registry.py", 1));
}

TEST_CASE("a file that is not UTF-8", "[engine]") {
  TempProject p;
  p.write("src/demo/settings.py", "CONF_SOURCE = 'conf'  # caf\xE9\n");
  core::SourceMap sources(p.root);
  const auto r = p.check(sources);
  CHECK(has(r, sources, "KL008", "src/demo/settings.py", 1));
}

TEST_CASE("an unreadable file", "[engine]") {
  {
    // Reading a folder as a file fails even for root: the read error path.
    TempProject p;
    fs::create_directories(p.root / "conf/base/not_a_file.yml");
    core::SourceMap sources(p.root);
    const auto loaded = sources.load(p.root / "conf/base/not_a_file.yml");
    REQUIRE(loaded.file);
    REQUIRE(loaded.error);
    CHECK(loaded.error->kind == core::ReadError::Kind::Unreadable);
  }
  if (::geteuid() == 0) {
    WARN("running as root: every file is readable, the case cannot be built");
    return;
  }
  TempProject p;
  p.write("conf/base/catalog.yml", "a:\n  type: pandas.CSVDataset\n");
  fs::permissions(p.root / "conf/base/catalog.yml", fs::perms::none);
  core::SourceMap sources(p.root);
  CHECK(has(p.check(sources), sources, "KL008", "conf/base/catalog.yml", 1));
}
