#include "python/interpreter.hpp"

#include <algorithm>
#include <utility>

#include "core/text.hpp"
#include "python/builtin_names.hpp"
#include "python/exceptions.hpp"
#include "python/kedro_api_versions.hpp"

namespace kedrolint::python {
namespace ts = parse::ts;

namespace {

constexpr const char* kBuiltinNames[] = {
    "len",      "sum",     "range",  "zip",    "enumerate", "sorted", "reversed", "list",  "tuple",
    "dict",     "set",     "frozenset", "str", "int",       "float",  "bool",     "min",   "max",
    "any",      "all",     "isinstance", "print", "map",    "filter", "repr",     "abs",   "round",
    "iter",     "next",    "callable", "getattr", "hasattr", "type",  "object",   "super", "vars",
    "locals",   "globals", "open",   "eval",   "exec",      "__import__", "compile", "input"};

// Names a statement binds at module level, so that a statement that cannot
// be evaluated leaves them Unknown instead of undefined.
void bound_names(ts::Node n, const parse::PythonSource& src, std::vector<std::pair<std::string, core::Span>>& out) {
  if (n.null()) return;
  const auto t = n.type();
  if (t == "identifier") {
    out.emplace_back(std::string(src.text(n)), src.span(n));
  } else if (t == "assignment") {
    bound_names(n.field("left"), src, out);
    if (n.field("right").is("assignment")) bound_names(n.field("right"), src, out);
  } else if (t == "augmented_assignment") {
    bound_names(n.field("left"), src, out);
  } else if (t == "expression_statement") {
    for (const ts::Node child : n.named_children()) bound_names(child, src, out);
  } else if (t == "pattern_list" || t == "tuple_pattern" || t == "list_pattern" || t == "expression_list" ||
             t == "list_splat_pattern" || t == "parenthesized_expression" || t == "tuple" || t == "list") {
    for (const ts::Node child : n.named_children()) bound_names(child, src, out);
  } else if (t == "function_definition" || t == "class_definition") {
    bound_names(n.field("name"), src, out);
  } else if (t == "decorated_definition") {
    bound_names(n.field("definition"), src, out);
  } else if (t == "for_statement") {
    bound_names(n.field("left"), src, out);
    for (const ts::Node child : n.named_children()) {
      if (child.is("block")) bound_names(child, src, out);
    }
  } else if (t == "if_statement" || t == "block" || t == "elif_clause" || t == "else_clause" || t == "try_statement" ||
             t == "with_statement" || t == "while_statement" || t == "finally_clause" || t == "except_clause") {
    for (const ts::Node child : n.named_children()) bound_names(child, src, out);
  } else if (t == "import_statement" || t == "import_from_statement") {
    const ts::Node module_name = n.field("module_name");
    for (const ts::Node c : n.named_children()) {
      if (c == module_name) continue;
      if (c.is("aliased_import")) {
        bound_names(c.field("alias"), src, out);
      } else if (c.is("dotted_name") && c.named_child_count() > 0) {
        const ts::Node last = t == "import_statement" ? c.named_child(0) : c.named_child(c.named_child_count() - 1);
        bound_names(last, src, out);
      }
    }
  }
}

Value finished(Value v) {
  if (!v.is_unfinished()) return v;
  return Value(UnknownValue{v.as<UnknownValue>().why, false}, v.origin);
}

bool contains_yield(ts::Node n) {
  if (n.null()) return false;
  if (n.is("yield")) return true;
  if (n.is("function_definition") || n.is("lambda") || n.is("class_definition")) return false;
  for (const ts::Node child : n.named_children()) {
    if (contains_yield(child)) return true;
  }
  return false;
}

// Most bodies do not spell `yield` at all: the text says so without walking
// the tree (which visits every expression of a long pipeline definition).
bool is_generator_body(const parse::PythonSource& src, ts::Node body) {
  if (body.null() || src.text(body).find("yield") == std::string_view::npos) return false;
  return contains_yield(body);
}

}  // namespace

Interpreter::Interpreter(SourceStore& store, ModuleIndex index, project::KedroVersion version, std::string package,
                         Limits limits)
    : store_(store),
      index_(std::move(index)),
      version_(std::move(version)),
      package_(std::move(package)),
      limits_(limits),
      builtins_(new_scope()) {
  for (const char* name : kBuiltinNames) builtins_->set(name, Value(Builtin{name}));
  for (const auto opaque : kOpaqueBuiltinNames) {
    builtins_->set(std::string(opaque), Value(External{"builtins." + std::string(opaque)}));
  }
  for (const std::string_view exc : builtin_exception_names()) {
    builtins_->set(std::string(exc), Value(External{"builtins." + std::string(exc)}));
  }
  builtins_->set("__name__", Value(std::string("__main__")));
}

Interpreter::~Interpreter() {
  for (const auto& weak : scopes_) {
    if (auto scope = weak.lock()) {
      scope->vars.clear();
      scope->parent.reset();
    }
  }
  for (auto& [name, module] : modules_) module->globals.reset();
}

ScopePtr Interpreter::new_scope() {
  auto scope = std::make_shared<Scope>();
  // Drop expired entries now and then so long evaluations do not grow the list.
  if (scopes_.size() >= 4096 && (scopes_.size() & (scopes_.size() - 1)) == 0) {
    scopes_.erase(std::remove_if(scopes_.begin(), scopes_.end(), [](const auto& w) { return w.expired(); }),
                  scopes_.end());
  }
  scopes_.push_back(scope);
  return scope;
}

void Interpreter::step(core::Span span) {
  if (++steps_ > limits_.max_steps) {
    throw BudgetExceeded{{"evaluation stopped after " + std::to_string(limits_.max_steps) +
                              " steps (the evaluation budget); the code may loop or build an enormous pipeline",
                          span}};
  }
  if (meter_.bytes > limits_.max_built_bytes) {
    throw BudgetExceeded{{"evaluation stopped after building " + std::to_string(limits_.max_built_bytes >> 20) +
                              " MiB of values (the evaluation budget); the code builds enormous collections or "
                              "strings",
                          span}};
  }
}

ModulePtr Interpreter::import_module(const std::string& dotted, core::Span where) {
  const MeterScope metered(meter_);
  if (auto it = modules_.find(dotted); it != modules_.end()) return it->second;
  const auto location = index_.locate(dotted);
  if (!location) return nullptr;
  ModulePtr parent;
  if (const auto dot = dotted.rfind('.'); dot != std::string::npos) {
    parent = import_module(dotted.substr(0, dot), where);
    if (!parent) return nullptr;
  }
  auto module = std::make_shared<ModuleObj>();
  module->name = dotted;
  module->file = location->file;
  module->is_package = location->is_package;
  module->globals = new_scope();
  module->globals->set("__name__", Value(dotted));
  // Set by the import system; their values are only known at run time.
  for (const char* dunder : {"__file__", "__cached__", "__builtins__", "__annotations__"}) {
    module->globals->set(dunder, make_unknown(std::string("`") + dunder + "` is only known at run time", where));
  }
  if (location->is_package) module->globals->set("__path__", make_unknown("`__path__` is only known at run time", where));
  modules_[dotted] = module;
  if (!module->file.empty()) {
    SourceStore::Tree tree = store_.acquire(module->file);
    if (tree) module->code = SyntaxRef::of(store_, tree, tree->tree.root());
    // Python cannot import a file that does not parse or read: like Kedro,
    // treat the module as failed (KL001/KL008 report why).
    if (!tree || tree->error) {
      module->failed = true;
      module->failure = import_error("the module does not parse or cannot be read", where, "", {},
                                     tree ? "SyntaxError" : "OSError");
      module->failure.reported = true;  // KL001 / KL008
    } else {
      execute_module(module, std::move(tree));
    }
  }
  module->loaded = true;
  if (parent) parent->globals->set(dotted.substr(dotted.rfind('.') + 1), Value(module));
  return module;
}

void Interpreter::execute_module(const ModulePtr& module, SourceStore::Tree tree) {
  Frame f;
  f.locals = module->globals;
  f.module = module;
  f.pin = std::move(tree);
  f.src = f.pin.get();
  f.module_level = true;
  const ts::Node root = f.src->tree.root();
  for (const ts::Node child : root.named_children()) {
    if (!exec_stmt_at_module_level(child, f)) {
      if (module->failure.reported) break;
      const auto& failure = module->failure;
      std::optional<std::string> help;
      if (!failure.help.empty()) help = failure.help;
      else if (!failure.suggestions.empty()) help = "Did you mean " + core::quoted_list(failure.suggestions) + "?";
      record_.errors.push_back({model::KedroError::Kind::ModuleImportError, failure.span,
                                "importing `" + module->name + "` fails: " + failure.reason, {}, help});
      break;
    }
  }
}

bool Interpreter::exec_stmt_at_module_level(ts::Node stmt, Frame& f) {
  try {
    const Flow flow = exec_stmt(stmt, f);
    (void)flow;
  } catch (const Abort& abort) {
    if (abort.why.is_error) {
      // Python raises while importing: the whole import fails.
      f.module->failed = true;
      f.module->failure = abort.why;
      return false;
    }
    std::vector<std::pair<std::string, core::Span>> names;
    bound_names(stmt, *f.src, names);
    for (const auto& [name, span] : names) {
      f.locals->set(name, make_unknown(abort.why.reason, abort.why.span));
    }
  }
  return true;
}

Interpreter::Flow Interpreter::exec_block(ts::Node block, Frame& f) {
  for (const ts::Node child : block.named_children()) {
    const Flow flow = exec_stmt(child, f);
    if (flow != Flow::Normal) return flow;
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec_stmt(ts::Node stmt, Frame& f) {
  const core::Span span = f.src->span(stmt);
  step(span);
  const auto t = stmt.type();
  if (t == "expression_statement") {
    for (const ts::Node c : stmt.named_children()) {
      if (c.is("assignment")) {
        exec_assign(c, f);
      } else if (c.is("augmented_assignment")) {
        exec_aug_assign(c, f);
      } else {
        exec_expression_statement(c, f);
      }
    }
    return Flow::Normal;
  }
  if (t == "return_statement") {
    f.returned = stmt.named_child_count() ? eval(stmt.named_child(0), f) : Value();
    return Flow::Return;
  }
  if (t == "if_statement") return exec_if(stmt, f);
  if (t == "for_statement") return exec_for(stmt, f);
  if (t == "function_definition") {
    bind_name(std::string(f.src->text(stmt.field("name"))), define_function(stmt, f, false), f);
    return Flow::Normal;
  }
  if (t == "class_definition") {
    bind_name(std::string(f.src->text(stmt.field("name"))), define_class(stmt, f), f);
    return Flow::Normal;
  }
  if (t == "decorated_definition") {
    const ts::Node def = stmt.field("definition");
    std::vector<Value> decorators;
    for (const ts::Node d : stmt.named_children()) {
      if (d.is("decorator") && d.named_child_count()) decorators.push_back(eval(d.named_child(0), f));
    }
    Value result = def.is("class_definition") ? define_class(def, f) : define_function(def, f, false, stmt);
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
      result = call(*it, {Arg{std::nullopt, result, f.src->span(def.field("name"))}}, f.src->span(def.field("name")));
    }
    bind_name(std::string(f.src->text(def.field("name"))), result, f);
    return Flow::Normal;
  }
  if (t == "import_statement") {
    exec_import(stmt, f);
    return Flow::Normal;
  }
  if (t == "import_from_statement") {
    exec_import_from(stmt, f);
    return Flow::Normal;
  }
  if (t == "future_import_statement" || t == "pass_statement" || t == "comment" || t == "type_alias_statement") {
    return Flow::Normal;
  }
  if (t == "break_statement") return Flow::Break;
  if (t == "continue_statement") return Flow::Continue;
  if (t == "try_statement") return exec_try(stmt, f);
  if (t == "while_statement") {
    while (true) {
      const Value cond = eval(stmt.field("condition"), f);
      bool go = false;
      if (!truthy_known(cond, go)) {
        throw Abort{{"the `while` condition depends on a value that is not known statically", f.src->span(stmt.field("condition"))}};
      }
      if (!go) break;
      const Flow flow = exec_block(stmt.field("body"), f);
      if (flow == Flow::Return) return flow;
      if (flow == Flow::Break) return Flow::Normal;
    }
    return Flow::Normal;
  }
  if (t == "assert_statement") {
    if (stmt.named_child_count()) {
      const Value cond = eval(stmt.named_child(0), f);
      bool ok = true;
      if (truthy_known(cond, ok) && !ok) throw Abort{{"this assertion fails, so the code raises AssertionError", span}};
    }
    return Flow::Normal;
  }
  if (t == "global_statement" || t == "nonlocal_statement") {
    for (const ts::Node child : stmt.named_children()) {
      const std::string name(f.src->text(child));
      (t == "global_statement" ? f.locals->global_names : f.locals->nonlocal_names).insert(name);
    }
    return Flow::Normal;
  }
  if (t == "delete_statement") {
    for (const ts::Node child : stmt.named_children()) exec_delete(child, f);
    return Flow::Normal;
  }
  if (t == "raise_statement") throw Abort{{"this code raises an exception", span}};
  if (t == "with_statement") {
    // The context managers' values are unknown; the body runs with them bound
    // to Unknown, so only what depends on them is unknown.
    for (const ts::Node clause : stmt.named_children()) {
      if (!clause.is("with_clause")) continue;
      for (std::uint32_t k = 0; k < clause.named_child_count(); ++k) {
        const ts::Node item = clause.named_child(k);
        ts::Node value = item.field("value");
        if (value.is("as_pattern")) {
          const ts::Node target = value.field("alias");
          const ts::Node manager = value.named_child(0);
          const Value v = eval(manager, f);
          const Value entered = v.is_unknown() ? v
                                               : make_unknown("the value of a `with` context manager is not known "
                                                              "statically",
                                                              f.src->span(manager));
          if (!target.null()) assign(target.is("as_pattern_target") ? target.named_child(0) : target, entered, f);
        } else if (!value.null()) {
          (void)eval(value, f);
        }
      }
    }
    return exec_block(stmt.field("body"), f);
  }
  if (t == "ERROR") throw Abort{{"this code does not parse", span}};
  throw Abort{{"`" + std::string(t) + "` is not evaluated statically", span}};
}

void Interpreter::exec_delete(ts::Node target, Frame& f) {
  const auto t = target.type();
  const core::Span span = f.src->span(target);
  if (t == "expression_list" || t == "tuple" || t == "list" || t == "parenthesized_expression") {
    for (const ts::Node child : target.named_children()) {
      if (!child.is("comment")) exec_delete(child, f);
    }
    return;
  }
  if (t == "identifier") {
    const std::string name(f.src->text(target));
    const bool global = !f.module_level && f.locals->global_names.count(name);
    (global ? f.module->globals : f.locals)->vars.erase(name);
    return;
  }
  if (t == "subscript") {
    delete_item(target, f);
    return;
  }
  if (t == "attribute") {
    const Value obj = eval(target.field("object"), f);
    if (obj.is<ModulePtr>()) {
      obj.as<ModulePtr>()->globals->vars.erase(std::string(f.src->text(target.field("attribute"))));
      return;
    }
    if (obj.is_unknown()) throw Abort{obj.unknown()};
  }
  throw Abort{{"`del " + std::string(f.src->text(target)) + "` is not evaluated", span}};
}

void Interpreter::delete_item(ts::Node target, Frame& f) {
  const core::Span span = f.src->span(target);
  const Value container = eval(target.field("value"), f);
  const ts::Node index_node = target.field("subscript");
  if (container.is_unknown()) throw Abort{container.unknown()};
  if (index_node.is("slice")) throw Abort{{"`del` of a slice is not evaluated", span}};
  const Value key = eval(index_node, f);
  if (key.is_unknown()) throw Abort{key.unknown()};
  auto raises = [&](std::string reason, std::string exception) {
    model::Unknown u{std::move(reason), span};
    u.is_error = true;
    u.exception = std::move(exception);
    throw Abort{u};
  };
  if (container.is<DictPtr>()) {
    if (key.is<ListPtr>() || key.is<DictPtr>() || key.is<SetValue>()) {
      raises("`del` with an unhashable key raises TypeError", "TypeError");
    }
    if (!hash_key(key)) throw Abort{{"the key deleted here is not known statically", f.src->span(index_node)}};
    if (!container.as<DictPtr>()->erase(key)) {
      raises("KeyError: " + py_repr(key).value_or("the key") + " is not in this dict", "KeyError");
    }
    return;
  }
  if (container.is<ListPtr>() && (key.is<std::int64_t>() || key.is<bool>())) {
    auto& items = container.as<ListPtr>()->items;
    auto i = key.is<bool>() ? std::int64_t{key.as<bool>()} : key.as<std::int64_t>();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i < 0 || static_cast<std::size_t>(i) >= items.size()) raises("IndexError: list assignment index out of range", "IndexError");
    items.erase(items.begin() + i);
    return;
  }
  throw Abort{{"`del` of an item of a `" + container.type_name() + "` is not evaluated", span}};
}

void Interpreter::exec_expression_statement(ts::Node expr, Frame& f) {
  const Value v = eval(expr, f);
  if (!v.is_unknown()) return;
  // The value is dropped, so the statement runs for what it raises or
  // changes: Python raises here, or a project call stopped half-way and what
  // it changes (the lists and dicts pipelines are built from) is unknown.
  if (v.unknown().is_error || (expr.is("call") && v.is_unfinished())) throw Abort{v.unknown()};
}

Interpreter::Flow Interpreter::exec_if(ts::Node stmt, Frame& f) {
  ts::Node cond = stmt.field("condition");
  ts::Node body = stmt.field("consequence");
  std::uint32_t next_alt = 0;
  while (true) {
    const Value c = eval(cond, f);
    bool taken = false;
    if (!truthy_known(c, taken)) {
      const core::Span where = c.is_unknown() ? c.unknown().span : f.src->span(cond);
      std::string reason = "this condition depends on a value that is not known statically";
      if (c.is_unknown()) reason += " (" + c.unknown().reason + ")";
      throw Abort{{reason, where.valid() ? where : f.src->span(cond)}};
    }
    if (taken) return exec_block(body, f);
    // Next elif/else clause.
    ts::Node alt;
    for (; next_alt < stmt.named_child_count(); ++next_alt) {
      const ts::Node c2 = stmt.named_child(next_alt);
      if (c2.is("elif_clause") || c2.is("else_clause")) {
        alt = c2;
        ++next_alt;
        break;
      }
    }
    if (alt.null()) return Flow::Normal;
    if (alt.is("else_clause")) return exec_block(alt.field("body"), f);
    cond = alt.field("condition");
    body = alt.field("consequence");
  }
}

Interpreter::Flow Interpreter::exec_for(ts::Node stmt, Frame& f) {
  Value unknown;
  const ts::Node right = stmt.field("right");
  const Value iterable = eval(right, f);
  auto items = iterate(iterable, f.src->span(right), unknown);
  if (!items) throw Abort{unknown.unknown()};
  bool broke = false;
  for (const auto& item : *items) {
    assign(stmt.field("left"), item, f);
    const Flow flow = exec_block(stmt.field("body"), f);
    if (flow == Flow::Return) return flow;
    if (flow == Flow::Break) {
      broke = true;
      break;
    }
  }
  if (!broke) {
    const ts::Node alt = stmt.field("alternative");
    if (!alt.null()) return exec_block(alt.field("body"), f);
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec_try(ts::Node stmt, Frame& f) {
  // Handlers only run when the body raises. Evaluated code that completes
  // raises nothing; code that certainly raises (an Abort with `is_error`)
  // runs the first handler that catches its exception class.
  Flow flow = Flow::Normal;
  std::optional<Abort> uncaught;
  bool handled = false;
  try {
    flow = exec_block(stmt.field("body"), f);
  } catch (const Abort& raised) {
    if (!raised.why.is_error) throw;
    const ts::Node handler = find_handler(stmt, raised.why, f);
    if (handler.null()) {
      uncaught = raised;
    } else {
      handled = true;
      flow = run_handler(handler, f);
    }
  }
  // `else` runs when the body raised nothing; what it raises is not handled here.
  for (std::uint32_t i = 0; i < stmt.named_child_count() && !handled && !uncaught; ++i) {
    const ts::Node c = stmt.named_child(i);
    if (c.is("else_clause") && flow == Flow::Normal) flow = exec_block(c.field("body"), f);
  }
  if (const Flow fin = exec_finally(stmt, f); fin != Flow::Normal) return fin;
  if (uncaught) throw *uncaught;
  return flow;
}

ts::Node Interpreter::find_handler(ts::Node stmt, const model::Unknown& raised, Frame& f) {
  for (const ts::Node clause : stmt.named_children()) {
    if (clause.is("except_group_clause")) {
      throw Abort{{"`except*` handlers are not evaluated statically", f.src->span(clause)}};
    }
    if (!clause.is("except_clause")) continue;
    ts::Node type = clause.field("value");
    if (type.is("as_pattern")) type = type.named_child(0);
    if (type.null()) return clause;  // bare `except:`
    std::vector<ts::Node> classes;
    if (type.is("tuple") || type.is("parenthesized_expression")) {
      for (std::uint32_t k = 0; k < type.named_child_count(); ++k) classes.push_back(type.named_child(k));
    } else {
      classes.push_back(type);
    }
    for (const ts::Node cls : classes) {
      const std::string name(f.src->text(cls));
      const bool shadowed = f.locals->lookup_local(name) || f.module->globals->lookup_local(name);
      const auto catches = shadowed || !cls.is("identifier") ? std::nullopt
                                                              : builtin_exception_catches(name, raised.exception);
      if (!catches) {
        throw Abort{{"whether `except " + name + "` catches the " + raised.exception + " raised here (" +
                         raised.reason + ") is not known statically",
                     f.src->span(cls)}};
      }
      if (*catches) return clause;
    }
  }
  return {};
}

Interpreter::Flow Interpreter::run_handler(ts::Node clause, Frame& f) {
  const ts::Node value = clause.field("value");
  if (value.is("as_pattern")) {
    const ts::Node alias = value.field("alias");
    if (!alias.null()) {
      const ts::Node target = alias.is("as_pattern_target") ? alias.named_child(0) : alias;
      assign(target, make_unknown("the caught exception object is not evaluated", f.src->span(target)), f);
    }
  }
  for (const ts::Node child : clause.named_children()) {
    if (child.is("block")) return exec_block(child, f);
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec_finally(ts::Node stmt, Frame& f) {
  for (const ts::Node c : stmt.named_children()) {
    if (c.is("finally_clause")) {
      for (std::uint32_t k = 0; k < c.named_child_count(); ++k) {
        if (c.named_child(k).is("block")) {
          const Flow fin = exec_block(c.named_child(k), f);
          if (fin != Flow::Normal) return fin;
        }
      }
    }
  }
  return Flow::Normal;
}

void Interpreter::exec_assign(ts::Node stmt, Frame& f) {
  const ts::Node right = stmt.field("right");
  if (right.null()) return;  // `x: int` declares, binds nothing
  Value value;
  if (right.is("assignment")) {
    exec_assign(right, f);  // a = b = value: evaluate once, assign right to left
    ts::Node innermost = right;
    while (innermost.field("right").is("assignment")) innermost = innermost.field("right");
    value = eval(innermost.field("right"), f);
  } else {
    value = eval(right, f);
  }
  assign(stmt.field("left"), value, f);
}

void Interpreter::exec_aug_assign(ts::Node stmt, Frame& f) {
  const ts::Node left = stmt.field("left");
  std::string op(f.src->text(stmt.field("operator")));
  op.pop_back();  // "+=" -> "+"
  const Value current = eval(left, f);
  const Value rhs = eval(stmt.field("right"), f);
  if (op == "+" && current.is<ListPtr>()) {
    // list += iterable extends in place: other references see the change.
    Value unknown;
    auto items = iterate(rhs, f.src->span(stmt.field("right")), unknown);
    auto& target = current.as<ListPtr>()->items;
    if (!items) {
      target.push_back(unknown);  // as list.extend(): the list's content is now partly unknown
      return;
    }
    target.insert(target.end(), items->begin(), items->end());
    return;
  }
  assign(left, binary_op(op, current, rhs, f.src->span(stmt)), f);
}

void Interpreter::bind_name(const std::string& name, Value value, Frame& f) {
  if (!f.module_level && f.locals->global_names.count(name)) {
    f.module->globals->set(name, std::move(value));
    return;
  }
  if (!f.module_level && f.locals->nonlocal_names.count(name)) {
    for (ScopePtr s = f.locals->parent; s; s = s->parent) {
      if (s->lookup_local(name)) {
        s->set(name, std::move(value));
        return;
      }
    }
  }
  f.locals->set(name, std::move(value));
}

void Interpreter::assign(ts::Node target, const Value& value, Frame& f) {
  const auto t = target.type();
  const core::Span span = f.src->span(target);
  if (t == "identifier") {
    bind_name(std::string(f.src->text(target)), value, f);
    return;
  }
  if (t == "pattern_list" || t == "tuple_pattern" || t == "list_pattern" || t == "expression_list" || t == "tuple" ||
      t == "list" || t == "parenthesized_expression") {
    std::vector<ts::Node> targets;
    for (const ts::Node child : target.named_children()) {
      if (!child.is("comment")) targets.push_back(child);
    }
    if (t == "parenthesized_expression" && targets.size() == 1) {
      assign(targets.front(), value, f);
      return;
    }
    Value unknown;
    auto items = iterate(value, span, unknown);
    if (!items) {
      for (const auto& sub : targets) assign(sub, unknown, f);
      return;
    }
    std::size_t star = targets.size();
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (targets[i].is("list_splat_pattern")) star = i;
    }
    if (star == targets.size()) {
      if (items->size() != targets.size()) {
        throw Abort{{"cannot unpack " + std::to_string(items->size()) + " values into " +
                         std::to_string(targets.size()) + " names",
                     span}};
      }
      for (std::size_t i = 0; i < targets.size(); ++i) assign(targets[i], (*items)[i], f);
      return;
    }
    const std::size_t after = targets.size() - star - 1;
    if (items->size() < star + after) throw Abort{{"not enough values to unpack", span}};
    for (std::size_t i = 0; i < star; ++i) assign(targets[i], (*items)[i], f);
    std::vector<Value> rest(items->begin() + static_cast<std::ptrdiff_t>(star),
                            items->end() - static_cast<std::ptrdiff_t>(after));
    assign(targets[star].named_child(0), make_list(std::move(rest)), f);
    for (std::size_t i = 0; i < after; ++i) assign(targets[star + 1 + i], (*items)[items->size() - after + i], f);
    return;
  }
  if (t == "subscript") {
    const Value container = eval(target.field("value"), f);
    const Value key = eval(target.field("subscript"), f);
    if (container.is<DictPtr>()) {
      if (!hash_key(key)) throw Abort{{"a dict key here is not known statically", f.src->span(target.field("subscript"))}};
      container.as<DictPtr>()->set(key, value);
      return;
    }
    if (container.is<ListPtr>() && key.is<std::int64_t>()) {
      auto& items = container.as<ListPtr>()->items;
      auto i = key.as<std::int64_t>();
      if (i < 0) i += static_cast<std::int64_t>(items.size());
      if (i < 0 || static_cast<std::size_t>(i) >= items.size()) throw Abort{{"list index out of range", span}};
      items[static_cast<std::size_t>(i)] = value;
      return;
    }
    if (container.is_unknown()) throw Abort{container.unknown()};
    throw Abort{{"item assignment on a `" + container.type_name() + "` is not evaluated", span}};
  }
  if (t == "attribute") {
    const Value obj = eval(target.field("object"), f);
    const std::string name(f.src->text(target.field("attribute")));
    if (obj.is<ModulePtr>()) {
      obj.as<ModulePtr>()->globals->set(name, value);
      return;
    }
    if (obj.is<InstancePtr>()) {
      set_instance_attribute(obj.as<InstancePtr>(), name, value, span);
      return;
    }
    if (obj.is_unknown()) throw Abort{obj.unknown()};
    throw Abort{{"setting attributes on a `" + obj.type_name() + "` is not evaluated", span}};
  }
  throw Abort{{"assignment to `" + std::string(f.src->text(target)) + "` is not evaluated", span}};
}

Value Interpreter::define_function(ts::Node def, Frame& f, bool is_lambda, ts::Node decorated) {
  auto fn = std::make_shared<FunctionObj>();
  const ts::Node name = is_lambda ? ts::Node() : def.field("name");
  fn->module = f.module->name;
  fn->def_module = f.module->name;
  fn->is_lambda = is_lambda;
  fn->name = is_lambda ? "<lambda>" : std::string(f.src->text(name));
  fn->qualname = f.qualprefix + fn->name;
  fn->code = SyntaxRef::of(store_, f.pin, def);
  // The caller says whether decorators precede: tree-sitter finds a parent by
  // walking down from the root, past every statement before it.
  fn->source_span = f.src->span(decorated.null() ? def : decorated);
  fn->globals = f.module;
  fn->closure = f.module_level ? nullptr : f.locals;
  if (f.owner_class) fn->owner = f.owner_class;
  fn->def_span = is_lambda ? f.src->span(def) : f.src->span(name);
  fn->signature.known = true;
  bool keyword_only = false;
  const ts::Node params = def.field("parameters");
  for (const ts::Node p : params.null() ? std::vector<ts::Node>() : params.named_children()) {
    const auto pt = p.type();
    model::Param param;
    std::optional<Value> default_value;
    ts::Node name_node, type_node;
    if (pt == "identifier") {
      name_node = p;
    } else if (pt == "typed_parameter") {
      name_node = p.named_child(0);
      type_node = p.field("type");
    } else if (pt == "default_parameter" || pt == "typed_default_parameter") {
      name_node = p.field("name");
      type_node = p.field("type");
      default_value = eval(p.field("value"), f);
    } else if (pt == "keyword_separator") {
      keyword_only = true;
      continue;
    } else if (pt == "positional_separator") {
      for (auto& earlier : fn->signature.params) earlier.kind = model::Param::Kind::PositionalOnly;
      continue;
    } else if (pt == "list_splat_pattern" || pt == "dictionary_splat_pattern") {
      name_node = p;
    } else {
      continue;
    }
    if (name_node.is("list_splat_pattern")) {
      param.kind = model::Param::Kind::VarPositional;
      keyword_only = true;
      name_node = name_node.named_child(0);
    } else if (name_node.is("dictionary_splat_pattern")) {
      param.kind = model::Param::Kind::VarKeyword;
      name_node = name_node.named_child(0);
    } else {
      param.kind = keyword_only ? model::Param::Kind::KeywordOnly : model::Param::Kind::PositionalOrKeyword;
    }
    param.name = std::string(f.src->text(name_node));
    param.has_default = default_value.has_value();
    if (!type_node.null()) param.annotation = annotation_text(type_node, f);
    fn->signature.params.push_back(param);
    fn->defaults.push_back(default_value);
  }
  if (!is_lambda) {
    if (const ts::Node returns = def.field("return_type"); !returns.null()) fn->return_annotation = annotation_text(returns, f);
  }
  return Value(FunctionPtr(fn), fn->def_span);
}

Value Interpreter::define_class(ts::Node def, Frame& f) {
  auto cls = std::make_shared<ClassObj>();
  cls->module = f.module->name;
  cls->name = std::string(f.src->text(def.field("name")));
  cls->qualname = f.qualprefix + cls->name;
  cls->def_span = f.src->span(def.field("name"));
  const ts::Node bases = def.field("superclasses");
  for (std::uint32_t i = 0; !bases.null() && i < bases.named_child_count(); ++i) {
    if (!bases.named_child(i).is("keyword_argument")) cls->bases.push_back(eval(bases.named_child(i), f));
  }
  auto& known_bases = record_.class_bases[cls->module + "." + cls->qualname];
  for (const auto& base : cls->bases) {
    if (base.is<External>()) known_bases.push_back(base.as<External>().qualname);
    else if (base.is<ClassPtr>()) known_bases.push_back(base.as<ClassPtr>()->module + "." + base.as<ClassPtr>()->qualname);
  }
  Frame body;
  body.locals = new_scope();
  body.locals->parent = f.module_level ? nullptr : f.locals;
  body.module = f.module;
  body.src = f.src;
  body.pin = f.pin;
  body.qualprefix = cls->qualname + ".";
  body.owner_class = cls;
  const ts::Node block = def.field("body");
  for (const ts::Node child : block.named_children()) {
    if (!exec_stmt_at_module_level(child, body)) throw Abort{f.module->failure};
  }
  cls->attributes = body.locals;
  return Value(ClassPtr(cls), cls->def_span);
}

void Interpreter::throw_if_not_importable(const ModulePtr& module, const std::string& name, core::Span span) {
  if (module && module->failed) {
    throw Abort{reraise_import_failure(module, "module `" + name + "` cannot be imported", span)};
  }
  if (!module && is_project_module_name(name)) {
    throw Abort{import_error("no module named `" + name + "` in the project", span, "", {}, "ModuleNotFoundError")};
  }
}

void Interpreter::throw_if_missing_in_kedro(const std::string& module, const std::string& name, core::Span span) {
  // Code written for another Kedro version fails to import, as in Python.
  const bool is_module = name.empty();
  auto missing = is_module ? kedro_api::missing_module(module, version_)
                           : kedro_api::missing_module_name(module, name, false, version_);
  if (!missing) return;
  auto u = import_error(missing->message, span, name, {}, is_module ? "ModuleNotFoundError" : "ImportError");
  u.help = missing->help;
  throw Abort{u};
}

void Interpreter::exec_import(ts::Node stmt, Frame& f) {
  for (const ts::Node c : stmt.named_children()) {
    const core::Span span = f.src->span(c);
    if (c.is("aliased_import")) {
      const std::string name(f.src->text(c.field("name")));
      ModulePtr module = import_module(name, span);
      throw_if_not_importable(module, name, span);
      throw_if_missing_in_kedro(name, "", span);
      bind_name(std::string(f.src->text(c.field("alias"))), module ? Value(module) : Value(External{name}), f);
    } else if (c.is("dotted_name")) {
      const std::string name(f.src->text(c));
      const std::string top = name.substr(0, name.find('.'));
      ModulePtr module = import_module(name, span);
      throw_if_not_importable(module, name, span);
      throw_if_missing_in_kedro(name, "", span);
      ModulePtr top_module = module ? import_module(top, span) : nullptr;
      bind_name(top, top_module ? Value(top_module) : Value(External{top}), f);
    }
  }
}

void Interpreter::exec_import_from(ts::Node stmt, Frame& f) {
  const ts::Node module_node = stmt.field("module_name");
  std::string name;
  if (module_node.is("relative_import")) {
    int level = 0;
    std::string rest;
    for (const ts::Node c : module_node.named_children()) {
      if (c.is("import_prefix")) level = static_cast<int>(f.src->text(c).size());
      if (c.is("dotted_name")) rest = std::string(f.src->text(c));
    }
    auto resolved = resolve_relative(f.module->name, f.module->is_package, level, rest);
    if (!resolved) throw Abort{{"relative import goes above the top-level package", f.src->span(module_node)}};
    name = *resolved;
  } else {
    name = std::string(f.src->text(module_node));
  }
  const core::Span span = f.src->span(stmt);
  const ModulePtr module = import_module(name, span);
  if (module && module->failed) throw Abort{reraise_import_failure(module, "module `" + name + "` cannot be imported", span)};
  if (!module && is_project_module_name(name)) {
    throw Abort{import_error("no module named `" + name + "` in the project", f.src->span(module_node), "", {},
                             "ModuleNotFoundError")};
  }
  if (!module) throw_if_missing_in_kedro(name, "", f.src->span(module_node));
  auto fetch = [&](const std::string& attr, core::Span where) -> Value {
    if (!module) {
      throw_if_missing_in_kedro(name, attr, where);
      return Value(External{name + "." + attr}, where);
    }
    if (const Value* v = module->globals->lookup_local(attr)) return *v;
    if (ModulePtr sub = import_module(name + "." + attr, where)) return Value(sub);
    throw Abort{import_error("cannot import name `" + attr + "` from `" + name + "`", where, attr,
                             core::close_matches(attr, module->globals->order, 3))};
  };
  for (const ts::Node c : stmt.named_children()) {
    if (c == module_node) continue;
    if (c.is("wildcard_import")) {
      if (!module) {
        f.module->dynamic_globals = true;
        throw Abort{{"`from " + name + " import *` imports unknown names from outside the project", span}};
      }
      std::vector<std::string> names;
      if (const Value* all = module->globals->lookup_local("__all__")) {
        Value unknown;
        auto items = iterate(*all, span, unknown);
        if (!items) throw Abort{{"`__all__` of `" + name + "` is not known statically", span}};
        for (const auto& item : *items) {
          if (item.is_str()) names.push_back(item.str());
        }
      } else {
        for (const auto& n : module->globals->order) {
          if (!n.empty() && n.front() != '_' && module->globals->lookup_local(n)) names.push_back(n);
        }
      }
      for (const auto& n : names) bind_name(n, fetch(n, span), f);
    } else if (c.is("aliased_import")) {
      const std::string attr(f.src->text(c.field("name")));
      bind_name(std::string(f.src->text(c.field("alias"))), fetch(attr, f.src->span(c)), f);
    } else if (c.is("dotted_name")) {
      const std::string attr(f.src->text(c));
      bind_name(attr, fetch(attr, f.src->span(c)), f);
    }
  }
}

bool Interpreter::is_project_module_name(const std::string& dotted) const {
  // A name whose top-level package is in the project can only be the project's.
  return index_.locate(dotted.substr(0, dotted.find('.'))).has_value();
}

model::Unknown Interpreter::import_error(std::string reason, core::Span span, std::string missing,
                                         std::vector<std::string> suggestions, std::string exception) {
  model::Unknown u{std::move(reason), span};
  u.is_error = true;
  u.exception = std::move(exception);
  u.missing_name = std::move(missing);
  u.suggestions = std::move(suggestions);
  return u;
}

model::Unknown Interpreter::reraise_import_failure(const ModulePtr& failed, std::string reason, core::Span span) {
  // Python re-raises the failing module's own exception; that module already
  // reported its cause, this one only propagates it.
  auto u = import_error(std::move(reason), span, "", {},
                        failed->failure.exception.empty() ? "ImportError" : failed->failure.exception);
  u.reported = true;
  return u;
}

Value Interpreter::attribute_of_module(const ModulePtr& module, const std::string& name, core::Span span) {
  if (module->failed) return make_unknown("module `" + module->name + "` cannot be imported", span);
  if (const Value* v = module->globals->lookup_local(name)) return *v;
  if (module->is_package) {
    // Submodules become attributes once imported; Python would raise
    // AttributeError when it was never imported, we import it (harmless).
    if (ModulePtr sub = import_module(module->name + "." + name, span)) return Value(sub);
  }
  return make_error("module `" + module->name + "` has no attribute `" + name + "`", span, name,
                    core::close_matches(name, module->globals->order, 3), "AttributeError");
}

Value Interpreter::call(const Value& callee, std::vector<Arg> args, core::Span span) {
  const MeterScope metered(meter_);
  step(span);
  if (callee.is<FunctionPtr>()) return call_function(callee.as<FunctionPtr>(), std::move(args), span);
  if (callee.is<PartialPtr>()) {
    const auto& p = *callee.as<PartialPtr>();
    std::vector<Arg> merged;
    for (const auto& a : p.args) merged.push_back(Arg{std::nullopt, a, span});
    for (auto& a : args) {
      if (!a.keyword) merged.push_back(a);
    }
    for (const auto& kwarg : p.kwargs) {
      const auto& k = kwarg.first;
      const auto& v = kwarg.second;
      const bool overridden =
          std::any_of(args.begin(), args.end(), [&](const Arg& a) { return a.keyword && *a.keyword == k; });
      if (!overridden) merged.push_back(Arg{k, v, span});
    }
    for (auto& a : args) {
      if (a.keyword) merged.push_back(a);
    }
    return call(p.func, std::move(merged), span);
  }
  // Builtins and methods run to their end: an unfinished Unknown they pass
  // through (an argument, a stored value) says nothing about this call.
  if (callee.is<Builtin>()) return finished(call_builtin(callee.as<Builtin>().name, args, span));
  if (callee.is<BoundPtr>() && callee.as<BoundPtr>()->self.is<InstancePtr>()) {
    // A method of a project Node subclass: the function with `self` first.
    const auto& m = *callee.as<BoundPtr>();
    args.insert(args.begin(), Arg{std::nullopt, m.self, span});
    return call(get_attr(Value(ClassPtr(m.self.as<InstancePtr>()->cls)), m.name, span), std::move(args), span);
  }
  if (callee.is<BoundPtr>()) return finished(call_method(*callee.as<BoundPtr>(), args, span));
  if (callee.is<External>()) return finished(call_external(callee.as<External>(), args, span));
  if (callee.is_unknown()) return callee;
  if (callee.is<ClassPtr>()) return instantiate(callee.as<ClassPtr>(), std::move(args), span);
  return make_unknown("a `" + callee.type_name() + "` is not callable", span);
}

Value Interpreter::call_function(const FunctionPtr& fn, std::vector<Arg> args, core::Span span) {
  if (call_depth_ >= limits_.max_call_depth) {
    return make_unfinished({"calls nest deeper than " + std::to_string(limits_.max_call_depth) +
                                " levels (recursion?); evaluation stopped here",
                            span},
                           span);
  }
  DepthGuard guard(call_depth_);
  SyntaxRef::Held code = fn->code.resolve();
  if (!code) return make_unknown("the source of `" + fn->qualname + "` cannot be read again", span);
  if (!fn->is_lambda && is_generator_body(*code.tree, code.node.field("body"))) {
    return make_unknown("`" + fn->qualname + "` is a generator; generators are not evaluated", span);
  }
  auto scope = new_scope();
  scope->parent = fn->closure;
  const auto& params = fn->signature.params;
  std::vector<bool> bound(params.size(), false);
  auto fail = [&](const std::string& what) { return make_unknown("call to `" + fn->qualname + "` " + what, span); };
  std::vector<Value> extra_positional;
  auto extra_keywords = std::make_shared<DictObj>();
  std::size_t next = 0;
  for (const auto& a : args) {
    if (a.keyword) continue;
    if (next < params.size() && (params[next].kind == model::Param::Kind::PositionalOnly ||
                                 params[next].kind == model::Param::Kind::PositionalOrKeyword)) {
      scope->set(params[next].name, a.value);
      bound[next] = true;
      ++next;
    } else if (std::any_of(params.begin(), params.end(),
                           [](const model::Param& p) { return p.kind == model::Param::Kind::VarPositional; })) {
      extra_positional.push_back(a.value);
    } else {
      return fail("passes too many positional arguments");
    }
  }
  for (const auto& a : args) {
    if (!a.keyword) continue;
    bool placed = false;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].name != *a.keyword || params[i].kind == model::Param::Kind::PositionalOnly ||
          params[i].kind == model::Param::Kind::VarPositional || params[i].kind == model::Param::Kind::VarKeyword) {
        continue;
      }
      if (bound[i]) return fail("passes `" + *a.keyword + "` twice");
      scope->set(params[i].name, a.value);
      bound[i] = true;
      placed = true;
    }
    if (placed) continue;
    if (std::any_of(params.begin(), params.end(),
                    [](const model::Param& p) { return p.kind == model::Param::Kind::VarKeyword; })) {
      extra_keywords->set(Value(*a.keyword), a.value);
    } else {
      return fail("passes an unexpected keyword argument `" + *a.keyword + "`");
    }
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (bound[i]) continue;
    if (params[i].kind == model::Param::Kind::VarPositional) {
      scope->set(params[i].name, make_tuple(extra_positional));
    } else if (params[i].kind == model::Param::Kind::VarKeyword) {
      scope->set(params[i].name, Value(DictPtr(extra_keywords)));
    } else if (fn->defaults[i]) {
      scope->set(params[i].name, *fn->defaults[i]);
    } else {
      return fail("misses the argument `" + params[i].name + "`");
    }
  }
  Frame frame;
  frame.locals = scope;
  frame.module = fn->globals;
  frame.pin = code.tree;
  frame.src = frame.pin.get();
  frame.qualprefix = fn->qualname + ".<locals>.";
  frame.function = fn;
  if (!fn->owner.expired() && !params.empty() && params.front().kind != model::Param::Kind::VarPositional) {
    if (const Value* first = scope->lookup_local(params.front().name)) frame.self = *first;
  }
  // The expression nesting limit is per function body, as in source code.
  const int caller_expr_depth = std::exchange(expr_depth_, 0);
  struct RestoreDepth {
    int& depth;
    int saved;
    ~RestoreDepth() { depth = saved; }
  } restore{expr_depth_, caller_expr_depth};
  try {
    if (fn->is_lambda) return eval(code.node.field("body"), frame);
    const Flow flow = exec_block(code.node.field("body"), frame);
    return flow == Flow::Return ? frame.returned : Value();
  } catch (const Abort& abort) {
    model::Unknown why{abort.why.reason, abort.why.span};
    why.reported = abort.why.reported;  // a rule already says why Kedro raises here
    return make_unfinished(std::move(why), abort.why.span);
  }
}

}  // namespace kedrolint::python
