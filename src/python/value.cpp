#include "python/value.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace kedrolint::python {
namespace {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

// Python's repr(float): the shortest digits that round-trip, fixed notation
// for exponents in [-4, 16), scientific otherwise.
std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s(buf);
  const bool negative = s.front() == '-';
  if (negative) s.erase(0, 1);
  const auto e = s.find('e');
  const int exponent = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (std::size_t i = 0; i < e; ++i) {
    if (s[i] != '.') digits += s[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (static_cast<std::size_t>(exponent) + 1 >= digits.size()) {
      out = digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
            digits.substr(static_cast<std::size_t>(exponent) + 1);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  }
  return negative ? "-" + out : out;
}

std::optional<std::string> join_repr(const std::vector<Value>& items, std::string_view open, std::string_view close,
                                     bool single_tuple) {
  std::string out(open);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    auto r = py_repr(items[i]);
    if (!r) return std::nullopt;
    out += *r;
  }
  if (single_tuple && items.size() == 1) out += ",";
  out += close;
  return out;
}

}  // namespace

std::string Value::type_name() const {
  return std::visit(overloaded{
                        [](const NoneValue&) -> std::string { return "NoneType"; },
                        [](bool) -> std::string { return "bool"; },
                        [](std::int64_t) -> std::string { return "int"; },
                        [](double) -> std::string { return "float"; },
                        [](const std::string&) -> std::string { return "str"; },
                        [](const ListPtr&) -> std::string { return "list"; },
                        [](const TupleValue&) -> std::string { return "tuple"; },
                        [](const DictPtr&) -> std::string { return "dict"; },
                        [](const SetValue&) -> std::string { return "set"; },
                        [](const FunctionPtr&) -> std::string { return "function"; },
                        [](const PartialPtr&) -> std::string { return "functools.partial"; },
                        [](const ModulePtr&) -> std::string { return "module"; },
                        [](const ClassPtr&) -> std::string { return "type"; },
                        [](const BoundPtr&) -> std::string { return "method"; },
                        [](const InstancePtr& i) -> std::string { return i->cls->name; },
                        [](const External& e) -> std::string { return e.qualname; },
                        [](const Builtin&) -> std::string { return "builtin_function_or_method"; },
                        [](const NodeValue&) -> std::string { return "Node"; },
                        [](const PipelineValue&) -> std::string { return "Pipeline"; },
                        [](const ConfigLoaderPtr&) -> std::string { return "OmegaConfigLoader"; },
                        [](const UnknownValue&) -> std::string { return "unknown"; },
                    },
                    v);
}

Value make_unknown(std::string reason, core::Span span) {
  return Value(UnknownValue{std::make_shared<const model::Unknown>(model::Unknown{std::move(reason), span})}, span);
}

Value make_unfinished(model::Unknown why, core::Span span) {
  return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(why)), true}, span);
}

Value make_error(std::string reason, core::Span span, std::string missing, std::vector<std::string> suggestions,
                 std::string exception) {
  model::Unknown u{std::move(reason), span};
  u.is_error = true;
  u.exception = std::move(exception);
  u.missing_name = std::move(missing);
  u.suggestions = std::move(suggestions);
  return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
}

namespace {

thread_local AllocationMeter* active_meter = nullptr;

void charge_items(const std::vector<Value>& items) {
  if (!active_meter) return;
  std::size_t bytes = items.size() * sizeof(Value);
  for (const auto& item : items) {
    if (item.is_str()) bytes += item.str().size();
  }
  active_meter->bytes += bytes;
}

// Containers release their items at most this many levels deep; deeper
// ones wait in `deferred` until the outermost release drains it.
constexpr int kReleaseDepth = 256;
thread_local int release_depth = 0;
thread_local std::vector<std::vector<Value>> deferred_items;
thread_local std::vector<std::vector<std::pair<Value, Value>>> deferred_pairs;

template <typename Items>
void release(Items& items, std::vector<Items>& deferred) {
  if (items.empty()) return;
  if (release_depth >= kReleaseDepth) {
    deferred.push_back(std::move(items));
    return;
  }
  ++release_depth;
  Items().swap(items);
  if (release_depth == 1) {
    // The outermost release: destroy what deeper levels queued, each batch
    // again at most kReleaseDepth deep.
    while (!deferred_items.empty() || !deferred_pairs.empty()) {
      if (!deferred_items.empty()) {
        auto batch = std::move(deferred_items.back());
        deferred_items.pop_back();
      } else {
        auto batch = std::move(deferred_pairs.back());
        deferred_pairs.pop_back();
      }
    }
  }
  --release_depth;
}

constexpr int kMaxNesting = 1000;
thread_local int nesting = 0;

}  // namespace

void release_items(std::vector<Value>& items) { release(items, deferred_items); }
void release_items(std::vector<std::pair<Value, Value>>& items) { release(items, deferred_pairs); }

NestingGuard::NestingGuard() { ++nesting; }
NestingGuard::~NestingGuard() { --nesting; }
bool NestingGuard::too_deep() const { return nesting > kMaxNesting; }

namespace {

// Tuples are immutable vectors: release them through the same trashcan.
struct TupleDeleter {
  void operator()(const std::vector<Value>* items) const {
    release_items(*const_cast<std::vector<Value>*>(items));  // NOLINT: we own it; it was made non-const
    delete items;
  }
};

}  // namespace

MeterScope::MeterScope(AllocationMeter& meter) : previous_(active_meter) { active_meter = &meter; }
MeterScope::~MeterScope() { active_meter = previous_; }

void charge_bytes(std::size_t bytes) {
  if (active_meter) active_meter->bytes += bytes;
}

Value make_list(std::vector<Value> items, core::Span where) {
  charge_items(items);
  auto list = std::make_shared<ListObj>();
  list->items = std::move(items);
  return Value(std::move(list), where);
}

Value make_tuple(std::vector<Value> items, core::Span where) {
  charge_items(items);
  std::shared_ptr<const std::vector<Value>> shared(new std::vector<Value>(std::move(items)), TupleDeleter{});
  return Value(TupleValue{std::move(shared)}, where);
}

std::optional<std::string> hash_key(const Value& v) {
  const NestingGuard guard;
  if (guard.too_deep()) return std::nullopt;
  return std::visit(overloaded{
                        [](const NoneValue&) -> std::optional<std::string> { return "N"; },
                        [](bool b) -> std::optional<std::string> { return b ? "i1" : "i0"; },
                        [](std::int64_t i) -> std::optional<std::string> { return "i" + std::to_string(i); },
                        [](double d) -> std::optional<std::string> {
                          if (std::floor(d) == d && std::fabs(d) < 9e18) {
                            return "i" + std::to_string(static_cast<std::int64_t>(d));
                          }
                          return "f" + float_repr(d);
                        },
                        [](const std::string& s) -> std::optional<std::string> { return "s" + s; },
                        [](const TupleValue& t) -> std::optional<std::string> {
                          std::string out = "t(";
                          for (const auto& item : *t.items) {
                            auto k = hash_key(item);
                            if (!k) return std::nullopt;
                            out += std::to_string(k->size()) + ":" + *k;
                          }
                          return out + ")";
                        },
                        [](const auto&) -> std::optional<std::string> { return std::nullopt; },
                    },
                    v.v);
}

const Value* DictObj::find(const Value& key) const {
  const auto k = hash_key(key);
  if (!k) return nullptr;
  auto it = index.find(*k);
  return it == index.end() ? nullptr : &items[it->second].second;
}

void DictObj::set(const Value& key, Value value) {
  const auto k = hash_key(key);
  if (!k) return;
  charge_bytes(sizeof(std::pair<Value, Value>) + k->size() + (value.is_str() ? value.str().size() : 0));
  if (auto it = index.find(*k); it != index.end()) {
    items[it->second].second = std::move(value);
    return;
  }
  index.emplace(*k, items.size());
  items.emplace_back(key, std::move(value));
}

bool DictObj::erase(const Value& key) {
  const auto k = hash_key(key);
  if (!k) return false;
  auto it = index.find(*k);
  if (it == index.end()) return false;
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(it->second));
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(*hash_key(items[i].first), i);
  return true;
}

bool truthy_known(const Value& v, bool& out) {
  return std::visit(overloaded{
                        [&](const NoneValue&) { return out = false, true; },
                        [&](bool b) { return out = b, true; },
                        [&](std::int64_t i) { return out = i != 0, true; },
                        [&](double d) { return out = d != 0.0, true; },
                        [&](const std::string& s) { return out = !s.empty(), true; },
                        [&](const ListPtr& l) { return out = !l->items.empty(), true; },
                        [&](const TupleValue& t) { return out = !t.items->empty(), true; },
                        [&](const DictPtr& d) { return out = !d->items.empty(), true; },
                        [&](const SetValue& s) { return out = !s.items->items.empty(), true; },
                        [&](const UnknownValue&) { return false; },
                        // Functions, modules, nodes and pipelines (no __len__/__bool__) are truthy.
                        [&](const auto&) { return out = true, true; },
                    },
                    v.v);
}

bool values_equal(const Value& a, const Value& b, bool& out) {
  const NestingGuard guard;
  if (guard.too_deep() || a.is_unknown() || b.is_unknown()) return false;
  const auto ka = hash_key(a), kb = hash_key(b);
  if (ka && kb) return out = *ka == *kb, true;
  auto seq = [](const Value& v) -> const std::vector<Value>* {
    if (v.is<ListPtr>()) return &v.as<ListPtr>()->items;
    return nullptr;
  };
  if (seq(a) && seq(b)) {
    const auto &x = *seq(a), &y = *seq(b);
    if (x.size() != y.size()) return out = false, true;
    for (std::size_t i = 0; i < x.size(); ++i) {
      bool eq = false;
      if (!values_equal(x[i], y[i], eq)) return false;
      if (!eq) return out = false, true;
    }
    return out = true, true;
  }
  if (a.is<DictPtr>() && b.is<DictPtr>()) {
    const auto &x = *a.as<DictPtr>(), &y = *b.as<DictPtr>();
    if (x.items.size() != y.items.size()) return out = false, true;
    for (const auto& [k, v] : x.items) {
      const Value* other = y.find(k);
      if (!other) return out = false, true;
      bool eq = false;
      if (!values_equal(v, *other, eq)) return false;
      if (!eq) return out = false, true;
    }
    return out = true, true;
  }
  if (a.is<NoneValue>() || b.is<NoneValue>() || a.v.index() != b.v.index()) {
    // Different kinds of plain values are never equal in Python.
    const bool plain_a = ka.has_value() || seq(a) || a.is<DictPtr>();
    const bool plain_b = kb.has_value() || seq(b) || b.is<DictPtr>();
    if (plain_a && plain_b) return out = false, true;
  }
  return false;
}

std::string repr_string(const std::string& s) { return core::python_str_repr(s); }

std::optional<std::string> py_repr(const Value& v) {
  const NestingGuard guard;
  if (guard.too_deep()) return std::nullopt;
  return std::visit(overloaded{
                        [](const NoneValue&) -> std::optional<std::string> { return "None"; },
                        [](bool b) -> std::optional<std::string> { return b ? "True" : "False"; },
                        [](std::int64_t i) -> std::optional<std::string> { return std::to_string(i); },
                        [](double d) -> std::optional<std::string> { return float_repr(d); },
                        [](const std::string& s) -> std::optional<std::string> { return repr_string(s); },
                        [](const ListPtr& l) { return join_repr(l->items, "[", "]", false); },
                        [](const TupleValue& t) { return join_repr(*t.items, "(", ")", true); },
                        [](const DictPtr& d) -> std::optional<std::string> {
                          std::string out = "{";
                          for (std::size_t i = 0; i < d->items.size(); ++i) {
                            if (i) out += ", ";
                            auto k = py_repr(d->items[i].first), val = py_repr(d->items[i].second);
                            if (!k || !val) return std::nullopt;
                            out += *k + ": " + *val;
                          }
                          return out + "}";
                        },
                        [](const auto&) -> std::optional<std::string> { return std::nullopt; },
                    },
                    v.v);
}

std::optional<std::string> py_str(const Value& v) {
  if (v.is_str()) return v.str();
  return py_repr(v);
}

}  // namespace kedrolint::python
