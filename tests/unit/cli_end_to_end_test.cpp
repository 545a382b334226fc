// Runs the built binary like a user would: exit codes, formats, --output.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  const std::string cmd = std::string(KEDROLINT_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  const int raw = pclose(pipe);
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

std::string example() { return std::string(KEDROLINT_SOURCE_DIR) + "/examples/spaceflights"; }
std::string fixture(const std::string& rel) { return std::string(KEDROLINT_SOURCE_DIR) + "/fixtures/" + rel; }

}  // namespace

TEST_CASE("exit status: 1 with findings, 0 when clean, 2 for usage errors", "[cli]") {
  CHECK(run("check " + example() + " --no-color").status == 1);
  CHECK(run("check " + fixture("reconstruction/spaceflights_1x")).status == 0);
  CHECK(run("check " + example() + " --exit-zero").status == 0);
  CHECK(run("check " + example() + " --fail-on error --select KL308").status == 0);  // warnings only
  CHECK(run("check /").status == 2);
  CHECK(run("check " + example() + " --select KL999").status == 2);
  CHECK(run("check " + example() + " --format xml").status == 2);
  CHECK(run("check /definitely/not/here").status == 2);
}

TEST_CASE("a path inside the project finds its root", "[cli]") {
  const auto r = run("check " + example() + "/src/spaceflights/pipelines --select KL105 --no-color");
  CHECK(r.status == 1);
  CHECK(r.out.find("src/spaceflights/pipelines/reporting/pipeline.py:17:25: error:") != std::string::npos);
}

TEST_CASE("option --output writes the report atomically and nothing to stdout", "[cli]") {
  const fs::path out = fs::temp_directory_path() / ("kedrolint-cli-test-" + std::to_string(::getpid()) + ".json");
  const auto r = run("check " + example() + " --format json --output " + out.string());
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().rfind("[\n", 0) == 0);
  CHECK(text.str().find("\"code\": \"KL201\"") != std::string::npos);
  fs::remove(out);
}

TEST_CASE("github annotations and SARIF", "[cli]") {
  const auto gh = run("check " + example() + " --format github --select KL201");
  CHECK(gh.out.rfind("::error file=src/spaceflights/pipelines/data_science/pipeline.py,line=37,col=17,endLine=37,"
                     "endColumn=36,title=KL201::",
                     0) == 0);
  const auto sarif = run("check " + example() + " --format sarif --select KL201");
  CHECK(sarif.out.find("\"primaryLocationLineHash\"") != std::string::npos);
  CHECK(sarif.out.find("\"uriBaseId\": \"%SRCROOT%\"") != std::string::npos);
}

TEST_CASE("rule documentation and version", "[cli]") {
  const auto doc = run("rule KL301");
  CHECK(doc.status == 0);
  CHECK(doc.out.find("## What it does") != std::string::npos);
  CHECK(run("rule missing-catalog-entry").status == 0);
  CHECK(run("rule KL3001").status == 2);
  CHECK(run("--version").out.rfind("kedrolint ", 0) == 0);
  CHECK(run("rule").out.find("KL405") != std::string::npos);
}

TEST_CASE("NO_COLOR and --no-color keep the text plain", "[cli]") {
  const auto r = run("check " + example() + " --select KL105");
  CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal
}
