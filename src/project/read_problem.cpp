#include "project/read_problem.hpp"

namespace kedrolint::project {

void report_read_problem(const std::filesystem::path& path, const core::SourceMap::Loaded& loaded,
                         std::vector<core::Finding>& findings) {
  if (!loaded.error || !loaded.file) return;
  const auto& e = *loaded.error;
  const core::SourceFile& file = *loaded.file;
  std::string message;
  core::Span span = file.span(0, 0);
  switch (e.kind) {
    case core::ReadError::Kind::Unreadable:
      message = "cannot read `" + file.display_path() + "`: " + e.detail;
      break;
    case core::ReadError::Kind::TooLarge:
      message = "`" + file.display_path() + "` is too large to analyse (" + e.detail + ")";
      break;
    case core::ReadError::Kind::NotUtf8:
      message = "`" + file.display_path() + "` is not valid UTF-8";
      span = file.span(e.byte_offset, e.byte_offset + 1);
      break;
  }
  (void)path;
  findings.push_back({"KL008", span, std::move(message), {}, std::nullopt});
}

}  // namespace kedrolint::project
