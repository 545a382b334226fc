#pragma once
#include <string_view>

namespace kedrolint::python {

/// Python 3.12's `dir(builtins)` that the evaluator does not model: they
/// resolve (to opaque values) so that using them is never a NameError.
inline constexpr std::string_view kOpaqueBuiltinNames[] = {
    "Ellipsis", "NotImplemented", "__build_class__", "__debug__", "__doc__", "__loader__", "__package__",
    "__spec__", "aiter", "anext", "ascii", "bin", "breakpoint", "bytearray", "bytes", "chr", "classmethod",
    "complex", "copyright", "credits", "delattr", "dir", "divmod", "exit", "format", "hash", "help", "hex", "id",
    "issubclass", "license", "memoryview", "oct", "ord", "pow", "property", "quit", "setattr", "slice",
    "staticmethod"};

/// Builtins that can define module globals the evaluator cannot see, so that
/// an undefined name is no longer certainly a NameError.
inline constexpr std::string_view kNameDefiningBuiltins[] = {"globals", "vars", "locals", "exec", "eval",
                                                             "setattr", "__import__"};

}  // namespace kedrolint::python
