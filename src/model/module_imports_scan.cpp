#include "model/module_imports_scan.hpp"

namespace kedrolint::model {
namespace {
namespace ts = parse::ts;

struct Context {
  bool in_function = false;
  bool type_checking = false;
  bool optional = false;
};

// Imports are statements: only statement containers are walked, never
// expressions, so the walk's depth is bounded by the statement nesting.
bool holds_statements(ts::Node n) {
  for (const char* type : {"module", "block", "if_statement", "elif_clause", "else_clause", "try_statement",
                           "except_clause", "except_group_clause", "finally_clause", "with_statement", "for_statement",
                           "while_statement", "function_definition", "class_definition", "decorated_definition",
                           "match_statement", "case_clause"}) {
    if (n.is(type)) return true;
  }
  return false;
}

bool is_type_checking(std::string_view condition) {
  return condition == "TYPE_CHECKING" || condition == "typing.TYPE_CHECKING";
}

// An `except` that catches a failed import: ImportError, its subclass
// ModuleNotFoundError, or anything broader.
bool catches_import_error(const parse::PythonSource& src, ts::Node try_stmt) {
  for (const ts::Node c : try_stmt.named_children()) {
    if (!c.is("except_clause")) continue;
    const ts::Node what = c.named_child_count() ? c.named_child(0) : ts::Node();
    if (what.null() || what.is("block")) return true;  // bare `except:`
    const std::string_view text = src.text(what);
    for (const char* name : {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}) {
      if (text.find(name) != std::string_view::npos) return true;
    }
  }
  return false;
}

struct Scanner {
  const parse::PythonSource& src;
  ModuleImports& out;

  void add(ImportRef ref, const Context& ctx, ts::Node at) {
    ref.span = src.span(at);
    ref.in_function = ctx.in_function;
    ref.type_checking = ctx.type_checking;
    ref.optional = ctx.optional;
    out.imports.push_back(std::move(ref));
  }

  void import_statement(ts::Node n, const Context& ctx) {
    for (const ts::Node child : n.named_children()) {
      ts::Node c = child;
      if (c.is("aliased_import")) c = c.field("name");
      if (!c.is("dotted_name")) continue;
      ImportRef ref;
      ref.module = std::string(src.text(c));
      add(std::move(ref), ctx, n);
    }
  }

  void import_from(ts::Node n, const Context& ctx) {
    const ts::Node m = n.field("module_name");
    ImportRef ref;
    if (m.is("relative_import")) {
      int level = 0;
      std::string rest;
      for (const ts::Node child : m.named_children()) {
        if (child.is("import_prefix")) level = static_cast<int>(src.text(child).size());
        if (child.is("dotted_name")) rest = std::string(src.text(child));
      }
      auto resolved = python::resolve_relative(out.module, out.is_package, level, rest);
      if (!resolved) return;
      ref.module = *resolved;
    } else {
      ref.module = std::string(src.text(m));
    }
    if (ref.module == "__future__") return;
    for (const ts::Node child : n.named_children()) {
      ts::Node c = child;
      if (c == m) continue;
      if (c.is("aliased_import")) c = c.field("name");
      if (c.is("dotted_name")) ref.submodules.push_back(ref.module + "." + std::string(src.text(c)));
    }
    add(std::move(ref), ctx, n);
  }

  void walk(ts::Node n, Context ctx) {
    if (n.is("import_statement")) return import_statement(n, ctx);
    if (n.is("import_from_statement")) return import_from(n, ctx);
    if (!holds_statements(n)) return;
    if (n.is("function_definition")) ctx.in_function = true;
    if (n.is("if_statement") && is_type_checking(src.text(n.field("condition")))) {
      Context inside = ctx;
      inside.type_checking = true;
      walk(n.field("consequence"), inside);
      for (const ts::Node c : n.named_children()) {
        if (c.is("elif_clause") || c.is("else_clause")) walk(c, ctx);
      }
      return;
    }
    if (n.is("try_statement") && catches_import_error(src, n)) {
      Context inside = ctx;
      inside.optional = true;
      walk(n.field("body"), inside);
      for (const ts::Node c : n.named_children()) {
        if (c != n.field("body")) walk(c, ctx);
      }
      return;
    }
    for (const ts::Node child : n.named_children()) walk(child, ctx);
  }
};

}  // namespace

void ModuleImportCollector::visit(const parse::PythonSource& src) {
  if (!src.file) return;
  const auto& path = src.file->path();
  auto name = index_.module_name(path);
  if (!name || name->empty()) return;
  ModuleImports m;
  m.module = *name;
  m.file = path;
  m.is_package = path.filename() == "__init__.py";
  Scanner{src, m}.walk(src.tree.root(), {});
  std::lock_guard lock(mutex_);
  // Two files of one module name (extra source roots): the last path wins,
  // whichever thread parsed first.
  auto [it, inserted] = found_.try_emplace(*name, m);
  if (!inserted && it->second.file < m.file) it->second = std::move(m);
}

ModuleImportMap ModuleImportCollector::take() {
  std::lock_guard lock(mutex_);
  return std::move(found_);
}

}  // namespace kedrolint::model
