#pragma once
// Golden-file comparison for snapshot tests: KEDROLINT_UPDATE_SNAPSHOTS=1
// rewrites the golden file instead of comparing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace golden_file {

inline void compare(const std::filesystem::path& golden, const std::string& actual) {
  const char* update = std::getenv("KEDROLINT_UPDATE_SNAPSHOTS");
  if (update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << actual;
    WARN("rewrote " << golden.string());
    return;
  }
  std::ifstream in(golden, std::ios::binary);
  INFO("golden file " << golden.string() << " (KEDROLINT_UPDATE_SNAPSHOTS=1 rewrites it)");
  REQUIRE(in);
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(expected.str() == actual);
}

}  // namespace golden_file
