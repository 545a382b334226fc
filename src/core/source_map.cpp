#include "core/source_map.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "core/parallel.hpp"
#include "core/utf8.hpp"

namespace kedrolint::core {
namespace fs = std::filesystem;

std::string SourceMap::display_path(const fs::path& path) const {
  std::error_code ec;
  const fs::path rel = path.lexically_relative(root_);
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  (void)ec;
  return path.generic_string();
}

const SourceFile& SourceMap::add_locked(const fs::path& path, std::string text) {
  const auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, path, display_path(path), std::move(text)));
  by_path_[path.lexically_normal().string()] = id;
  return *files_.back();
}

void SourceMap::confine_to(const fs::path& folder) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(folder, ec);
  if (ec) canonical = fs::absolute(folder).lexically_normal();
  std::lock_guard lock(mutex_);
  if (std::find(confined_to_.begin(), confined_to_.end(), canonical) == confined_to_.end()) {
    confined_to_.push_back(std::move(canonical));
  }
}

const SourceFile& SourceMap::add(const fs::path& path, std::string text) {
  std::lock_guard lock(mutex_);
  return add_locked(path, std::move(text));
}

std::optional<std::string> SourceMap::outside_confinement(const fs::path& path) const {
  std::vector<fs::path> folders;
  {
    std::lock_guard lock(mutex_);
    folders = confined_to_;
  }
  if (folders.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(path, ec);
  if (ec) return std::nullopt;
  for (const auto& folder : folders) {
    const auto rel = real.lexically_relative(folder);
    if (!rel.empty() && *rel.begin() != "..") return std::nullopt;
  }
  return real.string();
}

std::optional<SourceMap::Loaded> SourceMap::already(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = by_path_.find(key);
  if (it == by_path_.end()) return std::nullopt;
  Loaded out{files_[it->second].get(), std::nullopt};
  if (auto e = errors_.find(key); e != errors_.end()) out.error = e->second;
  return out;
}

// A file that cannot be read is still registered, empty, so that the
// diagnostic saying so has a file:line:col to point at.
SourceMap::Read SourceMap::read(const fs::path& path) const {
  auto fail = [](ReadError error) { return Read{std::string(), std::move(error)}; };
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fail({ReadError::Kind::Unreadable, "no such file", 0});
  if (!fs::is_regular_file(status)) return fail({ReadError::Kind::Unreadable, "not a regular file", 0});
  if (auto outside = outside_confinement(path)) {
    return fail({ReadError::Kind::Unreadable,
                 "a symbolic link that leads outside the project, to " + *outside + "; kedrolint reads only files "
                 "inside the project",
                 0});
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    return fail({ReadError::Kind::TooLarge, std::to_string(size) + " bytes", 0});
  }
  // Plain read(2): iostreams hide an I/O error in the middle of a file (EIO
  // on a network mount) and hand back a truncated text as if it were whole.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail({ReadError::Kind::Unreadable, std::strerror(errno), 0});
  std::string text;
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int saved = errno;
      ::close(fd);
      return fail({ReadError::Kind::Unreadable, std::strerror(saved), 0});
    }
    if (got == 0) break;
    text.append(chunk, static_cast<std::size_t>(got));
    if (text.size() > kMaxFileBytes) {
      ::close(fd);
      return fail({ReadError::Kind::TooLarge, "more than " + std::to_string(kMaxFileBytes) + " bytes", 0});
    }
  }
  ::close(fd);
  std::optional<ReadError> error;
  if (auto bad = first_invalid_utf8(text)) {
    error = ReadError{ReadError::Kind::NotUtf8, "invalid UTF-8", static_cast<std::uint32_t>(*bad)};
  }
  return Read{std::move(text), std::move(error)};
}

SourceMap::Loaded SourceMap::keep(const fs::path& path, const std::string& key, Read read) {
  std::lock_guard lock(mutex_);
  if (auto it = by_path_.find(key); it != by_path_.end()) return Loaded{files_[it->second].get(), read.error};
  const SourceFile& file = add_locked(path, std::move(read.text));
  if (read.error) errors_.emplace(key, *read.error);
  return Loaded{&file, read.error};
}

SourceMap::Loaded SourceMap::load(const fs::path& path) {
  const std::string key = path.lexically_normal().string();
  if (auto known = already(key)) return *known;
  return keep(path, key, read(path));
}

std::vector<SourceMap::Loaded> SourceMap::load_all(const std::vector<fs::path>& paths, std::size_t jobs) {
  std::vector<std::string> keys(paths.size());
  std::vector<std::optional<Read>> reads(paths.size());
  parallel_for(paths.size(), jobs, [&](std::size_t i) {
    keys[i] = paths[i].lexically_normal().string();
    if (!already(keys[i])) reads[i] = read(paths[i]);
  });
  std::vector<Loaded> out;
  out.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (reads[i]) {
      out.push_back(keep(paths[i], keys[i], std::move(*reads[i])));
    } else {
      out.push_back(load(paths[i]));  // read before, or twice in `paths`
    }
  }
  return out;
}

const SourceFile& SourceMap::get(FileId id) const {
  std::lock_guard lock(mutex_);
  return *files_.at(id);
}

std::size_t SourceMap::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

const SourceFile* SourceMap::find(const fs::path& path) const {
  std::lock_guard lock(mutex_);
  auto it = by_path_.find(path.lexically_normal().string());
  return it == by_path_.end() ? nullptr : files_[it->second].get();
}

}  // namespace kedrolint::core
