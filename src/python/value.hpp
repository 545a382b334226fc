#pragma once
// The values of the static evaluator: a closed set that covers the pure
// subset of Python that pipeline code uses. Anything else is Unknown, which
// carries the reason and the construct that produced it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "core/span.hpp"
#include "model/node.hpp"
#include "model/pipeline.hpp"
#include "parse/python_source.hpp"
#include "python/source_store.hpp"

namespace kedrolint::python {

struct Value;
struct ListObj;
struct DictObj;
struct FunctionObj;
struct PartialObj;
struct ModuleObj;
struct ClassObj;
struct BoundMethod;
struct InstanceObj;
struct Scope;

using ListPtr = std::shared_ptr<ListObj>;
using DictPtr = std::shared_ptr<DictObj>;
using FunctionPtr = std::shared_ptr<const FunctionObj>;
using PartialPtr = std::shared_ptr<const PartialObj>;
using ModulePtr = std::shared_ptr<ModuleObj>;
using ClassPtr = std::shared_ptr<const ClassObj>;
using BoundPtr = std::shared_ptr<const BoundMethod>;
using InstancePtr = std::shared_ptr<InstanceObj>;
using ScopePtr = std::shared_ptr<Scope>;

struct NoneValue {};
/// A tuple: an immutable list.
struct TupleValue {
  std::shared_ptr<const std::vector<Value>> items;
};
/// A set of hashable values (insertion order kept for determinism).
struct SetValue {
  ListPtr items;
};
/// A name from outside the project, by its import path: `pandas.read_csv`.
/// Kedro, functools and a few pure standard-library names are implemented.
struct External {
  std::string qualname;
};
/// A Python builtin (`len`, `sum`...) or an evaluator-implemented function.
struct Builtin {
  std::string name;
};
struct NodeValue {
  model::NodePtr node;
};
struct PipelineValue {
  model::PipelinePtr pipeline;
};
/// An `OmegaConfigLoader(...)` the project builds itself (in
/// `register_pipelines()`, say): `loader["parameters"]` reads the project's
/// configuration as Kedro would with these arguments.
struct ConfigLoaderValue {
  std::string conf_source;          ///< as given: relative to the project root (Kedro's working directory)
  std::optional<std::string> env;   ///< `env=`; None means `default_run_env`
  std::string base_env;             ///< "" when not given, as in OmegaConfigLoader.__init__
  std::string default_run_env;
};
/// Boxed: inline, its strings would make every Value 160 bytes instead of 56.
using ConfigLoaderPtr = std::shared_ptr<const ConfigLoaderValue>;
struct UnknownValue {
  std::shared_ptr<const model::Unknown> why;
  /// The result of a project call that stopped before its end (or never
  /// ran): what it would have changed (lists, dicts, globals) is unknown too.
  bool unfinished = false;
};

/// What the evaluator has built, in bytes (collection slots and string
/// text, copies included), so that a budget can stop code that would exhaust
/// memory (`Limits::max_built_bytes`). Counted on the thread where a
/// `MeterScope` is active; nothing is counted elsewhere.
struct AllocationMeter {
  std::size_t bytes = 0;
};
class MeterScope {
 public:
  explicit MeterScope(AllocationMeter& meter);
  ~MeterScope();
  MeterScope(const MeterScope&) = delete;
  MeterScope& operator=(const MeterScope&) = delete;

 private:
  AllocationMeter* previous_;
};
void charge_bytes(std::size_t bytes);

struct Value {
  using Payload = std::variant<NoneValue, bool, std::int64_t, double, std::string, ListPtr, TupleValue, DictPtr,
                               SetValue, FunctionPtr, PartialPtr, ModulePtr, ClassPtr, BoundPtr, InstancePtr, External,
                               Builtin, NodeValue, PipelineValue, ConfigLoaderPtr, UnknownValue>;
  Payload v;
  core::Span origin;  ///< where the value was written (string literals, calls)

  Value() : v(NoneValue{}) {}
  template <typename T>
  Value(T payload, core::Span where = {}) : v(std::move(payload)), origin(where) {  // NOLINT
    if constexpr (std::is_same_v<T, std::string>) charge_bytes(std::get<std::string>(v).size());
  }

  template <typename T>
  [[nodiscard]] bool is() const {
    return std::holds_alternative<T>(v);
  }
  template <typename T>
  [[nodiscard]] const T& as() const {
    return std::get<T>(v);
  }
  [[nodiscard]] bool is_none() const { return is<NoneValue>(); }
  [[nodiscard]] bool is_str() const { return is<std::string>(); }
  [[nodiscard]] bool is_unknown() const { return is<UnknownValue>(); }
  [[nodiscard]] bool is_unfinished() const { return is_unknown() && as<UnknownValue>().unfinished; }
  [[nodiscard]] const std::string& str() const { return as<std::string>(); }
  [[nodiscard]] const model::Unknown& unknown() const { return *as<UnknownValue>().why; }
  /// Python's type name, for messages.
  [[nodiscard]] std::string type_name() const;
};

Value make_unknown(std::string reason, core::Span span);
/// An Unknown that is certainly an error at run time (NameError...).
/// An Unknown that certainly raises `exception` (NameError, AttributeError...)
/// when Python runs the construct.
Value make_error(std::string reason, core::Span span, std::string missing, std::vector<std::string> suggestions,
                 std::string exception);
/// The Unknown result of a call that did not run to its end.
Value make_unfinished(model::Unknown why, core::Span span);
Value make_list(std::vector<Value> items, core::Span where = {});
Value make_tuple(std::vector<Value> items, core::Span where = {});

/// Releases nested values without deep recursion: below some depth the
/// items are queued and destroyed later (CPython's "trashcan"), so a list
/// nested a million levels deep cannot overflow the stack when it dies.
void release_items(std::vector<Value>& items);
void release_items(std::vector<std::pair<Value, Value>>& items);

/// Bounds the recursion of repr, equality, hashing and copies over nested
/// values (CPython raises RecursionError there too); a self-containing list
/// would otherwise recurse forever.
class NestingGuard {
 public:
  NestingGuard();
  ~NestingGuard();
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
  [[nodiscard]] bool too_deep() const;
};

struct ListObj {
  std::vector<Value> items;

  ListObj() = default;
  ListObj(const ListObj&) = default;
  ListObj(ListObj&&) = default;
  ListObj& operator=(const ListObj&) = default;
  ListObj& operator=(ListObj&&) = default;
  ~ListObj() { release_items(items); }
};

/// An insertion-ordered dict keyed by hashable values.
struct DictObj {
  std::vector<std::pair<Value, Value>> items;
  std::unordered_map<std::string, std::size_t> index;  ///< hash_key -> position

  DictObj() = default;
  DictObj(const DictObj&) = default;
  DictObj(DictObj&&) = default;
  DictObj& operator=(const DictObj&) = default;
  DictObj& operator=(DictObj&&) = default;
  ~DictObj() { release_items(items); }

  [[nodiscard]] const Value* find(const Value& key) const;
  void set(const Value& key, Value value);
  bool erase(const Value& key);
};

/// A function defined in the project (`def` or `lambda`).
struct FunctionObj {
  std::string module;
  std::string name;      ///< `__name__` (after functools.wraps, the wrapped one's)
  std::string qualname;  ///< `__qualname__`
  SyntaxRef code;        ///< the function_definition or lambda
  /// What `inspect.getsource` shows: the `def` with its decorators, or the lambda.
  core::Span source_span;
  ModulePtr globals;      ///< the defining module
  ScopePtr closure;       ///< the enclosing function's scope, for closures
  model::Signature signature;
  std::vector<std::optional<Value>> defaults;  ///< per signature parameter
  std::string return_annotation;
  core::Span def_span;
  bool is_lambda = false;
  std::optional<Value> wrapped;  ///< `__wrapped__` set by functools.wraps / update_wrapper
  std::string def_module;        ///< where the code really lives (differs after wraps)
  /// The class whose body defines this function (a method), for `super()`.
  std::weak_ptr<const ClassObj> owner;
  /// What the first `node()` of this function recorded about it; later nodes
  /// share it. Filled lazily on an otherwise immutable object.
  mutable std::shared_ptr<const model::FuncInfo> node_func;
};

/// functools.partial(func, *args, **kwargs), flattened like CPython does.
struct PartialObj {
  Value func;
  std::vector<Value> args;
  std::vector<std::pair<std::string, Value>> kwargs;
  std::optional<std::string> name;  ///< set by update_wrapper
  std::optional<std::string> module;
};

/// A class defined in the project.
struct ClassObj {
  std::string module;
  std::string name;
  std::string qualname;
  std::vector<Value> bases;
  ScopePtr attributes;
  core::Span def_span;
};

/// An instance of a project class under construction: only subclasses of
/// Kedro's `Node` are instantiated (their `__init__` runs until it calls
/// `Node.__init__`, which builds `node`).
struct InstanceObj {
  ClassPtr cls;
  ScopePtr attributes;
  model::NodePtr node;  ///< set by `Node.__init__`
  core::Span created_at;  ///< the `MyNode(...)` call: where the node is reported
};

/// `obj.method` for the methods the evaluator implements.
struct BoundMethod {
  Value self;
  std::string name;
};

/// A module: a project file, executed once, or a package folder.
struct ModuleObj {
  std::string name;
  std::filesystem::path file;  ///< empty for a namespace package
  bool is_package = false;
  SyntaxRef code;  ///< the module node; no file when unreadable or a namespace package
  ScopePtr globals;
  bool loaded = false;
  bool failed = false;  ///< syntax error, unreadable, or raised while executing: Python cannot import it
  model::Unknown failure;  ///< why executing it raised, when it did
  /// Its globals may hold names the evaluator cannot see (`from ext import *`,
  /// `globals()`, `exec`...): an undefined name is then no certain NameError.
  bool dynamic_globals = false;
};

/// Variables of one frame. Lookups fall back to `parent` (the enclosing
/// function's scope for closures, or the comprehension's outer scope).
struct Scope {
  std::unordered_map<std::string, Value> vars;
  std::vector<std::string> order;  ///< definition order, for `import *` and class bodies
  ScopePtr parent;
  std::unordered_set<std::string> global_names;
  std::unordered_set<std::string> nonlocal_names;

  [[nodiscard]] const Value* lookup_local(const std::string& name) const {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  }
  void set(const std::string& name, Value value) {
    if (value.is_str()) charge_bytes(value.str().size());
    auto [it, inserted] = vars.insert_or_assign(name, std::move(value));
    (void)it;
    if (inserted) order.push_back(name);
  }
};

/// The key under which Python would hash a value, or nullopt if unhashable.
/// 1, 1.0 and True share a key, as in Python.
std::optional<std::string> hash_key(const Value& v);
bool truthy_known(const Value& v, bool& out);
bool values_equal(const Value& a, const Value& b, bool& out);
/// `repr()` and `str()` of known values; nullopt when not representable.
std::optional<std::string> py_repr(const Value& v);
std::optional<std::string> py_str(const Value& v);
/// Python's repr of a str: single quotes unless the text has ' and no ".
std::string repr_string(const std::string& s);

}  // namespace kedrolint::python
