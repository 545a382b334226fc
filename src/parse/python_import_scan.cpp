#include "parse/python_import_scan.hpp"

#include "parse/python_lexer.hpp"

namespace kedrolint::parse {
namespace {

using Kind = PythonLexer::Kind;
using Token = PythonLexer::Token;

class ImportParser {
 public:
  explicit ImportParser(std::string_view source) : lexer_(source) { advance(); }

  std::vector<ImportStatement> run() {
    std::vector<ImportStatement> out;
    bool at_statement_start = true;
    while (token_.kind != Kind::End) {
      if (at_statement_start && (token_.is_name("import") || token_.is_name("from"))) {
        ImportStatement statement;
        if (token_.is_name("import") ? read_import(statement) : read_from(statement)) {
          out.push_back(std::move(statement));
        }
        at_statement_start = false;
        continue;  // the token that ended the statement decides what follows
      }
      at_statement_start = token_.kind == Kind::Newline ||
                           (lexer_depth_before_ == 0 && (token_.is_op(";") || token_.is_op(":")));
      advance();
    }
    return out;
  }

 private:
  void advance() {
    lexer_depth_before_ = lexer_.depth();
    token_ = lexer_.next();
  }

  // A dotted name (`a.b.c`) at the current token, or empty. A keyword is
  // not a name: `from . import x` has no module name.
  std::string dotted_name() {
    std::string name;
    while (token_.kind == Kind::Name && !token_.is_name("import")) {
      name += token_.text;
      advance();
      if (!token_.is_op(".")) break;
      name += '.';
      advance();
    }
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
  }

  void skip_alias() {
    if (!token_.is_name("as")) return;
    advance();
    if (token_.kind == Kind::Name) advance();
  }

  // `a.b as c, d`: the dotted names, aliases skipped.
  void read_names(std::vector<std::string>& names) {
    for (;;) {
      std::string name = dotted_name();
      if (name.empty()) return;
      names.push_back(std::move(name));
      skip_alias();
      if (!token_.is_op(",")) return;
      advance();
    }
  }

  // `import a.b as c, d`
  bool read_import(ImportStatement& statement) {
    advance();
    read_names(statement.names);
    return !statement.names.empty();
  }

  // `from ..m import (x as y, z)`
  bool read_from(ImportStatement& statement) {
    statement.is_from = true;
    advance();
    for (;;) {
      if (token_.is_op(".")) statement.level += 1;
      else if (token_.is_op("...")) statement.level += 3;
      else break;
      advance();
    }
    statement.module = dotted_name();
    if (statement.module.empty() && statement.level == 0) return false;
    if (!token_.is_name("import")) return false;
    advance();
    const bool parenthesised = token_.is_op("(");
    if (parenthesised) advance();
    if (token_.is_op("*")) {
      advance();
    } else {
      read_names(statement.names);
    }
    if (parenthesised && token_.is_op(")")) advance();
    return true;
  }

  PythonLexer lexer_;
  Token token_;
  int lexer_depth_before_ = 0;
};

}  // namespace

std::vector<ImportStatement> scan_imports(std::string_view source) { return ImportParser(source).run(); }

}  // namespace kedrolint::parse
