#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::core {

enum class Severity { Note = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

/// A secondary location with its own message ("dataset defined here").
struct Label {
  Span span;
  std::string message;
};

/// One finding. `code` is a rule id such as "KL301". The primary span is
/// where the user has to act; related labels point at the other ends
/// (the catalog entry, the other producer, each node of a cycle).
struct Diagnostic {
  std::string code;
  Severity severity = Severity::Warning;
  std::string message;
  Span primary;
  std::vector<Label> related;
  std::optional<std::string> help;  ///< how to fix, one sentence
  /// An ordered path through the code (a cycle, a data flow); SARIF codeFlows.
  std::vector<Label> flow;
};

}  // namespace kedrolint::core

namespace kedrolint::core {

/// A problem found while discovering, parsing or evaluating the project,
/// before any rule ran. The KL0xx rule that owns `code` turns it into a
/// Diagnostic (so it can be selected, ignored and documented like any rule).
struct Finding {
  std::string code;
  Span span;
  std::string message;
  std::vector<Label> related;
  std::optional<std::string> help;
};

}  // namespace kedrolint::core
