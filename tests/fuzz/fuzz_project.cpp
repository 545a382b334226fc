// libFuzzer target: a whole small project. The input is a file tree:
// records of `relative path`, NUL, `content`, NUL. Paths are confined to a
// fresh folder; the analysis then runs every rule on it.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "engine/engine.hpp"

namespace fs = std::filesystem;

namespace {

bool safe(std::string_view path) {
  if (path.empty() || path.size() > 200 || path.front() == '/') return false;
  for (std::size_t at = 0; at <= path.size();) {
    const auto slash = path.find('/', at);
    const auto part = path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path base = fs::temp_directory_path() / ("kedrolint-fuzz-project-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(base, ec);
  fs::create_directories(base, ec);
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (int files = 0; !input.empty() && files < 32; ++files) {
    const auto a = input.find('\0');
    if (a == std::string_view::npos) break;
    const auto b = input.find('\0', a + 1);
    const std::string_view path = input.substr(0, a);
    const std::string_view content = input.substr(a + 1, b == std::string_view::npos ? std::string_view::npos : b - a - 1);
    input = b == std::string_view::npos ? std::string_view{} : input.substr(b + 1);
    if (!safe(path)) continue;
    fs::create_directories((base / path).parent_path(), ec);
    if (ec) continue;
    std::ofstream(base / path, std::ios::binary) << content;
  }
  kedrolint::core::SourceMap sources(base);
  kedrolint::engine::CheckOptions options;
  options.jobs = 1;
  (void)kedrolint::engine::check_project(base, options, sources);
  return 0;
}
