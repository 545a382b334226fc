#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "model/kedro_ops.hpp"
#include "python/interpreter.hpp"
#include "python/strings.hpp"

namespace kedrolint::python {

namespace {

const std::vector<Value>* items_of(const Value& v) {
  if (v.is<ListPtr>()) return &v.as<ListPtr>()->items;
  if (v.is<TupleValue>()) return v.as<TupleValue>().items.get();
  return nullptr;
}

std::vector<Value> positional(const std::vector<Arg>& args) {
  std::vector<Value> out;
  for (const auto& a : args) {
    if (!a.keyword) out.push_back(a.value);
  }
  return out;
}

const Value* keyword(const std::vector<Arg>& args, std::string_view name) {
  for (const auto& a : args) {
    if (a.keyword && *a.keyword == name) return &a.value;
  }
  return nullptr;
}

const Value* first_unknown(const std::vector<Arg>& args) {
  for (const auto& a : args) {
    if (a.value.is_unknown()) return &a.value;
  }
  return nullptr;
}

bool is_int(const Value& v) { return v.is<std::int64_t>() || v.is<bool>(); }
std::int64_t to_int(const Value& v) { return v.is<bool>() ? v.as<bool>() : v.as<std::int64_t>(); }

// Total order used by sorted/min/max over the values Python can compare.
std::optional<int> compare(const Value& a, const Value& b) {
  const NestingGuard guard;
  if (guard.too_deep()) return std::nullopt;
  const bool na = is_int(a) || a.is<double>(), nb = is_int(b) || b.is<double>();
  if (na && nb) {
    const double x = a.is<double>() ? a.as<double>() : static_cast<double>(to_int(a));
    const double y = b.is<double>() ? b.as<double>() : static_cast<double>(to_int(b));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is_str() && b.is_str()) return a.str() < b.str() ? -1 : a.str() > b.str() ? 1 : 0;
  const auto* sa = items_of(a);
  const auto* sb = items_of(b);
  if (sa && sb) {
    for (std::size_t i = 0; i < std::min(sa->size(), sb->size()); ++i) {
      auto c = compare((*sa)[i], (*sb)[i]);
      if (!c) return std::nullopt;
      if (*c) return c;
    }
    return sa->size() < sb->size() ? -1 : sa->size() > sb->size() ? 1 : 0;
  }
  return std::nullopt;
}

std::vector<std::string> split_ws(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string strip_chars(const std::string& s, const std::string& chars, bool left, bool right) {
  std::size_t b = 0, e = s.size();
  if (left) {
    while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  }
  if (right) {
    while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  }
  return s.substr(b, e - b);
}

Value deep_copy(const Value& v) {
  const NestingGuard guard;
  if (guard.too_deep()) return make_unknown("deepcopy() of a value nested too deeply (RecursionError)", v.origin);
  if (v.is<ListPtr>()) {
    std::vector<Value> items;
    for (const auto& item : v.as<ListPtr>()->items) items.push_back(deep_copy(item));
    return make_list(std::move(items), v.origin);
  }
  if (v.is<DictPtr>()) {
    auto dict = std::make_shared<DictObj>();
    for (const auto& [k, val] : v.as<DictPtr>()->items) dict->set(k, deep_copy(val));
    return Value(DictPtr(dict), v.origin);
  }
  return v;
}

// A list, dict or set method called with an Unknown argument: the change is
// made with the Unknown stored in the container (an exact element or value
// whose content is unknown), so whatever is built from it is incomplete
// instead of silently missing it. Where the change itself cannot be known (an
// unknown key or position, an unknown iterable), the container holds an
// Unknown marker (lists, sets) or the evaluation stops (dicts). Nullopt for
// the methods that change nothing: they are Unknown.
std::optional<Value> mutate_with_unknown(const Value& self, const std::string& name, const std::vector<Arg>& args,
                                         const Value& unknown, core::Span span) {
  const std::vector<Value> pos = positional(args);
  const Value none(NoneValue{}, span);
  if (self.is<ListPtr>()) {
    auto& items = self.as<ListPtr>()->items;
    if (name == "append" && pos.size() == 1) {
      items.push_back(pos[0]);
    } else if (name == "insert" && pos.size() == 2 && is_int(pos[0])) {
      auto i = to_int(pos[0]);
      const auto n = static_cast<std::int64_t>(items.size());
      i = std::clamp<std::int64_t>(i < 0 ? i + n : i, 0, n);
      items.insert(items.begin() + i, pos[1]);
    } else if (name == "append" || name == "insert" || name == "extend" || name == "remove" || name == "sort" ||
               name == "pop") {
      items.push_back(unknown);
      if (name == "pop") return unknown;
    } else {
      return std::nullopt;
    }
    return none;
  }
  if (self.is<DictPtr>()) {
    auto& dict = *self.as<DictPtr>();
    const bool key_known = !pos.empty() && hash_key(pos[0]).has_value();
    if (name == "setdefault" && key_known) {
      if (const Value* v = dict.find(pos[0])) return *v;
      dict.set(pos[0], pos.size() > 1 ? pos[1] : Value());
      return pos.size() > 1 ? pos[1] : Value();
    }
    if ((name == "get" || name == "pop") && key_known && pos.size() <= 2) {
      if (const Value* v = dict.find(pos[0])) {
        Value out = *v;
        if (name == "pop") dict.erase(pos[0]);
        return out;
      }
      return pos.size() > 1 ? pos[1] : unknown;
    }
    if (name == "update" && (pos.empty() || pos[0].is<DictPtr>())) {
      if (!pos.empty()) {
        for (const auto& [k, v] : pos[0].as<DictPtr>()->items) dict.set(k, v);
      }
      for (const auto& a : args) {
        if (a.keyword) dict.set(Value(*a.keyword), a.value);
      }
      return none;
    }
    if (name == "update" || name == "setdefault" || name == "pop") {
      throw Abort{{"this dict changes in a way that is not known statically: " + unknown.unknown().reason,
                   unknown.unknown().span}};
    }
    return std::nullopt;
  }
  if (self.is<SetValue>() && (name == "add" || name == "update" || name == "discard")) {
    self.as<SetValue>().items->items.push_back(unknown);
    return none;
  }
  return std::nullopt;
}

}  // namespace

Value Interpreter::kedro_api_error(const kedro_api::Missing& missing, const std::string& exception, core::Span span) {
  model::Unknown u{missing.message, span};
  u.is_error = true;
  u.exception = exception;
  u.help = missing.help;
  return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
}

Value Interpreter::get_attr(const Value& obj, const std::string& name, core::Span span) {
  const MeterScope metered(meter_);
  if (obj.is_unknown()) return obj;
  if (obj.is<ModulePtr>()) return attribute_of_module(obj.as<ModulePtr>(), name, span);
  if (obj.is<InstancePtr>()) return instance_attribute(obj.as<InstancePtr>(), name, span);
  if (obj.is<ConfigLoaderPtr>() && name == "get") {
    return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{obj, name})), span);
  }
  if (obj.is<External>() && obj.as<External>().qualname == "kedro.framework.project.settings") {
    return project_setting(name, span);
  }
  if (obj.is<External>()) {
    if (auto missing = kedro_api::missing_module_name(obj.as<External>().qualname, name, true, version_)) {
      return kedro_api_error(*missing, "AttributeError", span);
    }
    if (auto missing = kedro_api::shadowing_function_attribute(obj.as<External>().qualname, name)) {
      return kedro_api_error(*missing, "AttributeError", span);
    }
    return Value(External{obj.as<External>().qualname + "." + name}, span);
  }
  if (obj.is<ClassPtr>()) {
    std::vector<ClassPtr> todo{obj.as<ClassPtr>()};
    while (!todo.empty()) {
      const ClassPtr cls = todo.back();
      todo.pop_back();
      if (const Value* v = cls->attributes->lookup_local(name)) return *v;
      for (const auto& base : cls->bases) {
        if (base.is<ClassPtr>()) todo.push_back(base.as<ClassPtr>());
      }
    }
    return make_unknown("class `" + obj.as<ClassPtr>()->qualname + "` has no attribute `" + name + "` known statically",
                        span);
  }
  if (obj.is<FunctionPtr>()) {
    const auto& fn = *obj.as<FunctionPtr>();
    if (name == "__name__") return Value(fn.name, span);
    if (name == "__qualname__") return Value(fn.qualname, span);
    if (name == "__module__") return Value(fn.module, span);
    if (name == "__wrapped__" && fn.wrapped) return *fn.wrapped;
  }
  if (auto v = builtin_attribute(obj, name, span)) return *v;
  return make_unknown("`" + obj.type_name() + "." + name + "` is not known statically", span);
}

std::optional<Value> Interpreter::builtin_attribute(const Value& obj, const std::string& name, core::Span span) {
  static const std::vector<std::string> kStr = {
      "format", "join", "replace", "upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit",
      "startswith", "endswith", "title", "capitalize", "removeprefix", "removesuffix", "zfill", "count", "find",
      "isdigit", "isalpha", "isidentifier", "casefold", "swapcase", "center", "ljust", "rjust", "partition",
      "rpartition", "splitlines", "index"};
  static const std::vector<std::string> kList = {"append", "extend", "insert", "pop", "remove", "copy",
                                                 "index", "count", "sort", "reverse", "clear"};
  static const std::vector<std::string> kDict = {"items", "keys", "values", "get", "update", "copy",
                                                 "pop", "setdefault", "clear"};
  static const std::vector<std::string> kSet = {"add", "update", "union", "copy", "intersection", "difference",
                                                "discard", "issubset", "issuperset"};
  auto has = [&](const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  if ((obj.is_str() && has(kStr)) || (obj.is<ListPtr>() && has(kList)) ||
      (obj.is<TupleValue>() && (name == "index" || name == "count")) || (obj.is<DictPtr>() && has(kDict)) ||
      (obj.is<SetValue>() && has(kSet))) {
    return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{obj, name})), span);
  }
  if (obj.is<PipelineValue>()) return pipeline_attribute(obj.as<PipelineValue>().pipeline, name, span);
  if (obj.is<NodeValue>()) return node_attribute(obj.as<NodeValue>().node, name, span);
  return std::nullopt;
}

Value Interpreter::call_builtin(const std::string& name, std::vector<Arg>& args, core::Span span) {
  if (name == "open" || name == "input") {
    return make_unknown("`" + name + "()` reads data at run time; its content is not known statically", span);
  }
  if (name == "eval" || name == "exec" || name == "compile" || name == "__import__") {
    return make_unknown("`" + name + "()` runs dynamic code, which kedrolint never evaluates", span);
  }
  if (const Value* u = first_unknown(args); u && name != "isinstance" && name != "print") return *u;
  const std::vector<Value> pos = positional(args);
  auto need = [&](std::size_t n) { return pos.size() >= n; };
  auto unknown = [&](const std::string& why) { return make_unknown(why, span); };
  auto iterate_arg = [&](const Value& v, Value& failure) { return iterate(v, span, failure); };

  if (name == "len" && need(1)) {
    const Value& v = pos[0];
    if (v.is_str()) return Value(static_cast<std::int64_t>(core::codepoint_count(v.str())), span);
    if (const auto* items = items_of(v)) return Value(static_cast<std::int64_t>(items->size()), span);
    if (v.is<DictPtr>()) return Value(static_cast<std::int64_t>(v.as<DictPtr>()->items.size()), span);
    if (v.is<SetValue>()) return Value(static_cast<std::int64_t>(v.as<SetValue>().items->items.size()), span);
    return unknown("len() of a `" + v.type_name() + "` is not evaluated");
  }
  if (name == "sum" && need(1)) {
    Value failure;
    auto items = iterate_arg(pos[0], failure);
    if (!items) return failure;
    Value acc = pos.size() > 1 ? pos[1] : (keyword(args, "start") ? *keyword(args, "start") : Value(std::int64_t{0}));
    if (acc.is<std::int64_t>() && acc.as<std::int64_t>() == 0) {
      if (auto joined = pipeline_sum(*items, span)) return *joined;
    }
    for (const auto& item : *items) acc = binary_op("+", acc, item, span);
    if (!acc.origin.valid()) acc.origin = span;
    return acc;
  }
  if (name == "range" && need(1)) {
    for (const auto& p : pos) {
      if (!is_int(p)) return unknown("range() of a `" + p.type_name() + "`");
    }
    std::int64_t start = 0, stop = 0, stride = 1;
    if (pos.size() == 1) stop = to_int(pos[0]);
    else start = to_int(pos[0]), stop = to_int(pos[1]);
    if (pos.size() > 2) stride = to_int(pos[2]);
    if (stride == 0) return unknown("range() step cannot be zero");
    std::vector<Value> out;
    for (std::int64_t i = start; stride > 0 ? i < stop : i > stop; i += stride) {
      if (out.size() >= limits_.max_collection) return unknown("range() is too large to evaluate");
      out.emplace_back(i);
    }
    return make_list(std::move(out), span);
  }
  if (name == "zip") {
    std::vector<std::vector<Value>> lists;
    for (const auto& p : pos) {
      Value failure;
      auto items = iterate_arg(p, failure);
      if (!items) return failure;
      lists.push_back(std::move(*items));
    }
    std::vector<Value> out;
    std::size_t n = lists.empty() ? 0 : lists.front().size();
    for (const auto& l : lists) n = std::min(n, l.size());
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Value> row;
      for (const auto& l : lists) row.push_back(l[i]);
      out.push_back(make_tuple(std::move(row)));
    }
    return make_list(std::move(out), span);
  }
  if (name == "enumerate" && need(1)) {
    Value failure;
    auto items = iterate_arg(pos[0], failure);
    if (!items) return failure;
    std::int64_t start = 0;
    if (pos.size() > 1 && is_int(pos[1])) start = to_int(pos[1]);
    if (const Value* s = keyword(args, "start"); s && is_int(*s)) start = to_int(*s);
    std::vector<Value> out;
    for (auto& item : *items) out.push_back(make_tuple({Value(start++), item}));
    return make_list(std::move(out), span);
  }
  if ((name == "sorted" || name == "min" || name == "max") && need(1)) {
    std::vector<Value> items;
    if (name != "sorted" && pos.size() > 1) {
      items = pos;
    } else {
      Value failure;
      auto it = iterate_arg(pos[0], failure);
      if (!it) return failure;
      items = std::move(*it);
    }
    std::vector<Value> keys = items;
    if (const Value* key = keyword(args, "key"); key && !key->is_none()) {
      for (auto& k : keys) {
        k = call(*key, {Arg{std::nullopt, k, span}}, span);
        if (k.is_unknown()) return k;
      }
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    bool comparable = true;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      auto c = compare(keys[a], keys[b]);
      if (!c) comparable = false;
      return c && *c < 0;
    });
    if (!comparable) return unknown(name + "() of values that are not all comparable");
    if (name == "min" || name == "max") {
      if (items.empty()) return unknown(name + "() of an empty sequence");
      return items[name == "min" ? order.front() : order.back()];
    }
    bool reverse = false;
    if (const Value* r = keyword(args, "reverse")) truthy_known(*r, reverse);
    if (reverse) {
      // Python's reverse sort keeps equal elements in their original order.
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return *compare(keys[b], keys[a]) < 0;
      });
    }
    std::vector<Value> out;
    for (const std::size_t i : order) out.push_back(items[i]);
    return make_list(std::move(out), span);
  }
  if (name == "reversed" && need(1)) {
    Value failure;
    auto items = iterate_arg(pos[0], failure);
    if (!items) return failure;
    std::reverse(items->begin(), items->end());
    return make_list(std::move(*items), span);
  }
  if (name == "list" || name == "tuple" || name == "set" || name == "frozenset") {
    std::vector<Value> items;
    if (need(1)) {
      Value failure;
      auto it = iterate_arg(pos[0], failure);
      if (!it) return failure;
      items = std::move(*it);
    }
    if (name == "list") return make_list(std::move(items), span);
    if (name == "tuple") return make_tuple(std::move(items), span);
    auto set = std::make_shared<ListObj>();
    DictObj seen;
    for (auto& item : items) {
      if (!hash_key(item)) return unknown("unhashable set element");
      if (!seen.find(item)) {
        seen.set(item, Value());
        set->items.push_back(item);
      }
    }
    return Value(SetValue{set}, span);
  }
  if (name == "dict") {
    auto dict = std::make_shared<DictObj>();
    if (need(1)) {
      if (pos[0].is<DictPtr>()) {
        *dict = *pos[0].as<DictPtr>();
      } else {
        Value failure;
        auto items = iterate_arg(pos[0], failure);
        if (!items) return failure;
        for (const auto& pair : *items) {
          const auto* kv = items_of(pair);
          if (!kv || kv->size() != 2 || !hash_key((*kv)[0])) return unknown("dict() of something else than pairs");
          dict->set((*kv)[0], (*kv)[1]);
        }
      }
    }
    for (const auto& a : args) {
      if (a.keyword) dict->set(Value(*a.keyword), a.value);
    }
    return Value(DictPtr(dict), span);
  }
  if (name == "str" || name == "repr") {
    if (!need(1)) return Value(std::string(), span);
    auto s = name == "str" ? py_str(pos[0]) : py_repr(pos[0]);
    return s ? Value(*s, span) : unknown(name + "() of a `" + pos[0].type_name() + "` is not evaluated");
  }
  if (name == "int" && need(1)) {
    if (is_int(pos[0])) return Value(to_int(pos[0]), span);
    if (pos[0].is<double>()) return Value(static_cast<std::int64_t>(pos[0].as<double>()), span);
    if (pos[0].is_str()) {
      try {
        std::size_t used = 0;
        const std::string s(core::trim(pos[0].str()));
        const long long v = std::stoll(s, &used, 10);
        if (used == s.size()) return Value(static_cast<std::int64_t>(v), span);
      } catch (const std::exception&) {
      }
      return unknown("int() of this string raises ValueError");
    }
  }
  if (name == "float" && need(1)) {
    if (is_int(pos[0])) return Value(static_cast<double>(to_int(pos[0])), span);
    if (pos[0].is<double>()) return pos[0];
  }
  if (name == "bool") {
    bool b = false;
    if (!need(1)) return Value(false, span);
    if (truthy_known(pos[0], b)) return Value(b, span);
  }
  if ((name == "any" || name == "all") && need(1)) {
    Value failure;
    auto items = iterate_arg(pos[0], failure);
    if (!items) return failure;
    for (const auto& item : *items) {
      bool b = false;
      if (!truthy_known(item, b)) return unknown("truth value not known");
      if (name == "any" && b) return Value(true, span);
      if (name == "all" && !b) return Value(false, span);
    }
    return Value(name == "all", span);
  }
  if (name == "abs" && need(1)) {
    if (is_int(pos[0])) return Value(std::abs(to_int(pos[0])), span);
    if (pos[0].is<double>()) return Value(std::fabs(pos[0].as<double>()), span);
  }
  if ((name == "map" || name == "filter") && pos.size() >= 2) {
    Value failure;
    auto items = iterate_arg(pos[1], failure);
    if (!items) return failure;
    std::vector<Value> out;
    for (const auto& item : *items) {
      Value r = pos[0].is_none() ? item : call(pos[0], {Arg{std::nullopt, item, span}}, span);
      if (r.is_unknown()) return r;
      if (name == "map") {
        out.push_back(r);
      } else {
        bool keep = false;
        if (!truthy_known(r, keep)) return unknown("filter() predicate not known");
        if (keep) out.push_back(item);
      }
    }
    return make_list(std::move(out), span);
  }
  if (name == "isinstance" && pos.size() == 2) {
    if (pos[0].is_unknown()) return pos[0];
    std::vector<Value> types = items_of(pos[1]) ? *items_of(pos[1]) : std::vector<Value>{pos[1]};
    for (const auto& t : types) {
      std::string type;
      if (t.is<Builtin>()) type = t.as<Builtin>().name;
      else if (t.is<External>()) type = t.as<External>().qualname;
      else return unknown("isinstance() against this type is not evaluated");
      const std::string actual = pos[0].type_name();
      if (type == actual || (type == "int" && pos[0].is<bool>()) ||
          (pos[0].is<PipelineValue>() && (type == "kedro.pipeline.Pipeline" || type == "kedro.pipeline.pipeline.Pipeline")) ||
          (pos[0].is<NodeValue>() && (type == "kedro.pipeline.Node" || type == "kedro.pipeline.node.Node"))) {
        return Value(true, span);
      }
      if (type.find('.') != std::string::npos && !pos[0].is<PipelineValue>() && !pos[0].is<NodeValue>() &&
          type.rfind("builtins.", 0) != 0) {
        return unknown("isinstance() against `" + type + "` is not evaluated");
      }
    }
    return Value(false, span);
  }
  if (name == "print") return Value(NoneValue{}, span);
  if (name == "callable" && need(1)) {
    const Value& v = pos[0];
    return Value(v.is<FunctionPtr>() || v.is<PartialPtr>() || v.is<Builtin>() || v.is<BoundPtr>() || v.is<ClassPtr>(),
                 span);
  }
  if ((name == "getattr" || name == "hasattr") && pos.size() >= 2 && pos[1].is_str()) {
    const Value v = get_attr(pos[0], pos[1].str(), span);
    if (name == "hasattr") return v.is_unknown() ? v : Value(true, span);
    if (v.is_unknown() && pos.size() > 2) return v;
    return v;
  }
  if (name == "round" && need(1) && pos[0].is<double>() && pos.size() == 1) {
    return Value(static_cast<std::int64_t>(std::nearbyint(pos[0].as<double>())), span);
  }
  return unknown("`" + name + "()` with these arguments is not evaluated statically");
}

Value Interpreter::call_method(const BoundMethod& m, std::vector<Arg>& args, core::Span span) {
  const Value& self = m.self;
  const std::string& name = m.name;
  if (self.is<PipelineValue>()) return pipeline_method(self.as<PipelineValue>().pipeline, name, args, span);
  if (self.is<ConfigLoaderPtr>() && name == "get" && !args.empty() && !args.front().keyword && args.size() <= 2) {
    // AbstractConfigLoader.get(key, default): self[key], or default on KeyError.
    Value v = config_loader_item(*self.as<ConfigLoaderPtr>(), args.front().value, span);
    if (v.is_unknown() && v.unknown().exception == "KeyError") return args.size() == 2 ? args[1].value : Value();
    return v;
  }
  if (name == "__wraps__") {
    // functools.wraps(wrapped)(wrapper): the wrapper takes the wrapped
    // function's __name__, __qualname__ and __module__ and gets __wrapped__.
    if (args.empty()) return make_unknown("wraps() decorator applied to nothing", span);
    const Value& wrapper = args[0].value;
    if (wrapper.is<FunctionPtr>() && self.is<FunctionPtr>()) {
      auto copy = std::make_shared<FunctionObj>(*wrapper.as<FunctionPtr>());
      const auto& wrapped = *self.as<FunctionPtr>();
      copy->name = wrapped.name;
      copy->qualname = wrapped.qualname;
      copy->module = wrapped.module;
      copy->return_annotation = wrapped.return_annotation;
      copy->wrapped = self;
      return Value(FunctionPtr(copy), wrapper.origin);
    }
    if (wrapper.is<PartialPtr>() && self.is<FunctionPtr>()) {
      auto copy = std::make_shared<PartialObj>(*wrapper.as<PartialPtr>());
      copy->name = self.as<FunctionPtr>()->name;
      copy->module = self.as<FunctionPtr>()->module;
      return Value(PartialPtr(copy), wrapper.origin);
    }
    if (wrapper.is_unknown()) return wrapper;
    if (self.is_unknown()) return self;
    return make_unknown("functools.wraps on a `" + wrapper.type_name() + "` is not evaluated", span);
  }
  if (const Value* u = first_unknown(args)) {
    if (auto changed = mutate_with_unknown(self, name, args, *u, span)) return *changed;
    return *u;
  }
  const std::vector<Value> pos = positional(args);
  auto unknown = [&](const std::string& why) { return make_unknown(why, span); };
  if (self.is_str()) {
    const std::string& s = self.str();
    auto str_arg = [&](std::size_t i) -> const std::string* {
      return i < pos.size() && pos[i].is_str() ? &pos[i].str() : nullptr;
    };
    if (name == "format") {
      std::vector<std::pair<std::string, Value>> kwargs;
      for (const auto& a : args) {
        if (a.keyword) kwargs.emplace_back(*a.keyword, a.value);
      }
      auto out = str_format(s, pos, kwargs, limits_.max_string);
      return out ? Value(*out, span) : unknown("this str.format() call is not evaluated");
    }
    if (name == "join" && !pos.empty()) {
      Value failure;
      auto items = iterate(pos[0], span, failure);
      if (!items) return failure;
      std::string out;
      for (std::size_t i = 0; i < items->size(); ++i) {
        if (!(*items)[i].is_str()) return unknown("str.join() of a non-string item");
        if (i) out += s;
        out += (*items)[i].str();
        if (out.size() > limits_.max_string) return unknown("string too long");
      }
      return Value(out, span);
    }
    if (name == "replace" && str_arg(0) && str_arg(1)) {
      const std::string &from = *str_arg(0), &to = *str_arg(1);
      std::int64_t limit = pos.size() > 2 && is_int(pos[2]) ? to_int(pos[2]) : -1;
      if (from.empty()) return unknown("str.replace() with an empty pattern");
      std::string out;
      std::size_t at = 0;
      while (limit != 0) {
        const auto hit = s.find(from, at);
        if (hit == std::string::npos) break;
        out += s.substr(at, hit - at) + to;
        at = hit + from.size();
        --limit;
        if (out.size() > limits_.max_string) return unknown("string too long");
      }
      return Value(out + s.substr(at), span);
    }
    if (name == "upper" || name == "lower" || name == "casefold" || name == "swapcase") {
      std::string out = s;
      for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return unknown("case mapping of non-ASCII text is not evaluated");
        if (name == "upper") c = static_cast<char>(std::toupper(u));
        else if (name == "swapcase") c = static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u));
        else c = static_cast<char>(std::tolower(u));
      }
      return Value(out, span);
    }
    if (name == "title" || name == "capitalize") {
      std::string out = s;
      bool start = true;
      for (std::size_t i = 0; i < out.size(); ++i) {
        const auto u = static_cast<unsigned char>(out[i]);
        if (u >= 0x80) return unknown("case mapping of non-ASCII text is not evaluated");
        if (name == "capitalize") {
          out[i] = static_cast<char>(i == 0 ? std::toupper(u) : std::tolower(u));
        } else {
          out[i] = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
          start = !std::isalpha(u);
        }
      }
      return Value(out, span);
    }
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
      const std::string chars = str_arg(0) ? *str_arg(0) : std::string(" \t\n\r\f\v");
      return Value(strip_chars(s, chars, name != "rstrip", name != "lstrip"), span);
    }
    if (name == "split" || name == "rsplit") {
      std::int64_t maxsplit = -1;
      if (pos.size() > 1 && is_int(pos[1])) maxsplit = to_int(pos[1]);
      if (const Value* ms = keyword(args, "maxsplit"); ms && is_int(*ms)) maxsplit = to_int(*ms);
      const Value* sep_kw = keyword(args, "sep");
      const std::string* sep = str_arg(0) ? str_arg(0) : (sep_kw && sep_kw->is_str() ? &sep_kw->str() : nullptr);
      std::vector<Value> out;
      if (!sep) {
        if (maxsplit >= 0) return unknown("str.split() with maxsplit and no separator");
        for (auto& part : split_ws(s)) out.emplace_back(part);
        return make_list(std::move(out), span);
      }
      if (sep->empty()) return unknown("empty separator");
      if (name == "rsplit" && maxsplit >= 0) {
        std::vector<std::string> parts;
        std::string rest = s;
        while (maxsplit-- > 0) {
          const auto hit = rest.rfind(*sep);
          if (hit == std::string::npos) break;
          parts.insert(parts.begin(), rest.substr(hit + sep->size()));
          rest.resize(hit);
        }
        parts.insert(parts.begin(), rest);
        for (auto& p : parts) out.emplace_back(p);
        return make_list(std::move(out), span);
      }
      std::size_t at = 0;
      while (maxsplit != 0) {
        const auto hit = s.find(*sep, at);
        if (hit == std::string::npos) break;
        out.emplace_back(s.substr(at, hit - at));
        at = hit + sep->size();
        --maxsplit;
      }
      out.emplace_back(s.substr(at));
      return make_list(std::move(out), span);
    }
    if ((name == "startswith" || name == "endswith") && !pos.empty()) {
      std::vector<Value> candidates = items_of(pos[0]) ? *items_of(pos[0]) : std::vector<Value>{pos[0]};
      for (const auto& c : candidates) {
        if (!c.is_str()) return unknown("startswith()/endswith() of a non-string");
        const std::string& p = c.str();
        const bool hit = name == "startswith" ? s.rfind(p, 0) == 0
                                              : s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
        if (hit) return Value(true, span);
      }
      return Value(false, span);
    }
    if (name == "removeprefix" && str_arg(0)) {
      return Value(s.rfind(*str_arg(0), 0) == 0 ? s.substr(str_arg(0)->size()) : s, span);
    }
    if (name == "removesuffix" && str_arg(0)) {
      const std::string& p = *str_arg(0);
      const bool hit = !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
      return Value(hit ? s.substr(0, s.size() - p.size()) : s, span);
    }
    if (name == "zfill" && !pos.empty() && is_int(pos[0])) {
      auto out = format_value(Value(s), ">0" + std::to_string(to_int(pos[0])), limits_.max_string);
      if (!s.empty() && (s[0] == '-' || s[0] == '+')) return unknown("zfill() of a signed string");
      return out ? Value(*out, span) : unknown("zfill()");
    }
    if (name == "count" && str_arg(0) && !str_arg(0)->empty()) {
      std::int64_t n = 0;
      for (std::size_t at = s.find(*str_arg(0)); at != std::string::npos; at = s.find(*str_arg(0), at + str_arg(0)->size())) ++n;
      return Value(n, span);
    }
    if ((name == "find" || name == "index") && str_arg(0)) {
      const auto at = s.find(*str_arg(0));
      if (at == std::string::npos) {
        return name == "find" ? Value(std::int64_t{-1}, span) : unknown("str.index() raises ValueError");
      }
      return Value(static_cast<std::int64_t>(core::codepoint_count(s.substr(0, at))), span);
    }
    if (name == "isdigit" || name == "isalpha" || name == "isidentifier") {
      bool ok = !s.empty();
      for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x80) return unknown("character classes of non-ASCII text are not evaluated");
        if (name == "isdigit") ok &= std::isdigit(u) != 0;
        if (name == "isalpha") ok &= std::isalpha(u) != 0;
        if (name == "isidentifier") ok &= std::isalnum(u) || u == '_';
      }
      if (name == "isidentifier" && ok) ok = !std::isdigit(static_cast<unsigned char>(s[0]));
      return Value(ok, span);
    }
    if ((name == "partition" || name == "rpartition") && str_arg(0) && !str_arg(0)->empty()) {
      const auto at = name == "partition" ? s.find(*str_arg(0)) : s.rfind(*str_arg(0));
      if (at == std::string::npos) {
        return name == "partition" ? make_tuple({Value(s), Value(std::string()), Value(std::string())}, span)
                                   : make_tuple({Value(std::string()), Value(std::string()), Value(s)}, span);
      }
      return make_tuple({Value(s.substr(0, at)), Value(*str_arg(0)), Value(s.substr(at + str_arg(0)->size()))}, span);
    }
    if ((name == "ljust" || name == "rjust" || name == "center") && !pos.empty() && is_int(pos[0])) {
      const std::string fill = str_arg(1) ? *str_arg(1) : " ";
      const char align = name == "ljust" ? '<' : name == "rjust" ? '>' : '^';
      auto out = format_value(Value(s), fill + std::string(1, align) + std::to_string(to_int(pos[0])), limits_.max_string);
      return out ? Value(*out, span) : unknown(name + "()");
    }
    return unknown("`str." + name + "()` with these arguments is not evaluated");
  }
  if (self.is<ListPtr>()) {
    auto& items = self.as<ListPtr>()->items;
    if (name == "append" && pos.size() == 1) {
      if (items.size() >= limits_.max_collection) return unknown("list grows beyond the evaluation limit");
      items.push_back(pos[0]);
      return Value(NoneValue{}, span);
    }
    if (name == "extend" && pos.size() == 1) {
      Value failure;
      auto more = iterate(pos[0], span, failure);
      if (!more) {
        // The list's content is now unknown: record it in the list itself.
        items.push_back(failure);
        return Value(NoneValue{}, span);
      }
      if (items.size() + more->size() > limits_.max_collection) return unknown("list grows beyond the evaluation limit");
      items.insert(items.end(), more->begin(), more->end());
      return Value(NoneValue{}, span);
    }
    if (name == "insert" && pos.size() == 2 && is_int(pos[0])) {
      auto i = to_int(pos[0]);
      const auto n = static_cast<std::int64_t>(items.size());
      if (i < 0) i = std::max<std::int64_t>(0, i + n);
      i = std::min(i, n);
      items.insert(items.begin() + i, pos[1]);
      return Value(NoneValue{}, span);
    }
    if (name == "pop") {
      if (items.empty()) return unknown("pop from an empty list");
      std::int64_t i = pos.empty() ? -1 : (is_int(pos[0]) ? to_int(pos[0]) : 0);
      if (i < 0) i += static_cast<std::int64_t>(items.size());
      if (i < 0 || static_cast<std::size_t>(i) >= items.size()) return unknown("pop index out of range");
      Value v = items[static_cast<std::size_t>(i)];
      items.erase(items.begin() + i);
      return v;
    }
    if (name == "copy") return make_list(items, span);
    if (name == "clear") {
      items.clear();
      return Value(NoneValue{}, span);
    }
    if (name == "reverse") {
      std::reverse(items.begin(), items.end());
      return Value(NoneValue{}, span);
    }
    if (name == "sort") {
      std::vector<Arg> sort_args = args;
      sort_args.insert(sort_args.begin(), Arg{std::nullopt, make_list(items), span});
      const Value sorted = call_builtin("sorted", sort_args, span);
      if (sorted.is_unknown()) return sorted;
      items = sorted.as<ListPtr>()->items;
      return Value(NoneValue{}, span);
    }
    if ((name == "remove" || name == "index" || name == "count") && pos.size() == 1) {
      std::int64_t count = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        bool eq = false;
        if (!values_equal(items[i], pos[0], eq)) return unknown("list." + name + "() of values not comparable");
        if (!eq) continue;
        if (name == "remove") {
          items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
          return Value(NoneValue{}, span);
        }
        if (name == "index") return Value(static_cast<std::int64_t>(i), span);
        ++count;
      }
      if (name == "count") return Value(count, span);
      return unknown("list." + name + "() raises ValueError: the value is not in the list");
    }
  }
  if (self.is<DictPtr>()) {
    auto& dict = *self.as<DictPtr>();
    if (name == "items" || name == "keys" || name == "values") {
      std::vector<Value> out;
      for (const auto& [k, v] : dict.items) {
        out.push_back(name == "items" ? make_tuple({k, v}) : name == "keys" ? k : v);
      }
      return make_list(std::move(out), span);
    }
    if (name == "get" && !pos.empty()) {
      if (!hash_key(pos[0])) return unknown("unhashable dict key");
      if (const Value* v = dict.find(pos[0])) return *v;
      return pos.size() > 1 ? pos[1] : Value(NoneValue{}, span);
    }
    if (name == "update") {
      if (!pos.empty()) {
        if (!pos[0].is<DictPtr>()) return unknown("dict.update() of a `" + pos[0].type_name() + "`");
        for (const auto& [k, v] : pos[0].as<DictPtr>()->items) dict.set(k, v);
      }
      for (const auto& a : args) {
        if (a.keyword) dict.set(Value(*a.keyword), a.value);
      }
      return Value(NoneValue{}, span);
    }
    if (name == "copy") return Value(DictPtr(std::make_shared<DictObj>(dict)), span);
    if (name == "clear") {
      dict = DictObj{};
      return Value(NoneValue{}, span);
    }
    if (name == "pop" && !pos.empty()) {
      if (const Value* v = dict.find(pos[0])) {
        Value out = *v;
        dict.erase(pos[0]);
        return out;
      }
      return pos.size() > 1 ? pos[1] : unknown("KeyError in dict.pop()");
    }
    if (name == "setdefault" && !pos.empty()) {
      if (!hash_key(pos[0])) return unknown("unhashable dict key");
      if (const Value* v = dict.find(pos[0])) return *v;
      dict.set(pos[0], pos.size() > 1 ? pos[1] : Value());
      return pos.size() > 1 ? pos[1] : Value();
    }
  }
  if (self.is<SetValue>()) {
    auto& items = self.as<SetValue>().items->items;
    auto contains = [&](const Value& v) {
      return std::any_of(items.begin(), items.end(), [&](const Value& x) {
        bool eq = false;
        return values_equal(x, v, eq) && eq;
      });
    };
    if (name == "add" && pos.size() == 1) {
      if (!hash_key(pos[0])) return unknown("unhashable set element");
      if (!contains(pos[0])) items.push_back(pos[0]);
      return Value(NoneValue{}, span);
    }
    if (name == "update" || name == "union") {
      auto target = name == "union" ? std::make_shared<ListObj>(*self.as<SetValue>().items) : self.as<SetValue>().items;
      for (const auto& p : pos) {
        Value failure;
        auto more = iterate(p, span, failure);
        if (!more) return failure;
        for (const auto& v : *more) {
          if (!hash_key(v)) return unknown("unhashable set element");
          const bool present = std::any_of(target->items.begin(), target->items.end(), [&](const Value& x) {
            bool eq = false;
            return values_equal(x, v, eq) && eq;
          });
          if (!present) target->items.push_back(v);
        }
      }
      return name == "union" ? Value(SetValue{target}, span) : Value(NoneValue{}, span);
    }
    if (name == "copy") return Value(SetValue{std::make_shared<ListObj>(*self.as<SetValue>().items)}, span);
    if (name == "discard" && pos.size() == 1) {
      items.erase(std::remove_if(items.begin(), items.end(),
                                 [&](const Value& x) {
                                   bool eq = false;
                                   return values_equal(x, pos[0], eq) && eq;
                                 }),
                  items.end());
      return Value(NoneValue{}, span);
    }
  }
  if (self.is<TupleValue>() && (name == "index" || name == "count") && pos.size() == 1) {
    const auto& items = *self.as<TupleValue>().items;
    std::int64_t count = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      bool eq = false;
      if (!values_equal(items[i], pos[0], eq)) return unknown("tuple." + name + "()");
      if (eq && name == "index") return Value(static_cast<std::int64_t>(i), span);
      count += eq ? 1 : 0;
    }
    return name == "count" ? Value(count, span) : unknown("tuple.index() raises ValueError");
  }
  if (self.is<NodeValue>() && name == "tag") {
    std::vector<std::string> tags;
    for (const auto& v : pos) {
      if (v.is_str()) {
        tags.push_back(v.str());
        continue;
      }
      Value failure;
      auto items = iterate(v, span, failure);
      if (!items) return failure;
      for (const auto& t : *items) {
        if (!t.is_str()) return unknown("Node.tag() of a non-string");
        tags.push_back(t.str());
      }
    }
    return Value(NodeValue{model::tag_node(self.as<NodeValue>().node, tags, span)}, span);
  }
  return unknown("`" + self.type_name() + "." + name + "()` with these arguments is not evaluated");
}

Value Interpreter::call_external(const External& e, std::vector<Arg>& args, core::Span span) {
  const std::string& q = e.qualname;
  if (q == "kedro.pipeline.node" || q == "kedro.pipeline.node.node") return kedro_node(args, span, false);
  if (q == "kedro.pipeline.Node" || q == "kedro.pipeline.node.Node") return kedro_node(args, span, true);
  if (q == "kedro.pipeline.pipeline" || q == "kedro.pipeline.pipeline.pipeline" ||
      q == "kedro.pipeline.modular_pipeline.pipeline") {
    return kedro_pipeline(args, span, false);
  }
  if (q == "kedro.pipeline.Pipeline" || q == "kedro.pipeline.pipeline.Pipeline") return kedro_pipeline(args, span, true);
  if (q == "kedro.framework.project.find_pipelines") return kedro_find_pipelines(args, span);
  if (q == "kedro.pipeline.Node.__init__" || q == "kedro.pipeline.node.Node.__init__") {
    // Node.__init__(self, ...) called explicitly from a subclass's __init__.
    if (!args.empty() && !args.front().keyword && args.front().value.is<InstancePtr>()) {
      const InstancePtr self = args.front().value.as<InstancePtr>();
      args.erase(args.begin());
      return node_base_init(self, std::move(args), span);
    }
  }
  if (q == "kedro_mlflow.pipeline.pipeline_ml_factory" || q == "kedro_mlflow.pipeline.pipeline_ml_factory.pipeline_ml_factory") {
    return mlflow_pipeline_ml_factory(args, span);
  }
  if (q == "kedro.pipeline.llm_context_node" || q == "kedro.pipeline.llm_context.llm_context_node") {
    return kedro_llm_context_node(args, span, false);
  }
  if (q == "kedro.pipeline.LLMContextNode" || q == "kedro.pipeline.llm_context.LLMContextNode") {
    return kedro_llm_context_node(args, span, true);
  }
  if (q == "kedro.pipeline.tool" || q == "kedro.pipeline.llm_context.tool") return kedro_tool(args, span);
  if (q == "kedro.config.OmegaConfigLoader" || q == "kedro.config.omegaconf_config.OmegaConfigLoader") {
    return kedro_config_loader(args, span);
  }
  if (const Value* u = first_unknown(args); u && q != "functools.partial") return *u;
  const std::vector<Value> pos = positional(args);
  // pluggy's HookimplMarker.__call__ marks the function and returns it (Kedro 0.17 hooks.py).
  if ((q == "kedro.framework.hooks.hook_impl" || q == "kedro.framework.hooks.markers.hook_impl") && pos.size() == 1 &&
      args.size() == 1 && pos[0].is<FunctionPtr>()) {
    return pos[0];
  }
  if (q == "functools.partial") {
    if (pos.empty()) return make_unknown("partial() needs a function", span);
    auto p = std::make_shared<PartialObj>();
    p->func = pos[0];
    if (pos[0].is<PartialPtr>() && !pos[0].as<PartialPtr>()->name) {
      // CPython flattens partial(partial(f, a), b) into partial(f, a, b).
      const auto& inner = *pos[0].as<PartialPtr>();
      p->func = inner.func;
      p->args = inner.args;
      p->kwargs = inner.kwargs;
    }
    p->args.insert(p->args.end(), pos.begin() + 1, pos.end());
    for (const auto& a : args) {
      if (!a.keyword) continue;
      auto it = std::find_if(p->kwargs.begin(), p->kwargs.end(), [&](const auto& kv) { return kv.first == *a.keyword; });
      if (it != p->kwargs.end()) it->second = a.value;
      else p->kwargs.emplace_back(*a.keyword, a.value);
    }
    return Value(PartialPtr(p), span);
  }
  if (q == "functools.wraps" && !pos.empty()) {
    return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{pos[0], "__wraps__"})), span);
  }
  if (q == "functools.update_wrapper" && pos.size() >= 2) {
    std::vector<Arg> wrapper{Arg{std::nullopt, pos[0], span}};
    return call_method(BoundMethod{pos[1], "__wraps__"}, wrapper, span);
  }
  if (q == "functools.reduce" && pos.size() >= 2) {
    Value failure;
    auto items = iterate(pos[1], span, failure);
    if (!items) return failure;
    std::size_t i = 0;
    Value acc;
    if (pos.size() > 2) {
      acc = pos[2];
    } else {
      if (items->empty()) return make_unknown("reduce() of an empty sequence", span);
      acc = (*items)[i++];
    }
    for (; i < items->size(); ++i) {
      acc = call(pos[0], {Arg{std::nullopt, acc, span}, Arg{std::nullopt, (*items)[i], span}}, span);
      if (acc.is_unknown()) return acc;
    }
    return acc;
  }
  if (q == "operator.add" && pos.size() == 2) return binary_op("+", pos[0], pos[1], span);
  if ((q == "itertools.chain" || q == "itertools.chain.from_iterable")) {
    std::vector<Value> sources = pos;
    if (q == "itertools.chain.from_iterable") {
      Value failure;
      if (pos.empty()) return make_unknown("chain.from_iterable() of nothing", span);
      auto outer = iterate(pos[0], span, failure);
      if (!outer) return failure;
      sources = *outer;
    }
    std::vector<Value> out;
    for (const auto& s : sources) {
      Value failure;
      auto items = iterate(s, span, failure);
      if (!items) return failure;
      out.insert(out.end(), items->begin(), items->end());
    }
    return make_list(std::move(out), span);
  }
  if (q == "itertools.product") {
    std::vector<std::vector<Value>> rows{{}};
    for (const auto& p : pos) {
      Value failure;
      auto items = iterate(p, span, failure);
      if (!items) return failure;
      std::vector<std::vector<Value>> next;
      for (const auto& row : rows) {
        for (const auto& item : *items) {
          auto r = row;
          r.push_back(item);
          next.push_back(std::move(r));
          if (next.size() > limits_.max_collection) return make_unknown("product() too large", span);
        }
      }
      rows = std::move(next);
    }
    std::vector<Value> out;
    for (auto& r : rows) out.push_back(make_tuple(std::move(r)));
    return make_list(std::move(out), span);
  }
  if ((q == "copy.deepcopy" || q == "copy.copy") && pos.size() == 1) return deep_copy(pos[0]);
  if ((q == "collections.OrderedDict") ) {
    std::vector<Arg> dict_args = args;
    return call_builtin("dict", dict_args, span);
  }
  if (q == "os.path.join" || q == "posixpath.join") {
    std::string out;
    for (const auto& p : pos) {
      if (!p.is_str()) return make_unknown("os.path.join() of a non-string", span);
      if (!p.str().empty() && p.str().front() == '/') out.clear();
      if (!out.empty() && out.back() != '/') out += '/';
      out += p.str();
    }
    return Value(out, span);
  }
  if (q.rfind("builtins.", 0) == 0) return make_unknown("`" + q.substr(9) + "(...)` is not evaluated", span);
  return make_unknown("`" + q + "` is outside the project; what it returns is not known statically", span);
}

}  // namespace kedrolint::python
