#include "model/legacy_hooks.hpp"

#include <algorithm>

namespace kedrolint::model {
namespace ts = parse::ts;
using python::ClassPtr;
using python::FunctionPtr;
using python::Value;

namespace {

// The right-hand side of the last top-level `HOOKS = ...` of settings.py.
ts::Node hooks_assignment(const parse::PythonSource& src) {
  ts::Node found;
  for (const ts::Node stmt : src.tree.root().named_children()) {
    if (!stmt.is("expression_statement") || !stmt.named_child_count()) continue;
    const ts::Node assign = stmt.named_child(0);
    if (assign.is("assignment") && src.text(assign.field("left")) == "HOOKS") found = assign.field("right");
  }
  return found;
}

// The attribute on the class or its project bases (depth-first, as a simple MRO).
const Value* class_attribute(const ClassPtr& cls, const std::string& name) {
  std::vector<ClassPtr> todo{cls};
  while (!todo.empty()) {
    const ClassPtr c = todo.back();
    todo.pop_back();
    if (const Value* v = c->attributes ? c->attributes->lookup_local(name) : nullptr) return v;
    for (auto it = c->bases.rbegin(); it != c->bases.rend(); ++it) {
      if (it->is<ClassPtr>()) todo.push_back(it->as<ClassPtr>());
    }
  }
  return nullptr;
}

// pluggy registers only methods that `@hook_impl` marked.
bool marked_hook_impl(const FunctionPtr& fn) {
  const python::SyntaxRef::Held code = fn->code.resolve();
  if (!code || !fn->globals) return false;
  const ts::Node decorated = code.node.parent();
  if (!decorated.is("decorated_definition")) return false;
  for (const ts::Node d : decorated.named_children()) {
    if (!d.is("decorator") || !d.named_child_count()) continue;
    const Value* v = resolve_name(fn->globals, *code.tree, d.named_child(0));
    if (v && v->is<python::External>()) {
      const std::string& q = v->as<python::External>().qualname;
      if (q == "kedro.framework.hooks.hook_impl" || q == "kedro.framework.hooks.markers.hook_impl") return true;
    }
  }
  return false;
}

}  // namespace

// `ProjectHooks` or `hooks.ProjectHooks`, looked up in the module's globals.
const Value* resolve_name(const python::ModulePtr& module, const parse::PythonSource& src, ts::Node expr) {
  if (expr.is("identifier")) return module->globals->lookup_local(std::string(src.text(expr)));
  if (!expr.is("attribute")) return nullptr;
  const Value* base = resolve_name(module, src, expr.field("object"));
  if (!base || !base->is<python::ModulePtr>()) return nullptr;
  const auto& inner = base->as<python::ModulePtr>();
  return inner->globals ? inner->globals->lookup_local(std::string(src.text(expr.field("attribute")))) : nullptr;
}

std::vector<ts::Node> return_values(const python::SyntaxRef::Held& fn) {
  std::vector<ts::Node> out;
  const ts::Node body = fn.node.field("body");
  for (const ts::Node stmt : body.named_children()) {
    if (stmt.is("return_statement")) out.push_back(stmt.named_child_count() ? stmt.named_child(0) : ts::Node());
  }
  return out;
}

LegacyHooks find_hook_impls(const python::ModulePtr& settings, const std::string& name) {
  LegacyHooks out;
  if (!settings || !settings->globals) return out;
  const python::SyntaxRef::Held code = settings->code.resolve();
  if (!code) return out;
  const parse::PythonSource& src = *code.tree;
  const ts::Node rhs = hooks_assignment(src);
  if (!rhs) return out;
  if (!rhs.is("tuple") && !rhs.is("list")) {
    out.unknown.push_back({"settings.py `HOOKS` is not a tuple or list literal, so its `" + name + "` hooks are not "
                           "known",
                           src.span(rhs)});
    return out;
  }
  for (const ts::Node item : rhs.named_children()) {
    if (item.is("comment")) continue;
    const Value* cls = item.is("call") && !item.field("arguments").named_child_count()
                           ? resolve_name(settings, src, item.field("function"))
                           : nullptr;
    if (!cls || !cls->is<ClassPtr>()) {
      out.unknown.push_back({"the `HOOKS` entry `" + std::string(src.text(item)) +
                                 "` is not a project class instantiated without arguments; a `" + name + "` hook in it "
                                 "is not known",
                             src.span(item)});
      continue;
    }
    const Value* method = class_attribute(cls->as<ClassPtr>(), name);
    if (!method) continue;
    if (!method->is<FunctionPtr>()) {
      out.unknown.push_back({"`" + name + "` of `" + cls->as<ClassPtr>()->qualname + "` is not a plain method",
                             src.span(item)});
      continue;
    }
    if (marked_hook_impl(method->as<FunctionPtr>())) {
      out.impls.push_back({method->as<FunctionPtr>(), src.span(item)});
    }
  }
  std::reverse(out.impls.begin(), out.impls.end());
  return out;
}

}  // namespace kedrolint::model
