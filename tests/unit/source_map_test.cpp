// SourceMap::load_all: files read in parallel, registered in the order
// given, with the same results as load() one by one.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/source_map.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

fs::path fresh_folder() {
  const fs::path dir = fs::temp_directory_path() / ("kedrolint-source-map-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("source map: load_all registers files in the order given, whatever the timing", "[core]") {
  const fs::path dir = fresh_folder();
  std::vector<fs::path> paths;
  for (int i = 0; i < 40; ++i) {
    paths.push_back(dir / ("f" + std::to_string(i) + ".py"));
    // Sizes vary so that the reads finish out of order.
    write(paths.back(), std::string(static_cast<std::size_t>((i * 7919) % 50000), 'x') + "\n# " + std::to_string(i));
  }
  paths.push_back(dir / "missing.py");
  write(dir / "bad.py", "a = '\xff'\n");
  paths.push_back(dir / "bad.py");
  paths.push_back(paths.front());  // twice: read once

  core::SourceMap sources(dir);
  const auto first = sources.load(dir / "f5.py");  // already read before
  const auto loaded = sources.load_all(paths, 4);
  REQUIRE(loaded.size() == paths.size());
  CHECK(loaded[5].file == first.file);
  // Ids follow the order of the list, skipping the file read before.
  core::FileId expected = 1;
  for (std::size_t i = 0; i < 40; ++i) {
    REQUIRE(loaded[i].file);
    CHECK(loaded[i].file->text().substr(loaded[i].file->text().rfind('#')) == "# " + std::to_string(i));
    CHECK_FALSE(loaded[i].error);
    if (i == 5) continue;
    CHECK(loaded[i].file->id() == expected++);
  }
  REQUIRE(loaded[40].error);
  CHECK(loaded[40].error->kind == core::ReadError::Kind::Unreadable);
  CHECK(loaded[40].file->text().empty());
  REQUIRE(loaded[41].error);
  CHECK(loaded[41].error->kind == core::ReadError::Kind::NotUtf8);
  CHECK(loaded[41].error->byte_offset == 5);
  CHECK(loaded[42].file == loaded[0].file);
  CHECK(sources.size() == 42);
  // What load() says afterwards agrees, errors included.
  CHECK(sources.load(dir / "bad.py").error->kind == core::ReadError::Kind::NotUtf8);
  fs::remove_all(dir);
}
