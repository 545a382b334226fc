#pragma once
// Checks, without building a syntax tree, that a function body is valid
// Python that tree-sitter-python also parses without error. Used to elide
// the bodies of functions the evaluation never calls (node functions) from
// the tree-sitter parse (python_skeleton.hpp).
//
// The check accepts a subset of Python on purpose: every construct it takes
// is one that tree-sitter-python 0.23 parses as written. Anything else (an
// import, `async`, `match`, a walrus outside brackets and conditions, f-string
// fields with backslashes or comments, type parameters...) is refused, and a
// refused body is parsed by tree-sitter as before. Refusing is always safe;
// accepting a body that tree-sitter would not parse would hide a KL001, so
// when in doubt the check refuses. tests/unit/python_body_check_test.cpp
// holds both lists, checked against tree-sitter, and fuzz_body_check
// compares the two on arbitrary input.
#include <cstddef>
#include <span>
#include <string_view>

#include "parse/python_tokens.hpp"

namespace kedrolint::parse::py {

/// Whether the block that starts at `tokens[at]` (an INDENT) and ends at its
/// matching DEDENT passes the check; on success `end` is the index of that
/// DEDENT.
bool check_block(std::string_view text, std::span<const Token> tokens, std::size_t at, std::size_t& end);

}  // namespace kedrolint::parse::py
