#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/source_file.hpp"
#include "parse/ts.hpp"

namespace kedrolint::parse {

struct SyntaxError {
  core::Span span;
  std::string message;
};

/// A function body left out of a tree (python_skeleton.hpp): tree-sitter
/// read `(` at `begin`, `)` at `end - 1` and blanks between (line breaks
/// kept), so every node outside keeps its byte range. The body passed the
/// body check (python_body_check.hpp): it is valid and holds no import.
struct ElidedBody {
  std::uint32_t begin = 0, end = 0;          ///< the body's statements, first token to last
  std::uint32_t def_begin = 0, def_end = 0;  ///< the function_definition node around it
  std::uint32_t statement_begin = 0;         ///< where its decorators start, else def_begin
  bool top_level = false;                    ///< the def is a statement of the module: it parses alone
};

/// The body of `bodies` (in document order) that `[begin, end)` overlaps,
/// if any; an empty range overlaps the body it lies in.
const ElidedBody* elided_body_at(const std::vector<ElidedBody>& bodies, std::uint32_t begin, std::uint32_t end);

/// A parsed Python file. The tree is kept even when it has errors: the
/// evaluator works on the partial tree and marks what it could not read.
struct PythonSource {
  const core::SourceFile* file = nullptr;
  ts::Tree tree;
  std::optional<SyntaxError> error;  ///< the first error in document order
  /// Bodies missing from this tree, in document order (none when the file
  /// was parsed whole). Only files without syntax errors elide bodies.
  std::vector<ElidedBody> elided;

  /// The elided body that `[begin, end)` overlaps, if any: the node there is
  /// not in this tree as written.
  [[nodiscard]] const ElidedBody* elided_at(std::uint32_t begin, std::uint32_t end) const {
    return elided_body_at(elided, begin, end);
  }

  [[nodiscard]] std::string_view text() const { return file->text(); }
  [[nodiscard]] std::string_view text(ts::Node n) const { return n.text(file->text()); }
  [[nodiscard]] core::Span span(ts::Node n) const { return file->span(n.start(), n.end()); }
};

PythonSource parse_python(ts::PythonParser& parser, const core::SourceFile& file);

/// The PythonSource of a tree of `file`, with the file's first syntax error.
/// `brackets_checked`: the caller knows that no brackets nest too deep.
PythonSource python_source_of(ts::Tree tree, const core::SourceFile& file, bool brackets_checked = false);

/// Whether a node of this type can contain statements (a module, a block, a
/// compound statement or one of its clauses): walks looking for statements
/// need not descend into anything else.
bool may_hold_statements(std::string_view type);

}  // namespace kedrolint::parse
