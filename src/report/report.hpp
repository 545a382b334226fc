#pragma once
#include <ostream>
#include <span>
#include <string>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::report {

/// Everything a formatter needs besides the diagnostics.
struct Context {
  const core::SourceMap& sources;
  std::string tool_version;
  bool color = false;
  bool summary = true;  ///< text: the closing count line
};

/// Diagnostics must already be sorted (file, line, column, code).
void write_text(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out);
void write_json(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out);
void write_sarif(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out);
void write_github(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out);
/// GitLab Code Quality JSON (`artifacts:reports:codequality`).
void write_gitlab(std::span<const core::Diagnostic> diagnostics, const Context& ctx, std::ostream& out);

/// The start and end of a span as rendered everywhere: an empty span that is
/// not at the end of its line is widened to one character so that editors
/// and code scanning can underline it; `end` is one past the last character.
struct Range {
  core::Position start;
  core::Position end;
};
Range display_range(const core::SourceMap& sources, core::Span span);

/// The documentation page of a rule.
std::string rule_url(std::string_view code);
inline constexpr std::string_view kHomepage = "https://github.com/kedrolint/kedrolint";

}  // namespace kedrolint::report
