#pragma once
#include <optional>

#include "parse/python_source.hpp"

namespace kedrolint::parse {

/// The indentation errors CPython raises at import time that
/// tree-sitter-python accepts without an ERROR node: a block with no
/// statement ("expected an indented block after ..."), a statement indented
/// deeper than its siblings ("unexpected indent") and a dedent to a level
/// that no enclosing block has ("unindent does not match any outer
/// indentation level"). Returns the first in document order.
std::optional<SyntaxError> first_indentation_error(const core::SourceFile& file, ts::Node module);

}  // namespace kedrolint::parse
