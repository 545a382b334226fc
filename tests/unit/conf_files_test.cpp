// find_config_files: OmegaConfigLoader's globbing of one environment folder.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/conf_files.hpp"

using namespace kedrolint;
namespace fs = std::filesystem;

namespace {

struct TempConf {
  fs::path dir = fs::temp_directory_path() / ("kedrolint_conf_" + std::to_string(::getpid()));
  TempConf() { fs::create_directories(dir); }
  ~TempConf() {
    std::error_code ec;
    for (const auto& p : {dir / "locked"}) fs::permissions(p, fs::perms::owner_all, ec);
    fs::remove_all(dir, ec);
  }
  void write(const std::string& rel) {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel) << "a: 1\n";
  }
};

std::vector<std::string> names(const std::vector<fs::path>& paths, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p.lexically_relative(root).generic_string());
  return out;
}

}  // namespace

TEST_CASE("conf files: Kedro's catalog patterns, hidden folders skipped", "[config]") {
  TempConf t;
  for (const char* f : {"catalog.yml", "catalog_x.yaml", "catalog/a.json", "sub/catalog_y.yml", "sub/other.yml",
                        ".hidden/catalog.yml", "catalog.txt", "parameters.yml"}) {
    t.write(f);
  }
  const std::vector<std::string> patterns = {"catalog*", "catalog*/**", "**/catalog*"};
  CHECK(names(config::find_config_files(t.dir, patterns), t.dir) ==
        std::vector<std::string>{"catalog/a.json", "catalog.yml", "catalog_x.yaml", "sub/catalog_y.yml"});
}

TEST_CASE("conf files: a folder that cannot be listed is returned as unreadable", "[config]") {
  if (::geteuid() == 0) {
    WARN("running as root: permissions do not stop reading, nothing to check");
    return;
  }
  TempConf t;
  t.write("catalog.yml");
  t.write("locked/catalog.yml");
  fs::permissions(t.dir / "locked", fs::perms::none);
  std::vector<fs::path> unreadable;
  const auto found = config::find_config_files(t.dir, {"**/catalog*", "catalog*"}, &unreadable);
  CHECK(names(found, t.dir) == std::vector<std::string>{"catalog.yml"});
  CHECK(names(unreadable, t.dir) == std::vector<std::string>{"locked"});
}
