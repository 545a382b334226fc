#include "parse/python_skeleton.hpp"

#include <algorithm>
#include <string>

#include "parse/python_body_check.hpp"
#include "parse/python_tokens.hpp"

namespace kedrolint::parse {
namespace {

using py::Tok;
using py::Token;

// Shorter bodies save less parsing than their check and bookkeeping cost.
constexpr std::uint32_t kMinElidedBytes = 48;

bool opens(Tok k) { return k == Tok::LParen || k == Tok::LBracket || k == Tok::LBrace; }
bool closes(Tok k) { return k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace; }

/// The index of the INDENT that opens the block of the def at `def_at`, or 0
/// when its suite is on the header's line (or the header is unusual).
std::size_t block_of_def(const std::vector<Token>& toks, std::size_t def_at) {
  int depth = 0;
  for (std::size_t j = def_at + 1; j + 2 < toks.size(); ++j) {
    const Tok k = toks[j].kind;
    if (opens(k)) ++depth;
    else if (closes(k)) --depth;
    else if (k == Tok::Newline || k == Tok::End) return 0;
    else if (k == Tok::Colon && depth == 0) {
      return toks[j + 1].kind == Tok::Newline && toks[j + 2].kind == Tok::Indent ? j + 2 : 0;
    }
  }
  return 0;
}

/// The DEDENT that closes the block opened at `indent_at`.
std::size_t matching_dedent(const std::vector<Token>& toks, std::size_t indent_at) {
  int level = 0;
  for (std::size_t k = indent_at; k < toks.size(); ++k) {
    if (toks[k].kind == Tok::Indent) ++level;
    else if (toks[k].kind == Tok::Dedent && --level == 0) return k;
  }
  return toks.size();
}

bool builds_pipelines(std::string_view text, const std::vector<Token>& toks, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k) {
    if (toks[k].kind != Tok::Name) continue;
    const std::string_view w = text.substr(toks[k].begin, toks[k].end - toks[k].begin);
    if (w == "node" || w == "pipeline" || w == "Node" || w == "Pipeline") return true;
  }
  return false;
}

bool at_statement_start(const std::vector<Token>& toks, std::size_t k) {
  if (k == 0) return true;
  const Tok prev = toks[k - 1].kind;
  return prev == Tok::Newline || prev == Tok::Indent || prev == Tok::Dedent;
}

/// Finds each body's function_definition in `tree` and checks that the
/// body is the placeholder expected; false when one is not.
bool locate_definitions(const ts::Tree& tree, std::vector<ElidedBody>& bodies) {
  const ts::Node root = tree.root();
  for (ElidedBody& body : bodies) {
    ts::Node def = root.descendant_for(body.begin, body.end);
    while (!def.null() && !def.is("function_definition")) def = def.parent();
    if (def.null()) return false;
    const ts::Node block = def.field("body");
    if (block.null() || block.start() != body.begin) return false;
    // The placeholder, then only the comments that follow the body.
    const auto children = block.named_children();
    if (children.empty() || children[0].start() != body.begin || children[0].end() != body.end) return false;
    for (std::size_t i = 1; i < children.size(); ++i) {
      if (!children[i].is("comment")) return false;
    }
    body.def_begin = def.start();
    body.def_end = def.end();
    body.statement_begin = def.start();
    ts::Node parent = def.parent();
    if (parent.is("decorated_definition")) {
      body.statement_begin = parent.start();
      parent = parent.parent();
    }
    body.top_level = parent.is("module");
  }
  return true;
}

}  // namespace

std::vector<ElidedBody> elidable_bodies(std::string_view text, bool& tokenized) {
  thread_local py::TokenizedFile file;
  std::vector<ElidedBody> out;
  tokenized = py::tokenize(text, file);
  if (!tokenized) return out;
  const std::vector<Token>& toks = file.tokens;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].kind != Tok::Def || !at_statement_start(toks, k)) continue;
    const std::size_t indent_at = block_of_def(toks, k);
    if (indent_at == 0) continue;
    const std::size_t dedent_at = matching_dedent(toks, indent_at);
    std::size_t last = dedent_at;
    while (last > indent_at && (toks[last - 1].kind == Tok::Newline || toks[last - 1].kind == Tok::Dedent)) --last;
    if (last <= indent_at + 1 || dedent_at >= toks.size()) continue;
    const std::uint32_t begin = toks[indent_at + 1].begin, end = toks[last - 1].end;
    if (end - begin < kMinElidedBytes || builds_pipelines(text, toks, indent_at, dedent_at)) continue;
    const auto shallow = std::lower_bound(file.shallow_lines.begin(), file.shallow_lines.end(), begin);
    if (shallow != file.shallow_lines.end() && *shallow < end) continue;
    std::size_t checked_end = 0;
    if (!py::check_block(text, toks, indent_at, checked_end) || checked_end != dedent_at) continue;
    out.push_back(ElidedBody{begin, end, 0, 0, false});
    k = dedent_at;  // the defs inside are elided with it
  }
  return out;
}

PythonSource parse_python_eliding(ts::PythonParser& parser, const core::SourceFile& file,
                                  std::vector<ElidedBody> bodies, bool brackets_checked) {
  auto whole = [&] { return python_source_of(parser.parse(file.text()), file, brackets_checked); };
  if (bodies.empty()) return whole();
  std::string text(file.text());
  for (const ElidedBody& b : bodies) {
    for (std::uint32_t i = b.begin; i < b.end; ++i) {
      if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
    }
    text[b.begin] = '(';
    text[b.end - 1] = ')';
  }
  ts::Tree tree = parser.parse(text);
  if (!tree || tree.root().has_error() || !locate_definitions(tree, bodies)) return whole();
  PythonSource out = python_source_of(std::move(tree), file, brackets_checked);
  if (out.error) return whole();
  out.elided = std::move(bodies);
  return out;
}

PythonSource parse_python_skeleton(ts::PythonParser& parser, const core::SourceFile& file) {
  bool tokenized = false;
  auto bodies = elidable_bodies(file.text(), tokenized);
  return parse_python_eliding(parser, file, std::move(bodies), tokenized);
}

PythonSource parse_python_function(ts::PythonParser& parser, const core::SourceFile& file, const ElidedBody& body) {
  PythonSource out;
  out.file = &file;
  // With its decorators: whoever reads the definition may look at them.
  const core::Position from = file.position(body.statement_begin), to = file.position(body.def_end);
  const TSPoint begin_point{from.line - 1, from.byte_column - 1}, end_point{to.line - 1, to.byte_column - 1};
  ts::Tree tree = parser.parse_range(file.text(), body.statement_begin, body.def_end, begin_point, end_point);
  if (!tree || tree.root().has_error()) return out;
  ts::Node def = tree.root().descendant_for(body.def_begin, body.def_end);
  while (!def.null() && !(def.is("function_definition") && def.start() == body.def_begin)) def = def.parent();
  if (def.null() || def.end() != body.def_end) return out;
  out.tree = std::move(tree);
  return out;
}

}  // namespace kedrolint::parse
