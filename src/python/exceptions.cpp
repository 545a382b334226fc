#include "python/exceptions.hpp"

#include <utility>
#include <vector>

namespace kedrolint::python {
namespace {

// (class, base) for CPython 3.12's builtin exceptions (Lib/test/exception_hierarchy.txt).
constexpr std::pair<std::string_view, std::string_view> kBases[] = {
    {"Exception", "BaseException"}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
    {"GeneratorExit", "BaseException"}, {"BaseExceptionGroup", "BaseException"},
    {"ExceptionGroup", "Exception"}, {"ArithmeticError", "Exception"}, {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"},
    {"AssertionError", "Exception"}, {"AttributeError", "Exception"}, {"BufferError", "Exception"},
    {"EOFError", "Exception"}, {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
    {"LookupError", "Exception"}, {"IndexError", "LookupError"}, {"KeyError", "LookupError"},
    {"MemoryError", "Exception"}, {"NameError", "Exception"}, {"UnboundLocalError", "NameError"},
    {"OSError", "Exception"}, {"IOError", "Exception"}, {"EnvironmentError", "Exception"},
    {"FileNotFoundError", "OSError"}, {"PermissionError", "OSError"}, {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"}, {"FileExistsError", "OSError"}, {"TimeoutError", "OSError"},
    {"ReferenceError", "Exception"}, {"RuntimeError", "Exception"}, {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"}, {"StopIteration", "Exception"}, {"StopAsyncIteration", "Exception"},
    {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"}, {"TabError", "IndentationError"},
    {"SystemError", "Exception"}, {"TypeError", "Exception"}, {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"}, {"UnicodeDecodeError", "UnicodeError"},
    {"UnicodeEncodeError", "UnicodeError"}, {"Warning", "Exception"}, {"UserWarning", "Warning"},
    {"DeprecationWarning", "Warning"}, {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"},
    {"ImportWarning", "Warning"}};

std::optional<std::string_view> base_of(std::string_view cls) {
  for (const auto& [c, b] : kBases) {
    if (c == cls) return b;
  }
  return std::nullopt;
}

bool is_builtin(std::string_view cls) { return cls == "BaseException" || base_of(cls).has_value(); }

}  // namespace

std::span<const std::string_view> builtin_exception_names() {
  static const auto names = [] {
    std::vector<std::string_view> out{"BaseException"};
    for (const auto& [cls, base] : kBases) out.push_back(cls);
    return out;
  }();
  return names;
}

std::optional<bool> builtin_exception_catches(std::string_view base, std::string_view raised) {
  if (!is_builtin(base)) return std::nullopt;
  // IOError and EnvironmentError are aliases of OSError.
  if (base == "IOError" || base == "EnvironmentError") base = "OSError";
  for (std::optional<std::string_view> c = raised; c; c = base_of(*c)) {
    if (*c == base) return true;
  }
  return false;
}

}  // namespace kedrolint::python
