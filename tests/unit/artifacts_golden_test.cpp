// `kedrolint artifacts --format json` on each fixtures/artifacts/<case>/ is
// compared with its expected.artifacts.json: the kind inferred per dataset
// and the evidence of every source, with locations (the export comparison of
// the reconstruction fixtures leaves kinds out). KEDROLINT_UPDATE_SNAPSHOTS=1
// rewrites the files.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "golden_file.hpp"

namespace fs = std::filesystem;
using golden_file::compare;

namespace {

std::string run_artifacts(const fs::path& project) {
  const std::string cmd = std::string("NO_COLOR=1 '") + KEDROLINT_BINARY + "' artifacts '" + project.string() +
                          "' --format json 2>/dev/null";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  REQUIRE(::pclose(pipe) == 0);
  return out;
}

}  // namespace

TEST_CASE("artifacts --format json matches the golden files", "[artifacts]") {
  const fs::path root = fs::path(KEDROLINT_SOURCE_DIR) / "fixtures/artifacts";
  std::size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!fs::exists(entry.path() / "pyproject.toml")) continue;
    INFO("fixture " << entry.path().filename().string());
    compare(entry.path() / "expected.artifacts.json", run_artifacts(entry.path()));
    ++cases;
  }
  CHECK(cases > 0);
}
