#pragma once
#include <optional>

#include "parse/python_source.hpp"

namespace kedrolint::parse {

/// CPython's tokenizer refuses more than 200 open brackets at once
/// (MAXLEVEL in Parser/tokenizer.c): "too many nested parentheses", at the
/// bracket that opens level 201. Strings and comments are skipped as the
/// tokenizer skips them.
std::optional<SyntaxError> too_many_nested_parentheses(const core::SourceFile& file);

}  // namespace kedrolint::parse
