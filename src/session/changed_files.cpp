#include "session/changed_files.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kedrolint::session {
namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

// fork/exec with an argument vector: paths are never interpreted by a shell.
Run run_git(const fs::path& folder, std::vector<std::string> args) {
  std::vector<std::string> argv{"git", "-C", folder.string(), "-c", "core.fsmonitor=false",
                                "-c", "core.untrackedCache=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  int pipe_fds[2];
  Run result;
  if (::pipe(pipe_fds) != 0) return result;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return result;
  }
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    ::execvp("git", raw.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  char buffer[8192];
  for (;;) {
    const ssize_t got = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    result.out.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

std::optional<std::vector<fs::path>> changed_files(const fs::path& folder, std::string& error) {
  const Run top = run_git(folder, {"rev-parse", "--show-toplevel"});
  if (top.status != 0 || top.out.empty()) {
    error = top.status == 127 ? "git is not installed" : folder.string() + " is not inside a git work tree";
    return std::nullopt;
  }
  const fs::path root(top.out.substr(0, top.out.find_first_of("\r\n")));
  // -z: NUL-separated "XY path" records, paths relative to the top level.
  const Run status = run_git(root, {"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"});
  if (status.status != 0) {
    error = "`git status` failed in " + root.string();
    return std::nullopt;
  }
  std::vector<fs::path> files;
  std::size_t at = 0;
  while (at < status.out.size()) {
    const auto end = status.out.find('\0', at);
    const std::string record = status.out.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? status.out.size() : end + 1;
    if (record.size() > 3) files.push_back((root / record.substr(3)).lexically_normal());
  }
  return files;
}

}  // namespace kedrolint::session
