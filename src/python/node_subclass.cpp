// Project classes deriving from Kedro's `Node`: constructed like `node()`,
// with their own `__init__` run until it calls `Node.__init__` (through
// `super().__init__(...)` or `Node.__init__(self, ...)`). Kedro never keeps
// the subclass once it copies a node (`Node._copy` builds a plain `Node` in
// every version, kedro/pipeline/node.py), so the node `Node.__init__` builds
// is the node Kedro uses; a subclass that overrides what Kedro reads from a
// node (its name, inputs, ...) is Unknown.
#include <algorithm>
#include <set>

#include "python/interpreter.hpp"

namespace kedrolint::python {
namespace ts = parse::ts;

namespace {

bool is_kedro_node_class(const Value& base) {
  if (!base.is<External>()) return false;
  const std::string& q = base.as<External>().qualname;
  return q == "kedro.pipeline.Node" || q == "kedro.pipeline.node.Node";
}

// What Kedro's Pipeline and runners read from a node (the members of
// kedro/pipeline/node.py's Node that shape names, datasets and order).
const std::set<std::string>& structural_members() {
  static const std::set<std::string> kNames = {
      "_copy", "_unique_key", "__eq__", "__lt__", "__hash__", "__str__", "_func_name", "func", "tags", "tag",
      "name", "_set_unique_name", "namespace", "namespace_prefixes", "_enumerate_namespaces", "inputs", "outputs",
      "confirms", "_validate_inputs", "_validate_unique_outputs", "_validate_inputs_dif_than_outputs"};
  return kNames;
}

// The attributes `Node.__init__` sets, which the members above read.
const std::set<std::string>& node_state() {
  static const std::set<std::string> kNames = {"_func",      "_inputs", "_outputs",  "_name",      "_namespace",
                                               "_tags",      "_confirms", "_preview_fn", "func",      "inputs",
                                               "outputs",    "name",    "tags",      "namespace", "confirms"};
  return kNames;
}

struct Chain {
  std::vector<ClassPtr> classes;  ///< the class, then its bases up to (without) Kedro's Node
  bool derives_from_node = false;
  std::string unsupported;        ///< why the chain is not evaluated, when it is not
};

bool reaches_node(const ClassPtr& cls, int depth = 0) {
  if (depth > 64) return false;
  return std::any_of(cls->bases.begin(), cls->bases.end(), [&](const Value& b) {
    return is_kedro_node_class(b) || (b.is<ClassPtr>() && reaches_node(b.as<ClassPtr>(), depth + 1));
  });
}

// Single inheritance only: with several bases Python's MRO decides which
// `__init__` runs, which kedrolint does not model.
Chain node_chain(const ClassPtr& cls) {
  Chain out;
  out.derives_from_node = reaches_node(cls);
  if (!out.derives_from_node) return out;
  for (ClassPtr c = cls; c;) {
    out.classes.push_back(c);
    for (const auto& member : c->attributes->order) {
      if (structural_members().count(member) && c->attributes->lookup_local(member)) {
        out.unsupported = "`" + c->qualname + "` overrides `Node." + member + "`, which kedrolint does not evaluate";
        return out;
      }
    }
    if (c->bases.size() != 1) {
      out.unsupported = "`" + c->qualname + "` has several base classes; its method order is not evaluated";
      return out;
    }
    const Value& base = c->bases.front();
    if (is_kedro_node_class(base)) return out;
    c = base.is<ClassPtr>() ? base.as<ClassPtr>() : nullptr;
  }
  out.unsupported = "the base classes of `" + cls->qualname + "` are not known statically";
  return out;
}

}  // namespace

Value Interpreter::instantiate(const ClassPtr& cls, std::vector<Arg> args, core::Span span) {
  const Chain chain = node_chain(cls);
  if (!chain.derives_from_node) {
    return make_unknown("instances of the project class `" + cls->qualname + "` are not evaluated", span);
  }
  if (!chain.unsupported.empty()) return make_unknown(chain.unsupported, span);
  auto self = std::make_shared<InstanceObj>();
  self->cls = cls;
  self->attributes = new_scope();
  self->created_at = span;
  Value result = run_node_init(chain.classes, 0, self, std::move(args), span);
  if (result.is_unknown()) return result;
  if (!self->node) {
    return make_unknown("`" + cls->qualname + ".__init__` does not call `Node.__init__`, so Kedro cannot use the node",
                        span);
  }
  return Value(NodeValue{self->node}, span);
}

Value Interpreter::run_node_init(const std::vector<ClassPtr>& chain, std::size_t from, const InstancePtr& self,
                                 std::vector<Arg> args, core::Span span) {
  for (std::size_t i = from; i < chain.size(); ++i) {
    const Value* init = chain[i]->attributes->lookup_local("__init__");
    if (!init) continue;
    args.insert(args.begin(), Arg{std::nullopt, Value(self), span});
    return call(*init, std::move(args), span);
  }
  return node_base_init(self, std::move(args), span);
}

// `Node.__init__(self, ...)`: builds the node as `Node(...)` does.
Value Interpreter::node_base_init(const InstancePtr& self, std::vector<Arg> args, core::Span span) {
  if (self->node) return make_unknown("`Node.__init__` runs twice on one node", span);
  Value built = kedro_node(args, self->created_at, true);
  if (!built.is<NodeValue>()) return built;
  self->node = built.as<NodeValue>().node;
  return Value(NoneValue{}, span);
}

// `super().__init__(...)` in a method of a Node subclass: the `__init__` of
// the next class of the chain, or Kedro's.
Value Interpreter::super_call(ts::Node call_node, Frame& f) {
  const core::Span span = f.src->span(call_node);
  const ts::Node callee = call_node.field("function");
  const std::string method(f.src->text(callee.field("attribute")));
  const ClassPtr owner = f.function ? f.function->owner.lock() : nullptr;
  if (method != "__init__" || !owner || !f.self.is<InstancePtr>()) {
    return make_unknown("`super()." + method + "(...)` is not evaluated here", span);
  }
  if (f.src->text(callee.field("object").field("arguments")) != "()") {
    return make_unknown("`super(...)` with arguments is not evaluated", span);
  }
  Value unknown;
  auto args = eval_arguments(call_node.field("arguments"), f, unknown);
  if (!args) return unknown;
  const InstancePtr self = f.self.as<InstancePtr>();
  const Chain chain = node_chain(self->cls);
  auto at = std::find(chain.classes.begin(), chain.classes.end(), owner);
  if (at == chain.classes.end()) return make_unknown("`super().__init__` outside the class chain", span);
  const auto next = static_cast<std::size_t>(at - chain.classes.begin()) + 1;
  return run_node_init(chain.classes, next, self, std::move(*args), span);
}

Value Interpreter::instance_attribute(const InstancePtr& self, const std::string& name, core::Span span) {
  if (const Value* v = self->attributes->lookup_local(name)) return *v;
  if (self->node) {
    if (auto v = node_attribute(self->node, name, span)) return *v;
  }
  const Value member = get_attr(Value(ClassPtr(self->cls)), name, span);
  if (member.is<FunctionPtr>()) {
    return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{Value(self), name})), span);
  }
  return member;
}

void Interpreter::set_instance_attribute(const InstancePtr& self, const std::string& name, const Value& value,
                                         core::Span span) {
  if (node_state().count(name)) {
    // Changing what Node.__init__ set changes the node Kedro sees.
    throw Abort{{"`" + self->cls->qualname + "` sets `self." + name + "`, which changes the node; not evaluated", span}};
  }
  self->attributes->set(name, value);
}

}  // namespace kedrolint::python
