#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/text.hpp"
#include "core/utf8.hpp"

#include "python/interpreter.hpp"
#include "python/builtin_names.hpp"
#include "python/strings.hpp"

namespace kedrolint::python {
namespace ts = parse::ts;

namespace {

// `super().name(...)` or `super(Cls, self).name(...)`: the method of the next
// class, which kedrolint evaluates for Node subclasses (node_subclass.cpp).
bool is_super_method_call(ts::Node call_node, const Interpreter::Frame& f) {
  const ts::Node fn = call_node.field("function");
  if (!fn.is("attribute")) return false;
  const ts::Node inner = fn.field("object");
  if (!inner.is("call")) return false;
  const ts::Node name = inner.field("function");
  return name.is("identifier") && f.src->text(name) == "super";
}

std::optional<std::int64_t> parse_int(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
  int base = 10;
  std::size_t start = 0;
  if (text.size() > 2 && text[0] == '0') {
    const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
    if (b == 'x') base = 16;
    if (b == 'o') base = 8;
    if (b == 'b') base = 2;
    if (base != 10) start = 2;
  }
  try {
    std::size_t used = 0;
    const long long v = std::stoll(text.substr(start), &used, base);
    if (used != text.size() - start) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool is_number(const Value& v) { return v.is<std::int64_t>() || v.is<double>() || v.is<bool>(); }
double as_double(const Value& v) {
  if (v.is<double>()) return v.as<double>();
  if (v.is<bool>()) return v.as<bool>() ? 1.0 : 0.0;
  return static_cast<double>(v.as<std::int64_t>());
}
std::int64_t as_int(const Value& v) { return v.is<bool>() ? (v.as<bool>() ? 1 : 0) : v.as<std::int64_t>(); }
bool is_integral(const Value& v) { return v.is<std::int64_t>() || v.is<bool>(); }

const std::vector<Value>* sequence_items(const Value& v) {
  if (v.is<ListPtr>()) return &v.as<ListPtr>()->items;
  if (v.is<TupleValue>()) return v.as<TupleValue>().items.get();
  return nullptr;
}

}  // namespace

Value Interpreter::eval(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  if (expr_depth_ >= limits_.max_expr_depth) {
    return make_unknown("expression nested more than " + std::to_string(limits_.max_expr_depth) + " levels deep",
                        span);
  }
  DepthGuard guard(expr_depth_);
  step(span);
  return eval_inner(expr, f);
}

Value Interpreter::eval_inner(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  const auto t = expr.type();
  if (t == "identifier") return lookup(std::string(f.src->text(expr)), expr, f);
  if (t == "string" || t == "concatenated_string") return eval_string(expr, f);
  if (t == "integer") {
    auto v = parse_int(std::string(f.src->text(expr)));
    return v ? Value(*v, span) : make_unknown("integer literal out of range", span);
  }
  if (t == "float") {
    std::string text(f.src->text(expr));
    text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
    if (!text.empty() && (text.back() == 'j' || text.back() == 'J')) return make_unknown("complex numbers are not evaluated", span);
    return Value(std::strtod(text.c_str(), nullptr), span);
  }
  if (t == "true") return Value(true, span);
  if (t == "false") return Value(false, span);
  if (t == "none") return Value(NoneValue{}, span);
  if (t == "ellipsis") return Value(External{"builtins.Ellipsis"}, span);
  if (t == "list" || t == "tuple" || t == "set" || t == "expression_list") return eval_display(expr, f);
  if (t == "dictionary") return eval_dict(expr, f);
  if (t == "parenthesized_expression") {
    for (const ts::Node child : expr.named_children()) {
      if (!child.is("comment")) return eval(child, f);
    }
    return make_unknown("empty parentheses", span);
  }
  if (t == "attribute") return eval_attribute(expr, f);
  if (t == "call") return eval_call(expr, f);
  if (t == "subscript") return eval_subscript(expr, f);
  if (t == "binary_operator") return eval_binary(expr, f);
  if (t == "comparison_operator") return eval_comparison(expr, f);
  if (t == "not_operator") {
    const Value v = eval(expr.field("argument"), f);
    bool b = false;
    if (!truthy_known(v, b)) return v.is_unknown() ? v : make_unknown("truth value not known", span);
    return Value(!b, span);
  }
  if (t == "boolean_operator") {
    const Value left = eval(expr.field("left"), f);
    bool b = false;
    if (!truthy_known(left, b)) return left.is_unknown() ? left : make_unknown("truth value not known", span);
    const bool is_and = f.src->text(expr.field("operator")) == "and";
    if (is_and ? !b : b) return left;
    return eval(expr.field("right"), f);
  }
  if (t == "unary_operator") {
    const Value v = eval(expr.field("argument"), f);
    const auto op = f.src->text(expr.field("operator"));
    if (v.is_unknown()) return v;
    if (op == "-" && is_integral(v)) return Value(-as_int(v), span);
    if (op == "-" && v.is<double>()) return Value(-v.as<double>(), span);
    if (op == "+" && is_number(v)) return v;
    if (op == "~" && is_integral(v)) return Value(~as_int(v), span);
    return make_unknown("unary `" + std::string(op) + "` on a `" + v.type_name() + "`", span);
  }
  if (t == "conditional_expression") {
    const Value cond = eval(expr.named_child(1), f);
    bool b = false;
    if (!truthy_known(cond, b)) {
      return cond.is_unknown() ? cond : make_unknown("the condition is not known statically", span);
    }
    return eval(expr.named_child(b ? 0 : 2), f);
  }
  if (t == "list_comprehension" || t == "set_comprehension" || t == "dictionary_comprehension" ||
      t == "generator_expression") {
    return eval_comprehension(expr, f);
  }
  if (t == "lambda") return define_function(expr, f, true);
  if (t == "named_expression") {
    const Value v = eval(expr.field("value"), f);
    bind_name(std::string(f.src->text(expr.field("name"))), v, f);
    return v;
  }
  if (t == "keyword_argument") return make_unknown("a keyword argument outside a call", span);
  return make_unknown("`" + std::string(t) + "` expressions are not evaluated", span);
}

Value Interpreter::eval_attribute(ts::Node expr, Frame& f) {
  const Value obj = eval(expr.field("object"), f);
  Value v = get_attr(obj, std::string(f.src->text(expr.field("attribute"))), f.src->span(expr));
  if (!v.is_unknown() || !v.unknown().is_error) return v;
  // At module level the AttributeError fails the import (KL112, below).
  const bool kedro_api = obj.is<PipelineValue>() || (obj.is<External>() && !f.module_level);
  if (kedro_api && !v.unknown().reported) {
    // A Pipeline method, or a name of Kedro's API, the targeted Kedro
    // version does not have: Python raises AttributeError.
    model::Unknown u = v.unknown();
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, u.span, u.reason, {},
                              u.help.empty() ? std::nullopt : std::optional<std::string>(u.help)});
    u.reported = true;
    v = Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, v.origin);
  }
  if (f.module_level && obj.is<External>()) throw Abort{v.unknown()};
  return v;
}

Value Interpreter::lookup(const std::string& name, ts::Node at, Frame& f) {
  const core::Span span = f.src->span(at);
  for (ScopePtr s = f.locals; s; s = s->parent) {
    if (const Value* v = s->lookup_local(name)) return *v;
  }
  if (const Value* v = f.module->globals->lookup_local(name)) return *v;
  if (const Value* v = builtins_->lookup_local(name)) {
    if (std::find(std::begin(kNameDefiningBuiltins), std::end(kNameDefiningBuiltins), name) !=
        std::end(kNameDefiningBuiltins)) {
      f.module->dynamic_globals = true;
    }
    return Value(v->v, span);
  }
  std::vector<std::string> candidates;
  for (ScopePtr s = f.locals; s; s = s->parent) candidates.insert(candidates.end(), s->order.begin(), s->order.end());
  candidates.insert(candidates.end(), f.module->globals->order.begin(), f.module->globals->order.end());
  // At module level the locals are the globals: list each name once.
  std::vector<std::string> unique;
  for (auto& c : candidates) {
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(std::move(c));
  }
  candidates = std::move(unique);
  Value error = make_error("name `" + name + "` is not defined", span, name, core::close_matches(name, candidates, 3),
                           "NameError");
  // Module-level code runs at import: the NameError fails the import.
  if (f.module_level && !f.module->dynamic_globals) throw Abort{error.unknown()};
  return error;
}

std::optional<std::vector<Arg>> Interpreter::eval_arguments(ts::Node arguments, Frame& f, Value& unknown) {
  std::vector<Arg> args;
  if (arguments.is("generator_expression")) {
    args.push_back(Arg{std::nullopt, eval(arguments, f), f.src->span(arguments)});
    return args;
  }
  const auto written = arguments.named_children();
  args.reserve(written.size());
  for (const ts::Node a : written) {
    const core::Span span = f.src->span(a);
    if (a.is("comment")) continue;
    if (a.is("keyword_argument")) {
      const ts::Node value = a.field("value");
      args.push_back(Arg{std::string(f.src->text(a.field("name"))), eval(value, f), f.src->span(value)});
    } else if (a.is("list_splat")) {
      const Value v = eval(a.named_child(0), f);
      auto items = iterate(v, span, unknown);
      if (!items) return std::nullopt;
      for (auto& item : *items) args.push_back(Arg{std::nullopt, item, span});
    } else if (a.is("dictionary_splat")) {
      const Value v = eval(a.named_child(0), f);
      if (!v.is<DictPtr>()) {
        unknown = v.is_unknown() ? v : make_unknown("`**` of a `" + v.type_name() + "`", span);
        return std::nullopt;
      }
      for (const auto& [k, val] : v.as<DictPtr>()->items) {
        if (!k.is_str()) {
          unknown = make_unknown("`**` keys must be strings", span);
          return std::nullopt;
        }
        args.push_back(Arg{k.str(), val, span});
      }
    } else {
      args.push_back(Arg{std::nullopt, eval(a, f), span});
    }
  }
  return args;
}

Value Interpreter::eval_call(ts::Node call_node, Frame& f) {
  const core::Span span = f.src->span(call_node);
  if (is_super_method_call(call_node, f)) return super_call(call_node, f);
  const Value callee = eval(call_node.field("function"), f);
  Value unknown;
  auto args = eval_arguments(call_node.field("arguments"), f, unknown);
  if (!args) return unknown;
  if (callee.is_unknown()) return callee;
  Value result = call(callee, std::move(*args), span);
  if (!result.origin.valid()) result.origin = span;
  return result;
}

std::optional<std::vector<Value>> Interpreter::iterate(const Value& v, core::Span span, Value& unknown) {
  if (const auto* items = sequence_items(v)) return *items;
  if (v.is<std::string>()) {
    std::vector<Value> out;
    const std::string& s = v.str();
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t start = i;
      core::decode_utf8(s, i);
      out.emplace_back(s.substr(start, i - start));
    }
    return out;
  }
  if (v.is<DictPtr>()) {
    std::vector<Value> out;
    for (const auto& [k, val] : v.as<DictPtr>()->items) out.push_back(k);
    return out;
  }
  if (v.is<SetValue>()) return v.as<SetValue>().items->items;
  if (v.is_unknown()) {
    unknown = v;
    return std::nullopt;
  }
  unknown = make_unknown("iterating over a `" + v.type_name() + "` is not evaluated", span);
  return std::nullopt;
}

Value Interpreter::eval_display(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  std::vector<Value> items;
  for (const ts::Node c : expr.named_children()) {
    if (c.is("comment")) continue;
    if (c.is("list_splat") || c.is("parenthesized_list_splat")) {
      Value unknown;
      auto spread = iterate(eval(c.named_child(0), f), f.src->span(c), unknown);
      if (!spread) return unknown;
      items.insert(items.end(), spread->begin(), spread->end());
    } else {
      items.push_back(eval(c, f));
    }
    if (items.size() > limits_.max_collection) return make_unknown("collection too large", span);
  }
  const auto t = expr.type();
  if (t == "list") return make_list(std::move(items), span);
  if (t == "set") {
    auto set = std::make_shared<ListObj>();
    auto seen = std::make_shared<DictObj>();
    for (auto& item : items) {
      if (!hash_key(item)) return item.is_unknown() ? item : make_unknown("unhashable set element", span);
      if (!seen->find(item)) {
        seen->set(item, Value());
        set->items.push_back(item);
      }
    }
    return Value(SetValue{set}, span);
  }
  return make_tuple(std::move(items), span);
}

Value Interpreter::eval_dict(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  auto dict = std::make_shared<DictObj>();
  for (const ts::Node c : expr.named_children()) {
    if (c.is("pair")) {
      const Value key = eval(c.field("key"), f);
      if (!hash_key(key)) return key.is_unknown() ? key : make_unknown("unhashable dict key", f.src->span(c));
      dict->set(key, eval(c.field("value"), f));
    } else if (c.is("dictionary_splat")) {
      const Value v = eval(c.named_child(0), f);
      if (!v.is<DictPtr>()) return v.is_unknown() ? v : make_unknown("`**` of a `" + v.type_name() + "`", span);
      for (const auto& [k, val] : v.as<DictPtr>()->items) dict->set(k, val);
    }
  }
  return Value(DictPtr(dict), span);
}

Value Interpreter::eval_comprehension(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  Frame inner = f;
  inner.locals = new_scope();
  inner.locals->parent = f.locals;
  inner.module_level = false;
  std::vector<ts::Node> clauses;
  for (const ts::Node c : expr.named_children()) {
    if (c.is("for_in_clause") || c.is("if_clause")) clauses.push_back(c);
  }
  const auto t = expr.type();
  std::vector<Value> results;
  auto dict = std::make_shared<DictObj>();
  std::optional<Value> failure;
  // Depth-first over the clauses, like nested for/if statements.
  std::function<void(std::size_t)> run = [&](std::size_t k) {
    if (failure) return;
    if (k == clauses.size()) {
      if (t == "dictionary_comprehension") {
        const ts::Node pair = expr.field("body");
        const Value key = eval(pair.field("key"), inner);
        if (!hash_key(key)) {
          failure = key.is_unknown() ? key : make_unknown("unhashable dict key", span);
          return;
        }
        dict->set(key, eval(pair.field("value"), inner));
      } else {
        results.push_back(eval(expr.field("body"), inner));
      }
      if (results.size() + dict->items.size() > limits_.max_collection) {
        failure = make_unknown("comprehension builds more than " + std::to_string(limits_.max_collection) + " items",
                               span);
      }
      return;
    }
    const ts::Node clause = clauses[k];
    if (clause.is("if_clause")) {
      const Value cond = eval(clause.named_child(0), inner);
      bool keep = false;
      if (!truthy_known(cond, keep)) {
        failure = cond.is_unknown() ? cond : make_unknown("the filter is not known statically", f.src->span(clause));
        return;
      }
      if (keep) run(k + 1);
      return;
    }
    Value unknown;
    auto items = iterate(eval(clause.field("right"), inner), f.src->span(clause.field("right")), unknown);
    if (!items) {
      failure = unknown;
      return;
    }
    for (const auto& item : *items) {
      assign(clause.field("left"), item, inner);
      run(k + 1);
      if (failure) return;
    }
  };
  run(0);
  if (failure) return *failure;
  if (t == "dictionary_comprehension") return Value(DictPtr(dict), span);
  if (t == "set_comprehension") {
    auto set = std::make_shared<ListObj>();
    auto seen = std::make_shared<DictObj>();
    for (auto& item : results) {
      if (!hash_key(item)) return item.is_unknown() ? item : make_unknown("unhashable set element", span);
      if (!seen->find(item)) {
        seen->set(item, Value());
        set->items.push_back(item);
      }
    }
    return Value(SetValue{set}, span);
  }
  return make_list(std::move(results), span);
}

Value Interpreter::eval_binary(ts::Node expr, Frame& f) {
  const Value left = eval(expr.field("left"), f);
  const Value right = eval(expr.field("right"), f);
  return binary_op(std::string(f.src->text(expr.field("operator"))), left, right, f.src->span(expr));
}

Value Interpreter::binary_op(const std::string& op, const Value& a, const Value& b, core::Span span) {
  // Pipelines first: a known pipeline plus an unknown one is a partial pipeline.
  if (a.is<PipelineValue>() || b.is<PipelineValue>()) return pipeline_binary(op, a, b, span);
  if (a.is_unknown()) return a;
  if (b.is_unknown()) return b;
  if (is_integral(a) && is_integral(b)) {
    const std::int64_t x = as_int(a), y = as_int(b);
    std::int64_t r = 0;
    if (op == "+" && !__builtin_add_overflow(x, y, &r)) return Value(r, span);
    if (op == "-" && !__builtin_sub_overflow(x, y, &r)) return Value(r, span);
    if (op == "*" && !__builtin_mul_overflow(x, y, &r)) return Value(r, span);
    if ((op == "//" || op == "%") && y != 0) {
      std::int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        --q;
        m += y;
      }
      return Value(op == "//" ? q : m, span);
    }
    if (op == "/" && y != 0) return Value(static_cast<double>(x) / static_cast<double>(y), span);
    if (op == "**" && y >= 0 && y < 64) {
      std::int64_t acc = 1;
      for (std::int64_t i = 0; i < y; ++i) {
        if (__builtin_mul_overflow(acc, x, &acc)) return make_unknown("integer overflow", span);
      }
      return Value(acc, span);
    }
    if (op == "&") return Value(x & y, span);
    if (op == "|") return Value(x | y, span);
    if (op == "^") return Value(x ^ y, span);
  }
  if (is_number(a) && is_number(b)) {
    const double x = as_double(a), y = as_double(b);
    if (op == "+") return Value(x + y, span);
    if (op == "-") return Value(x - y, span);
    if (op == "*") return Value(x * y, span);
    if (op == "/" && y != 0) return Value(x / y, span);
    if (op == "**") return Value(std::pow(x, y), span);
  }
  if (op == "+" && a.is_str() && b.is_str()) {
    if (a.str().size() + b.str().size() > limits_.max_string) return make_unknown("string too long", span);
    return Value(a.str() + b.str(), span);
  }
  if (op == "%" && a.is_str()) {
    auto s = percent_format(a.str(), b, limits_.max_string);
    return s ? Value(*s, span) : make_unknown("`%` formatting with these arguments is not evaluated", span);
  }
  if (op == "*" && ((a.is_str() && is_integral(b)) || (b.is_str() && is_integral(a)))) {
    const std::string& s = a.is_str() ? a.str() : b.str();
    const std::int64_t n = a.is_str() ? as_int(b) : as_int(a);
    if (n <= 0 || s.empty()) return Value(std::string(), span);
    // Divide rather than multiply: s.size() * n can overflow.
    if (static_cast<std::uint64_t>(n) > limits_.max_string / s.size()) return make_unknown("string too long", span);
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return Value(std::move(out), span);
  }
  const auto* sa = sequence_items(a);
  const auto* sb = sequence_items(b);
  if (op == "+" && sa && sb && a.v.index() == b.v.index()) {
    std::vector<Value> items = *sa;
    items.insert(items.end(), sb->begin(), sb->end());
    if (items.size() > limits_.max_collection) return make_unknown("collection too large", span);
    return a.is<ListPtr>() ? make_list(std::move(items), span) : make_tuple(std::move(items), span);
  }
  if (op == "*" && (sa || sb) && (is_integral(a) || is_integral(b))) {
    const auto* items = sa ? sa : sb;
    const std::int64_t n = items->empty() ? 0 : sa ? as_int(b) : as_int(a);
    std::vector<Value> out;
    if (n > 0 && static_cast<std::uint64_t>(n) > limits_.max_collection / items->size()) {
      return make_unknown("collection too large", span);
    }
    // The copies of the strings inside count too: [s] * n copies s n times.
    std::size_t text = 0;
    for (const auto& item : *items) text += item.is_str() ? item.str().size() : 0;
    if (n > 0 && text > 0 && static_cast<std::uint64_t>(n) > limits_.max_built_bytes / text) {
      return make_unknown("collection too large: it would copy more than " +
                              std::to_string(limits_.max_built_bytes >> 20) + " MiB of text",
                          span);
    }
    for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items->begin(), items->end());
    return (sa ? a : b).is<ListPtr>() ? make_list(std::move(out), span) : make_tuple(std::move(out), span);
  }
  if (a.is<DictPtr>() && b.is<DictPtr>() && op == "|") {
    auto dict = std::make_shared<DictObj>(*a.as<DictPtr>());
    for (const auto& [k, v] : b.as<DictPtr>()->items) dict->set(k, v);
    return Value(DictPtr(dict), span);
  }
  if (a.is<SetValue>() && b.is<SetValue>() && (op == "|" || op == "&" || op == "-" || op == "^")) {
    auto index_of = [](const Value& set) {
      DictObj d;
      for (const auto& item : set.as<SetValue>().items->items) d.set(item, Value());
      return d;
    };
    const DictObj in_a = index_of(a), in_b = index_of(b);
    auto out = std::make_shared<ListObj>();
    for (const auto& item : a.as<SetValue>().items->items) {
      const bool in_other = in_b.find(item) != nullptr;
      if (op == "|" || (op == "&" && in_other) || ((op == "-" || op == "^") && !in_other)) out->items.push_back(item);
    }
    if (op == "|" || op == "^") {
      for (const auto& item : b.as<SetValue>().items->items) {
        if (!in_a.find(item)) out->items.push_back(item);
      }
    }
    return Value(SetValue{out}, span);
  }
  return make_unknown("`" + a.type_name() + " " + op + " " + b.type_name() + "` is not evaluated", span);
}

Value Interpreter::eval_comparison(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  std::vector<ts::Node> operands;
  std::vector<std::string> ops;
  for (std::uint32_t i = 0; i < expr.child_count(); ++i) {
    const ts::Node c = expr.child(i);
    if (c.named()) {
      if (!c.is("comment")) operands.push_back(c);
    } else {
      const std::string op(f.src->text(c));
      if ((op == "in" && !ops.empty() && ops.back() == "not" && operands.size() == ops.size()) ||
          (op == "not" && !ops.empty() && ops.back() == "is" && operands.size() == ops.size())) {
        ops.back() += " " + op;
      } else {
        ops.push_back(op);
      }
    }
  }
  if (operands.size() != ops.size() + 1) return make_unknown("comparison not understood", span);
  Value left = eval(operands[0], f);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Value right = eval(operands[i + 1], f);
    if (left.is_unknown()) return left;
    if (right.is_unknown()) return right;
    const std::string& op = ops[i];
    bool result = false;
    if (op == "==" || op == "!=") {
      bool eq = false;
      if (!values_equal(left, right, eq)) return make_unknown("equality of these values is not evaluated", span);
      result = op == "==" ? eq : !eq;
    } else if (op == "is" || op == "is not") {
      if (!left.is_none() && !right.is_none() && !left.is<bool>()) {
        return make_unknown("identity comparison is not evaluated", span);
      }
      bool eq = false;
      if (!values_equal(left, right, eq)) return make_unknown("identity comparison is not evaluated", span);
      result = op == "is" ? eq : !eq;
    } else if (op == "in" || op == "not in") {
      bool found = false;
      if (right.is_str() && left.is_str()) {
        found = right.str().find(left.str()) != std::string::npos;
      } else if (right.is<DictPtr>()) {
        found = right.as<DictPtr>()->find(left) != nullptr;
      } else {
        Value unknown;
        auto items = iterate(right, span, unknown);
        if (!items) return unknown;
        for (const auto& item : *items) {
          bool eq = false;
          if (!values_equal(item, left, eq)) return make_unknown("membership test is not evaluated", span);
          if (eq) {
            found = true;
            break;
          }
        }
      }
      result = op == "in" ? found : !found;
    } else {
      int cmp = 0;
      if (is_number(left) && is_number(right)) {
        const double x = as_double(left), y = as_double(right);
        cmp = x < y ? -1 : x > y ? 1 : 0;
      } else if (left.is_str() && right.is_str()) {
        cmp = left.str().compare(right.str());
      } else {
        return make_unknown("ordering of a `" + left.type_name() + "` and a `" + right.type_name() + "`", span);
      }
      result = op == "<" ? cmp < 0 : op == "<=" ? cmp <= 0 : op == ">" ? cmp > 0 : cmp >= 0;
    }
    if (!result) return Value(false, span);
    left = right;
  }
  return Value(true, span);
}

Value Interpreter::eval_subscript(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  const Value container = eval(expr.field("value"), f);
  const ts::Node index_node = expr.field("subscript");
  if (container.is_unknown()) return container;
  if (index_node.is("slice")) {
    std::optional<std::int64_t> parts[3];
    int k = 0;
    for (std::uint32_t i = 0; i < index_node.child_count() && k < 3; ++i) {
      const ts::Node c = index_node.child(i);
      if (!c.named()) {
        if (f.src->text(c) == ":") ++k;
        continue;
      }
      const Value v = eval(c, f);
      if (!is_integral(v) && !v.is_none()) return v.is_unknown() ? v : make_unknown("slice bounds must be ints", span);
      if (is_integral(v)) parts[k] = as_int(v);
    }
    std::vector<Value> items;
    bool is_string = container.is_str();
    if (is_string) {
      Value unknown;
      items = *iterate(container, span, unknown);
    } else if (const auto* seq = sequence_items(container)) {
      items = *seq;
    } else {
      return make_unknown("slicing a `" + container.type_name() + "`", span);
    }
    const auto n = static_cast<std::int64_t>(items.size());
    const std::int64_t stepv = parts[2].value_or(1);
    if (stepv == 0) return make_unknown("slice step cannot be zero", span);
    auto clamp = [&](std::optional<std::int64_t> v, std::int64_t def) {
      if (!v) return def;
      std::int64_t x = *v < 0 ? *v + n : *v;
      if (stepv > 0) return std::clamp<std::int64_t>(x, 0, n);
      return std::clamp<std::int64_t>(x, -1, n - 1);
    };
    const std::int64_t start = clamp(parts[0], stepv > 0 ? 0 : n - 1);
    const std::int64_t stop = clamp(parts[1], stepv > 0 ? n : -1);
    std::vector<Value> out;
    for (std::int64_t i = start; stepv > 0 ? i < stop : i > stop; i += stepv) out.push_back(items[static_cast<std::size_t>(i)]);
    if (is_string) {
      std::string s;
      for (const auto& v : out) s += v.str();
      return Value(s, span);
    }
    return container.is<ListPtr>() ? make_list(std::move(out), span) : make_tuple(std::move(out), span);
  }
  const Value index = eval(index_node, f);
  if (index.is_unknown()) return index;
  if (container.is<ConfigLoaderPtr>()) return config_loader_item(*container.as<ConfigLoaderPtr>(), index, span);
  if (container.is<DictPtr>()) {
    if (const Value* v = container.as<DictPtr>()->find(index)) return *v;
    auto r = py_repr(index);
    return make_unknown("KeyError: key " + r.value_or("?") + " is not in this dict", span);
  }
  if (is_integral(index)) {
    std::vector<Value> chars;
    const std::vector<Value>* items = sequence_items(container);
    if (container.is_str()) {
      Value unknown;
      chars = *iterate(container, span, unknown);
      items = &chars;
    }
    if (!items) return make_unknown("indexing a `" + container.type_name() + "`", span);
    std::int64_t i = as_int(index);
    if (i < 0) i += static_cast<std::int64_t>(items->size());
    if (i < 0 || static_cast<std::size_t>(i) >= items->size()) return make_unknown("IndexError: index out of range", span);
    return (*items)[static_cast<std::size_t>(i)];
  }
  if (container.is<External>()) return Value(External{container.as<External>().qualname + "[]"}, span);
  return make_unknown("subscripting a `" + container.type_name() + "` with a `" + index.type_name() + "`", span);
}

Value Interpreter::eval_string(ts::Node expr, Frame& f) {
  const core::Span span = f.src->span(expr);
  if (expr.is("concatenated_string")) {
    std::string out;
    for (const ts::Node child : expr.named_children()) {
      if (!child.is("string")) continue;
      const Value part = eval_string(child, f);
      if (!part.is_str()) return part;
      out += part.str();
    }
    return Value(out, span);
  }
  // Most strings of pipeline code are dataset names: one line, one kind of
  // quote, no prefix, escape or brace. Their value is the text between the
  // quotes, without walking the string's children (perf at 10,000 nodes:
  // eval_string was a seventh of the interpreter's samples, half of them in
  // that walk).
  if (const std::string_view text = f.src->text(expr);
      text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front() &&
      (text.size() == 2 || text[1] != text.front()) && !expr.has_error()) {
    const std::string_view content = text.substr(1, text.size() - 2);
    if (content.find_first_of(text.front() == '"' ? "\"\\{}\n\r" : "'\\{}\n\r") == std::string_view::npos &&
        content.size() <= limits_.max_string) {
      return Value(std::string(content), span);
    }
  }
  bool fstring = false, raw = false;
  std::string out;
  for (const ts::Node c : expr.children()) {
    const auto t = c.type();
    if (t == "string_start") {
      for (const char ch : f.src->text(c)) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == 'f') fstring = true;
        if (lower == 'r') raw = true;
        if (lower == 'b') return make_unknown("bytes literals are not evaluated", span);
      }
    } else if (t == "string_content") {
      auto text = decode_string_content(f.src->text(c), raw, fstring);
      if (!text) return make_unknown("this string escape is not decoded statically", span);
      out += *text;
    } else if (t == "escape_sequence") {
      auto text = decode_string_content(f.src->text(c), raw, false);
      if (!text) return make_unknown("this string escape is not decoded statically", span);
      out += *text;
    } else if (t == "interpolation") {
      // `{` expression [`=`] [type_conversion] [format_specifier] `}`, read in
      // one walk: field lookups by name each walk the children again.
      ts::Node e, conv, fs;
      for (const ts::Node part : c.children()) {
        const auto part_type = part.type();
        if (part_type == "type_conversion") {
          conv = part;
        } else if (part_type == "format_specifier") {
          fs = part;
        } else if (part.named()) {
          if (e.null()) e = part;
        } else if (part_type == "=") {
          return make_unknown("f-string `=` specifiers are not evaluated", span);
        }
      }
      const Value v = eval(e, f);
      if (v.is_unknown()) return v;
      char conversion = 0;
      if (!conv.null()) {
        const auto text = f.src->text(conv);
        conversion = text.size() >= 2 ? text[1] : 0;
      }
      std::string spec;
      if (!fs.null()) {
        if (fs.named_child_count() > 0) return make_unknown("nested f-string format specs are not evaluated", span);
        spec = std::string(f.src->text(fs));
        if (!spec.empty() && spec.front() == ':') spec.erase(0, 1);
      }
      auto piece = convert_and_format(v, conversion, spec, limits_.max_string);
      if (!piece) return make_unknown("formatting a `" + v.type_name() + "` in an f-string is not evaluated", span);
      out += *piece;
    }
    if (out.size() > limits_.max_string) return make_unknown("string too long", span);
  }
  return Value(out, span);
}

std::string Interpreter::annotation_text(ts::Node type, Frame& f) {
  // Resolve dotted names through the imports in scope; keep the rest as written.
  auto resolve = [&](const std::string& head, const std::vector<std::string>& parts) {
    Value base;
    bool found = false;
    for (ScopePtr s = f.locals; s && !found; s = s->parent) {
      if (const Value* v = s->lookup_local(head)) base = *v, found = true;
    }
    if (!found) {
      if (const Value* v = f.module->globals->lookup_local(head)) base = *v, found = true;
    }
    std::string prefix;
    if (found && base.is<External>()) prefix = base.as<External>().qualname;
    else if (found && base.is<ModulePtr>()) prefix = base.as<ModulePtr>()->name;
    else if (found && base.is<ClassPtr>()) prefix = base.as<ClassPtr>()->module + "." + base.as<ClassPtr>()->qualname;
    else prefix = head;
    for (const auto& p : parts) prefix += "." + p;
    return prefix;
  };
  ts::Node n = type.is("type") && type.named_child_count() ? type.named_child(0) : type;
  const auto t = n.type();
  if (t == "identifier" || t == "attribute") {
    std::vector<std::string> parts;
    ts::Node cur = n;
    while (cur.is("attribute")) {
      parts.insert(parts.begin(), std::string(f.src->text(cur.field("attribute"))));
      cur = cur.field("object");
    }
    if (!cur.is("identifier")) return std::string(f.src->text(n));
    return resolve(std::string(f.src->text(cur)), parts);
  }
  if (t == "string") {
    // A string annotation ("pd.DataFrame", from __future__ import annotations
    // style): resolve every dotted name inside it the same way.
    std::string content;
    for (std::uint32_t i = 0; i < n.child_count(); ++i) {
      if (n.child(i).is("string_content")) content += std::string(f.src->text(n.child(i)));
    }
    std::string out;
    std::size_t i = 0;
    while (i < content.size()) {
      const auto c = static_cast<unsigned char>(content[i]);
      if (!(std::isalpha(c) || c == '_')) {
        out += content[i++];
        continue;
      }
      std::size_t j = i;
      while (j < content.size() &&
             (std::isalnum(static_cast<unsigned char>(content[j])) || content[j] == '_' || content[j] == '.')) {
        ++j;
      }
      const auto pieces = core::split(content.substr(i, j - i), '.');
      out += resolve(pieces.front(), std::vector<std::string>(pieces.begin() + 1, pieces.end()));
      i = j;
    }
    return out;
  }
  if (t == "generic_type" || t == "subscript") {
    std::string out;
    for (std::uint32_t i = 0; i < n.named_child_count(); ++i) {
      const ts::Node c = n.named_child(i);
      if (i == 0) {
        out = annotation_text(c, f);
        continue;
      }
      std::string inner;
      for (std::uint32_t k = 0; k < c.named_child_count(); ++k) {
        if (k) inner += ", ";
        inner += annotation_text(c.named_child(k), f);
      }
      out += "[" + (c.named_child_count() ? inner : annotation_text(c, f)) + "]";
    }
    return out;
  }
  if (t == "binary_operator") {
    return annotation_text(n.field("left"), f) + " | " + annotation_text(n.field("right"), f);
  }
  return std::string(f.src->text(n));
}

}  // namespace kedrolint::python
