#pragma once
#include <optional>
#include <string>

#include "core/source_file.hpp"
#include "parse/ts.hpp"

namespace kedrolint::parse {

struct SyntaxError {
  core::Span span;
  std::string message;
};

/// A parsed Python file. The tree is kept even when it has errors: the
/// evaluator works on the partial tree and marks what it could not read.
struct PythonSource {
  const core::SourceFile* file = nullptr;
  ts::Tree tree;
  std::optional<SyntaxError> error;  ///< the first error in document order

  [[nodiscard]] std::string_view text() const { return file->text(); }
  [[nodiscard]] std::string_view text(ts::Node n) const { return n.text(file->text()); }
  [[nodiscard]] core::Span span(ts::Node n) const { return file->span(n.start(), n.end()); }
};

PythonSource parse_python(ts::PythonParser& parser, const core::SourceFile& file);

/// Whether a node of this type can contain statements (a module, a block, a
/// compound statement or one of its clauses): walks looking for statements
/// need not descend into anything else.
bool may_hold_statements(std::string_view type);

}  // namespace kedrolint::parse
