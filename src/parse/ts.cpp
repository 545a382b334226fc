#include "parse/ts.hpp"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace kedrolint::parse::ts {

PythonParser::PythonParser() : raw_(ts_parser_new()) {
  ready_ = ts_parser_set_language(raw_.get(), tree_sitter_python());
  // Bounded time on hostile input: tree-sitter gives up after this long.
  ts_parser_set_timeout_micros(raw_.get(), 20'000'000);
}

Tree PythonParser::parse(std::string_view source) {
  if (!ready_) return Tree();
  ts_parser_reset(raw_.get());
  return Tree(ts_parser_parse_string(raw_.get(), nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
}

std::uint32_t PythonParser::grammar_abi() { return ts_language_version(tree_sitter_python()); }
std::uint32_t PythonParser::runtime_abi() { return TREE_SITTER_LANGUAGE_VERSION; }

}  // namespace kedrolint::parse::ts
