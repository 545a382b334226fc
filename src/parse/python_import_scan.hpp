#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kedrolint::parse {

/// One `import` or `from ... import` statement, read from the source text.
struct ImportStatement {
  bool is_from = false;
  int level = 0;       ///< leading dots of a `from` import
  std::string module;  ///< the `from` module (empty in `from . import x` and in `import`)
  /// `import a.b, c as d`: a.b and c; `from m import x as y, z`: x and z (none for `*`).
  std::vector<std::string> names;
};

/// Every import statement of a file, at any depth, in source order, without
/// building a syntax tree: finding the project files the registry reaches this
/// way costs a small fraction of a parse, so each file is parsed once, when
/// the evaluation is about to need it. Python's `import` is a statement, so a
/// statement start (a new logical line, `;`, or the `:` of a one-line block)
/// followed by `import` or `from` is one; `yield from` and `raise ... from`
/// are not at a statement start.
std::vector<ImportStatement> scan_imports(std::string_view source);

}  // namespace kedrolint::parse
