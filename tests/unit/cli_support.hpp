#pragma once
// Helpers for tests that run the built `kedrolint` binary like a user does
// (popen), on small projects written to a temporary folder.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cli_support {
namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out;  ///< stdout only
  std::string err;  ///< stderr only
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline fs::path scratch(const std::string& name) {
  static int n = 0;
  return fs::temp_directory_path() /
         ("kedrolint-cli-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + "-" + name);
}

/// Runs `kedrolint ARGS`; `env` is prepended to the command (`VAR=value ...`).
inline Result kedrolint(const std::string& args, const std::string& env = "") {
  const fs::path err = scratch("stderr");
  // A private cache folder: tests never touch the user's cache.
  static const fs::path cache = scratch("cache");
  const std::string cmd = std::string("NO_COLOR=1 KEDROLINT_CACHE_DIR='") + cache.string() + "' " + env + " '" +
                          KEDROLINT_BINARY + "' " + args + " 2>'" + err.string() + "'";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  Result r;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) r.out.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

/// A small Kedro project with exactly two findings when only KL0xx and KL111 run:
/// KL009 (a misspelt option, error) in pyproject.toml and KL111 (a node
/// consuming its own output, error) in the registry.
class TempProject {
 public:
  explicit TempProject(bool with_findings = true) : root_(scratch("project")) {
    fs::create_directories(root_ / "conf/base");
    fs::create_directories(root_ / "conf/local");
    fs::create_directories(root_ / "src/demo");
    write("pyproject.toml", std::string("[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\n"
                                        "kedro_init_version = \"1.5.0\"\n") +
                                (with_findings ? "\n[tool.kedrolint]\nignroe = [\"KL303\"]\n" : ""));
    write("src/demo/__init__.py", "");
    write("src/demo/pipeline_registry.py",
          std::string("from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
                      "def register_pipelines():\n") +
              (with_findings ? "    return {\"__default__\": pipeline([node(f, \"a\", \"a\", name=\"n\")])}\n"
                             : "    return {\"__default__\": pipeline([node(f, \"a\", \"b\", name=\"n\")])}\n"));
    write("conf/base/catalog.yml", "");
  }
  ~TempProject() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  std::string path() const { return "'" + root_.string() + "'"; }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};


}  // namespace cli_support
