#pragma once
#include <string>
#include <vector>

#include "core/source_file.hpp"

namespace kedrolint::suppress {

/// A `# kedrolint: ...` comment.
///  - `ignore[KL301, KL302]` / bare `ignore`: a trailing comment covers its
///    own line; an own-line comment covers the next statement or YAML entry;
///  - `disable[...]` ... `enable[...]`: a range, codes must match exactly;
///  - `file-ignore[KL2]`: the whole file, prefixes allowed.
/// An optional reason follows ` -- `.
struct Directive {
  enum class Kind { Ignore, Disable, Enable, FileIgnore, Malformed };
  Kind kind = Kind::Ignore;
  std::vector<std::string> codes;  ///< empty only for a bare `ignore`
  std::vector<core::Span> code_spans;
  core::Span span;  ///< the directive text inside the comment
  std::uint32_t first_line = 0;  ///< lines covered (Ignore), 1-based, inclusive
  std::uint32_t last_line = 0;
  std::string reason;
  std::string problem;  ///< for Malformed: what is wrong
};

enum class Syntax { Python, Yaml, Toml };

/// Finds the directives in a file's comments (strings are skipped).
std::vector<Directive> lex_directives(const core::SourceFile& file, Syntax syntax);

}  // namespace kedrolint::suppress
