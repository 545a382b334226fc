#include <map>
#include <set>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/report.hpp"
#include "rules/rule.hpp"

namespace kedrolint::report {
namespace {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
  std::string_view blue() const { return on ? "\x1b[1;34m" : ""; }
  std::string_view cyan() const { return on ? "\x1b[1;36m" : ""; }
  std::string_view of(core::Severity s) const {
    if (!on) return "";
    switch (s) {
      case core::Severity::Error: return "\x1b[1;31m";
      case core::Severity::Warning: return "\x1b[1;33m";
      case core::Severity::Note: return "\x1b[1;36m";
    }
    return "";
  }
};

// One code point per code point (tabs as single spaces, controls as their
// pictures), so the caret line stays aligned and no escape sequence from a
// hostile file reaches the terminal.
std::string expand(std::string_view line) { return core::printable(line); }

void snippet(const core::SourceMap& sources, core::Span span, const Style& st, std::string_view mark_color,
             std::ostream& out) {
  const Range r = display_range(sources, span);
  const core::SourceFile& file = sources.get(span.file);
  const std::string_view line = file.line_text(r.start.line);
  if (line.empty() && file.text().empty()) return;
  const std::string number = std::to_string(r.start.line);
  const std::string pad(number.size(), ' ');
  std::uint32_t width = 1;
  if (r.end.line == r.start.line && r.end.column > r.start.column) {
    width = r.end.column - r.start.column;
  } else if (r.end.line != r.start.line) {
    const auto line_len = static_cast<std::uint32_t>(core::codepoint_count(line));
    width = line_len >= r.start.column ? line_len - r.start.column + 1 : 1;
  }
  out << st.blue() << pad << " |" << st.reset() << "\n";
  out << st.blue() << number << " |" << st.reset() << " " << expand(line) << "\n";
  out << st.blue() << pad << " |" << st.reset() << " " << std::string(r.start.column - 1, ' ') << mark_color
      << std::string(width, '^') << st.reset() << "\n";
}

std::string location(const core::SourceMap& sources, core::Span span) {
  const Range r = display_range(sources, span);
  return core::printable(sources.get(span.file).display_path()) + ":" + std::to_string(r.start.line) + ":" +
         std::to_string(r.start.column);
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out) {
  const Style st{ctx.color};
  std::map<core::Severity, std::size_t> counts;
  std::set<core::FileId> files;
  for (const auto& d : diagnostics) {
    ++counts[d.severity];
    files.insert(d.primary.file);
    out << st.bold() << location(ctx.sources, d.primary) << ": " << st.reset() << st.of(d.severity)
        << core::to_string(d.severity) << st.reset() << st.bold() << ": " << core::printable(d.message) << st.reset() << " ["
        << d.code << "]\n";
    snippet(ctx.sources, d.primary, st, st.of(d.severity), out);
    for (const auto& label : d.related) {
      out << "  " << st.bold() << location(ctx.sources, label.span) << ": " << st.reset() << st.cyan() << "note"
          << st.reset() << ": " << core::printable(label.message) << "\n";
      snippet(ctx.sources, label.span, st, st.cyan(), out);
    }
    if (d.help) out << "  " << st.cyan() << "help" << st.reset() << ": " << core::printable(*d.help) << "\n";
    out << "\n";
  }
  if (!ctx.summary) return;
  if (diagnostics.empty()) {
    out << "All checks passed.\n";
    return;
  }
  std::vector<std::string> parts;
  if (counts[core::Severity::Error]) parts.push_back(plural(counts[core::Severity::Error], "error"));
  if (counts[core::Severity::Warning]) parts.push_back(plural(counts[core::Severity::Warning], "warning"));
  if (counts[core::Severity::Note]) parts.push_back(plural(counts[core::Severity::Note], "note"));
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) joined += i + 1 == parts.size() ? " and " : ", ";
    joined += parts[i];
  }
  out << st.bold() << "Found " << joined << " in " << plural(files.size(), "file") << "." << st.reset() << "\n";
}

}  // namespace kedrolint::report
