// Input that cannot be read or parsed gives a located KL0xx diagnostic, never
// an abort: malformed pyproject.toml (KL006), YAML errors (KL002), Python
// syntax errors (KL001), unreadable and non-UTF-8 files (KL008), a missing
// package (KL007). Each case is a throw-away project in a temporary folder.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/engine.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

const char* const kPyproject =
    "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n";
const char* const kRegistry =
    "from kedro.pipeline import node, pipeline\n"
    "\n"
    "from .nodes import f\n"
    "\n"
    "\n"
    "def register_pipelines():\n"
    "    return {\"__default__\": pipeline([node(f, \"a\", \"b\", name=\"n\")])}\n";

class Project {
 public:
  Project() {
    root_ =
        fs::temp_directory_path() / ("kedrolint-fail-" + std::to_string(::getpid()) + "-" + std::to_string(next_++));
    fs::remove_all(root_);
    fs::create_directories(root_ / "conf/base");
    fs::create_directories(root_ / "conf/local");
    fs::create_directories(root_ / "src/demo");
    write("pyproject.toml", kPyproject);
    write("src/demo/__init__.py", "");
    write("src/demo/settings.py", "");
    write("src/demo/pipeline_registry.py", kRegistry);
    write("src/demo/nodes.py", "def f(x):\n    return x\n");
    write("conf/base/catalog.yml", "a:\n  type: pandas.CSVDataset\n  filepath: data/a.csv\n");
    write("conf/base/parameters.yml", "");
  }
  ~Project() {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(root_, ec))
      fs::permissions(e.path(), fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  const fs::path& root() const { return root_; }

  /// "code file:line:col message" for every KL0xx diagnostic, one per line.
  std::string check() const {
    core::SourceMap sources(root_);
    engine::CheckOptions options;
    options.select = std::vector<std::string>{"KL0"};
    const auto result = engine::check_project(root_, options, sources);
    std::ostringstream out;
    for (const auto& d : result.diagnostics) {
      const auto& f = sources.get(d.primary.file);
      const auto p = f.position(d.primary.begin);
      out << d.code << " " << f.display_path() << ":" << p.line << ":" << p.column << " " << d.message << "\n";
    }
    return out.str();
  }

 private:
  fs::path root_;
  static inline int next_ = 0;
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("failure: a clean temporary project has no KL0xx finding", "[engine][failure]") {
  Project p;
  CHECK(p.check().empty());
}

TEST_CASE("failure: pyproject.toml that is not TOML is KL006 at the error", "[engine][failure]") {
  Project p;
  p.write("pyproject.toml", "[tool.kedro]\npackage_name = \"demo\nproject_name = \"Demo\"\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL006 pyproject.toml:2:"));
  CHECK(contains(out, "is not valid TOML"));
  core::SourceMap sources(p.root());
  const auto result = engine::check_project(p.root(), {}, sources);
  CHECK_FALSE(result.analysed());
}

TEST_CASE("failure: an unclosed TOML table header is KL006 on line 1", "[engine][failure]") {
  Project p;
  p.write("pyproject.toml", "[tool.kedro\npackage_name = \"demo\"\n");
  // Without a `[tool.kedro]` header the engine still reads the file it was given.
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL006 pyproject.toml:1:"));
}

TEST_CASE("failure: [tool.kedro] keys missing, mistyped or unknown are KL006", "[engine][failure]") {
  Project p;
  p.write("pyproject.toml",
          "[tool.kedro]\npackage_name = \"demo\"\nproject_name = 3\nkedro_init_version = \"1.5.0\"\npackage = \"x\"\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL006 pyproject.toml:3:16 `project_name` must be a string, found an integer"));
  CHECK(contains(out, "KL006 pyproject.toml:5:1 unexpected key `package` in `[tool.kedro]`"));
}

TEST_CASE("failure: a missing package folder or registry is KL007 at package_name", "[engine][failure]") {
  {
    Project p;
    p.write("pyproject.toml",
            "[tool.kedro]\npackage_name = \"dmeo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n");
    const auto out = p.check();
    INFO(out);
    CHECK(contains(out, "KL007 pyproject.toml:2:16 package folder `src/dmeo` does not exist"));
  }
  {
    Project p;
    fs::remove(p.root() / "src/demo/pipeline_registry.py");
    const auto out = p.check();
    INFO(out);
    CHECK(contains(out, "KL007 pyproject.toml:2:16 `src/demo/pipeline_registry.py` does not exist"));
  }
}

TEST_CASE("failure: a YAML error is KL002 at yaml-cpp's mark", "[engine][failure]") {
  Project p;
  p.write("conf/base/catalog.yml", "a:\n  type: pandas.CSVDataset\n   filepath: data/a.csv\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL002 conf/base/catalog.yml:3:"));
}

TEST_CASE("failure: a YAML error after non-ASCII text has a code-point column", "[engine][failure]") {
  Project p;
  p.write("conf/base/parameters.yml", "d\xC3\xA9j\xC3\xA0: [1, 2\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL002 conf/base/parameters.yml:"));
  CHECK(contains(out, "end of sequence flow not found"));
}

TEST_CASE("failure: a Python syntax error is KL001 at the first error node", "[engine][failure]") {
  Project p;
  p.write("src/demo/nodes.py", "def f(x):\n    return x +\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL001 src/demo/nodes.py:2:"));
}

TEST_CASE("failure: a syntax error in the registry itself", "[engine][failure]") {
  Project p;
  p.write("src/demo/pipeline_registry.py", "def register_pipelines(:\n    return {}\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL001 src/demo/pipeline_registry.py:1:"));
}

TEST_CASE("failure: a Python file that is not UTF-8 is KL008 at the first bad byte", "[engine][failure]") {
  Project p;
  p.write("src/demo/nodes.py", "def f(x):\n    return 'caf\xE9'\n");
  const auto out = p.check();
  INFO(out);
  // line 2: 4 spaces, "return", space, quote, "caf": the bad byte is code point 16.
  CHECK(contains(out, "KL008 src/demo/nodes.py:2:16 `src/demo/nodes.py` is not valid UTF-8"));
}

TEST_CASE("failure: a YAML file that is not UTF-8 is KL008", "[engine][failure]") {
  Project p;
  p.write("conf/base/catalog.yml", "a:\n  type: pandas.CSVDataset\n  filepath: data/\xE9t\xE9.csv\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL008 conf/base/catalog.yml:3:18 `conf/base/catalog.yml` is not valid UTF-8"));
}

TEST_CASE("failure: a pyproject.toml that is not UTF-8 is KL008", "[engine][failure]") {
  Project p;
  p.write("pyproject.toml", std::string(kPyproject) + "# caf\xE9\n");
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL008 pyproject.toml:5:6 `pyproject.toml` is not valid UTF-8"));
}

TEST_CASE("failure: a file without read permission is KL008", "[engine][failure]") {
  Project p;
  fs::permissions(p.root() / "conf/base/catalog.yml", fs::perms::none);
  if (::geteuid() == 0) {
    WARN("running as root: a mode-000 file is still readable, the direct assertion is skipped");
    return;
  }
  const auto out = p.check();
  INFO(out);
  CHECK(contains(out, "KL008 conf/base/catalog.yml:1:1 cannot read `conf/base/catalog.yml`"));
}

// As root, the same case is run in a child process that gave up root first.
TEST_CASE("failure: a file without read permission is KL008 (unprivileged child)", "[engine][failure]") {
  if (::geteuid() != 0) {
    SUCCEED("not root: covered by the direct test");
    return;
  }
  Project p;
  fs::permissions(p.root() / "src/demo/nodes.py", fs::perms::none);
  fs::permissions(p.root() / "conf/base/catalog.yml", fs::perms::none);
  for (const auto& e : fs::recursive_directory_iterator(p.root())) {
    if (e.is_directory()) fs::permissions(e.path(), fs::perms::all);
  }
  fs::permissions(p.root(), fs::perms::all);
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) std::_Exit(3);
    const std::string out = p.check();
    const bool wrote = ::write(fds[1], out.data(), out.size()) == static_cast<ssize_t>(out.size());
    std::_Exit(wrote ? 0 : 4);
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  INFO(out);
  CHECK(contains(out, "KL008 conf/base/catalog.yml:1:1 cannot read `conf/base/catalog.yml`"));
  CHECK(contains(out, "KL008 src/demo/nodes.py:1:1 cannot read `src/demo/nodes.py`"));
}

TEST_CASE("failure: an I/O error while reading is reported, not read as an empty file", "[engine][failure]") {
  // /proc/self/mem is a regular file that opens but fails with EIO on read at
  // offset 0, for root too: a stand-in for a disk or network read error.
  if (!fs::is_regular_file("/proc/self/mem")) {
    SUCCEED("no /proc/self/mem");
    return;
  }
  Project p;
  fs::remove(p.root() / "conf/base/catalog.yml");
  fs::create_symlink("/proc/self/mem", p.root() / "conf/base/catalog.yml");
  core::SourceMap sources(p.root());
  const auto loaded = sources.load(p.root() / "conf/base/catalog.yml");
  REQUIRE(loaded.file);
  CHECK(loaded.error.has_value());
}
