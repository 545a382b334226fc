#pragma once
// Parsing a Python file without the bodies of the functions the evaluation
// never calls. Node functions are most of a project's code and kedrolint
// only reads their signatures; their bodies need only be known to be valid
// Python without imports, which the body check (python_body_check.hpp)
// tells in a fraction of a tree-sitter parse. Such a body is blanked out of
// the text tree-sitter reads (ElidedBody), so the tree is smaller and every
// other node keeps its byte range. A function whose body is needed after all
// (the evaluation calls it) is parsed alone (parse_python_function), or with
// its whole file when it is not at the top of its module.
//
// The result is the same as parse_python's, the syntax error included: a
// file whose elided tree has any error is parsed again whole, and so is one
// whose elided bodies cannot all be found again in the tree.
#include <string_view>
#include <vector>

#include "parse/python_source.hpp"

namespace kedrolint::parse {

/// Bodies worth eliding in `text` (begin and end set, not the def's range):
/// long enough, passing the body check, not building nodes or pipelines
/// (a body that names `node`, `pipeline`, `Node` or `Pipeline` is likely to
/// be called by the evaluation, which parses it then: checking it would be
/// wasted, and a method's body would cost its whole file). Empty when the
/// file does not tokenize (see python_tokens.hpp). `tokenized` tells whether
/// it did, which also means no brackets nest too deep.
std::vector<ElidedBody> elidable_bodies(std::string_view text, bool& tokenized);

/// Parses `file` with `bodies` elided, or whole when none is or when the
/// elided tree has an error or does not hold the bodies where expected.
/// `brackets_checked`: as for python_source_of.
PythonSource parse_python_eliding(ts::PythonParser& parser, const core::SourceFile& file,
                                  std::vector<ElidedBody> bodies, bool brackets_checked);

/// `parse_python_eliding` of the bodies `elidable_bodies` finds.
PythonSource parse_python_skeleton(ts::PythonParser& parser, const core::SourceFile& file);

/// The top-level function around `body` parsed alone, in full: a tree whose
/// module holds that one definition (decorated or not), at its offsets in
/// the file.
/// The tree is null when the function does not parse alone as it did in
/// its file.
PythonSource parse_python_function(ts::PythonParser& parser, const core::SourceFile& file, const ElidedBody& body);

}  // namespace kedrolint::parse
