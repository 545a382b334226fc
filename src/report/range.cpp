#include "report/report.hpp"

#include "core/utf8.hpp"

namespace kedrolint::report {

Range display_range(const core::SourceMap& sources, core::Span span) {
  const core::SourceFile& file = sources.get(span.file);
  const auto text = file.text();
  std::uint32_t begin = std::min<std::uint32_t>(span.begin, static_cast<std::uint32_t>(text.size()));
  std::uint32_t end = std::max(begin, std::min<std::uint32_t>(span.end, static_cast<std::uint32_t>(text.size())));
  if (end == begin && begin < text.size() && text[begin] != '\n' && text[begin] != '\r') {
    std::size_t i = begin;
    core::decode_utf8(text, i);
    end = static_cast<std::uint32_t>(i);
  }
  return Range{file.position(begin), file.position(end)};
}

std::string rule_url(std::string_view code) {
  return std::string(kHomepage) + "/blob/main/docs/rules/" + std::string(code) + ".md";
}

}  // namespace kedrolint::report
