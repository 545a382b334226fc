#include "core/text.hpp"
#include "report/report.hpp"

namespace kedrolint::report {
namespace {

// Workflow command escaping (actions/toolkit command.ts).
std::string escape_data(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  // Runner logs interpret ANSI escapes: never pass a control character on.
  return core::printable(out);
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command(core::Severity s) {
  switch (s) {
    case core::Severity::Error: return "error";
    case core::Severity::Warning: return "warning";
    case core::Severity::Note: return "notice";
  }
  return "error";
}

}  // namespace

void write_github(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out) {
  for (const auto& d : diagnostics) {
    const Range r = display_range(ctx.sources, d.primary);
    std::string message = d.message;
    if (d.help) message += "\n" + *d.help;
    out << "::" << command(d.severity) << " file=" << escape_property(ctx.sources.get(d.primary.file).display_path())
        << ",line=" << r.start.line << ",col=" << r.start.column << ",endLine=" << r.end.line
        << ",endColumn=" << r.end.column << ",title=" << escape_property(d.code) << "::" << escape_data(message)
        << "\n";
  }
}

}  // namespace kedrolint::report
