#pragma once
#include <cstdint>
#include <limits>

namespace kedrolint::core {

/// Index of a file in the SourceMap of one run.
using FileId = std::uint32_t;
inline constexpr FileId kNoFile = std::numeric_limits<FileId>::max();

/// A half-open byte range [begin, end) in one source file. Byte offsets are
/// converted to line/column only when rendering (see LineIndex).
struct Span {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] bool valid() const { return file != kNoFile; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace kedrolint::core
