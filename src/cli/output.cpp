#include "cli/output.hpp"

#include <unistd.h>

#include <cstring>
#include <fstream>

namespace kedrolint::cli {
namespace fs = std::filesystem;

bool write_output(const std::optional<fs::path>& path, const std::function<void(std::ostream&)>& write) {
  if (!path) {
    write(std::cout);
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  const fs::path tmp = path->string() + ".kedrolint-" + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << "kedrolint: cannot write " << path->string() << ": " << std::strerror(errno) << "\n";
      return false;
    }
    write(out);
    out.flush();
    if (!out) {
      std::cerr << "kedrolint: cannot write " << path->string() << "\n";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, *path, ec);
  if (ec) {
    std::cerr << "kedrolint: cannot write " << path->string() << ": " << ec.message() << "\n";
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace kedrolint::cli
