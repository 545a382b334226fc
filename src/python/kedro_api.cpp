// Kedro's node() / pipeline() / Pipeline / find_pipelines() implemented on
// evaluator values, following kedro/pipeline/node.py, pipeline.py and
// kedro/framework/project/__init__.py of the targeted version.
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "model/kedro_ops.hpp"
#include "model/naming.hpp"
#include "python/interpreter.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

namespace {

struct Bound {
  std::map<std::string, Arg> named;
  std::string error;
};

// Binds call arguments to (positional names..., keyword-only names...).
Bound bind(const std::vector<Arg>& args, const std::vector<std::string>& positional,
           const std::vector<std::string>& keyword_only) {
  Bound out;
  std::size_t next = 0;
  for (const auto& a : args) {
    if (a.keyword) {
      const bool known = std::find(positional.begin(), positional.end(), *a.keyword) != positional.end() ||
                         std::find(keyword_only.begin(), keyword_only.end(), *a.keyword) != keyword_only.end();
      if (!known) {
        out.error = "got an unexpected keyword argument '" + *a.keyword + "'";
        return out;
      }
      if (out.named.count(*a.keyword)) {
        out.error = "got multiple values for argument '" + *a.keyword + "'";
        return out;
      }
      out.named.emplace(*a.keyword, a);
    } else {
      if (next >= positional.size()) {
        out.error = "takes " + std::to_string(positional.size()) + " positional arguments but more were given";
        return out;
      }
      out.named.emplace(positional[next++], a);
    }
  }
  return out;
}

const Value* get(const Bound& b, const std::string& name) {
  auto it = b.named.find(name);
  return it == b.named.end() ? nullptr : &it->second.value;
}
core::Span span_of(const Bound& b, const std::string& name, core::Span fallback) {
  auto it = b.named.find(name);
  return it == b.named.end() ? fallback : it->second.span;
}

bool inside(core::Span inner, core::Span outer) {
  return inner.valid() && inner.file == outer.file && inner.begin >= outer.begin && inner.end <= outer.end;
}

bool truthy(const Value& v) {
  bool b = false;
  return truthy_known(v, b) && b;
}

std::vector<model::NodePtr> nodes_of(const model::PipelinePtr& p) { return p ? p->nodes : std::vector<model::NodePtr>{}; }

std::vector<model::NodePtr> topo_nodes(const std::vector<model::NodePtr>& nodes) {
  auto order = model::toposort(nodes);
  auto out = order.order;
  out.insert(out.end(), order.cyclic.begin(), order.cyclic.end());
  return out;
}

// The Unknown left where Kedro would raise: already reported by a rule, so
// KL010 does not report it again.
Value reported_unknown(std::string reason, core::Span span) {
  model::Unknown u{std::move(reason), span};
  u.reported = true;
  return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
}

Value pipeline_value(std::vector<model::NodePtr> nodes, std::vector<model::Unknown> unknowns, core::Span span) {
  auto p = std::make_shared<model::Pipeline>();
  p->nodes = std::move(nodes);
  p->unknowns = std::move(unknowns);
  p->span = span;
  return Value(PipelineValue{p}, span);
}

void add_unknown(std::vector<model::Unknown>& list, const model::Unknown& u) {
  const bool present = std::any_of(list.begin(), list.end(), [&](const model::Unknown& x) {
    return x.span == u.span && x.reason == u.reason;
  });
  if (!present) list.push_back(u);
}

// The source `inspect.getsource` shows for a function: its `def` with the
// decorators above it (co_firstlineno is the first decorator's line).
core::Span source_span_of(const FunctionObj& fn) {
  if (!fn.source || fn.node.null()) return {};
  parse::ts::Node def = fn.node;
  if (def.parent().is("decorated_definition")) def = def.parent();
  return fn.source->span(def);
}

}  // namespace

Value Interpreter::kedro_node(std::vector<Arg>& args, core::Span span) {
  const auto b = bind(args, {"func", "inputs", "outputs"},
                      {"name", "tags", "confirms", "namespace", "preview_fn"});
  auto invalid = [&](const std::string& message, core::Span where) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, where.valid() ? where : span,
                              "Invalid Node definition: " + message, {}, std::nullopt});
    return reported_unknown("this node definition is invalid, so Kedro raises when it is built",
                            where.valid() ? where : span);
  };
  if (!b.error.empty()) return invalid("node() " + b.error, span);
  for (const char* required : {"func", "inputs", "outputs"}) {
    if (!get(b, required)) return invalid(std::string("node() missing required argument '") + required + "'", span);
  }
  if (const Value& f = *get(b, "func"); f.is_unknown() && f.unknown().is_error) {
    // NameError / ImportError on the node's function: say so where it is named.
    model::Unknown u = f.unknown();
    std::optional<std::string> help;
    if (!u.suggestions.empty()) help = "Did you mean " + core::quoted_list(u.suggestions) + "?";
    record_.errors.push_back({model::KedroError::Kind::FunctionNotFound, span_of(b, "func", span),
                              u.reason.rfind("name ", 0) == 0 ? "node function `" + u.missing_name + "` is not defined"
                                                              : "node function: " + u.reason,
                              {}, help});
    u.reported = true;
    return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
  }
  for (const auto& [name, arg] : b.named) {
    if (arg.value.is_unknown()) return arg.value;
  }
  auto node = std::make_shared<model::Node>();
  node->span = span;
  const Value& func = *get(b, "func");
  // The callable.
  if (func.is<FunctionPtr>()) {
    const auto& fn = *func.as<FunctionPtr>();
    node->func.module = fn.module;
    node->func.name = fn.name;
    node->func.qualname = fn.qualname;
    node->func.is_lambda = fn.is_lambda;
    node->func.signature = fn.signature;
    node->func.return_annotation = fn.return_annotation;
    const FunctionObj& original = fn.wrapped && fn.wrapped->is<FunctionPtr>() ? *fn.wrapped->as<FunctionPtr>() : fn;
    node->func.def_span = original.def_span;
    node->func.source_span = source_span_of(original);
    node->func.object_span = source_span_of(fn);
  } else if (func.is<PartialPtr>()) {
    const auto& p = *func.as<PartialPtr>();
    node->func.is_partial = true;
    node->func.has_name = p.name.has_value();
    node->func.name = p.name.value_or("");
    if (p.func.is<FunctionPtr>()) {
      const auto& fn = *p.func.as<FunctionPtr>();
      node->func.inner_name = fn.name;
      node->func.module = fn.module;
      node->func.qualname = fn.qualname;
      node->func.return_annotation = fn.return_annotation;
      node->func.def_span = fn.def_span;
      // inspect.signature of a partial: positional arguments given are
      // removed; keyword ones get a default and, with every positional-or-
      // keyword parameter after them, become keyword-only.
      node->func.signature.known = true;
      std::size_t skip = p.args.size();
      bool keyword_only = false;
      for (const auto& param : fn.signature.params) {
        model::Param q = param;
        if (skip > 0 && (q.kind == model::Param::Kind::PositionalOnly ||
                         q.kind == model::Param::Kind::PositionalOrKeyword)) {
          --skip;
          continue;
        }
        const bool given = std::any_of(p.kwargs.begin(), p.kwargs.end(), [&](const auto& kv) { return kv.first == q.name; });
        if (given && q.kind == model::Param::Kind::PositionalOrKeyword) keyword_only = true;
        if (given) q.has_default = true;
        if (keyword_only && q.kind == model::Param::Kind::PositionalOrKeyword) q.kind = model::Param::Kind::KeywordOnly;
        node->func.signature.params.push_back(q);
      }
    } else if (p.func.is<External>()) {
      const std::string& q = p.func.as<External>().qualname;
      node->func.external = true;
      node->func.inner_name = q.substr(q.rfind('.') + 1);
      node->func.module = q.substr(0, q.rfind('.'));
      node->func.qualname = node->func.inner_name;
    } else {
      return make_unknown("a `functools.partial` of a `" + p.func.type_name() + "` is not evaluated", span);
    }
  } else if (func.is<External>()) {
    const std::string& q = func.as<External>().qualname;
    node->func.external = true;
    node->func.name = q.substr(q.rfind('.') + 1);
    node->func.module = q.find('.') == std::string::npos ? std::string() : q.substr(0, q.rfind('.'));
    node->func.qualname = node->func.name;
  } else if (func.is<Builtin>()) {
    node->func.name = func.as<Builtin>().name;
    node->func.module = "builtins";
    node->func.qualname = node->func.name;
  } else if (func.is<ClassPtr>() || func.is<BoundPtr>()) {
    return make_unknown("nodes built from a `" + func.type_name() + "` are not evaluated", span_of(b, "func", span));
  } else {
    return invalid("first argument must be a function, not '" + func.type_name() + "'", span_of(b, "func", span));
  }

  // inputs / outputs
  auto read_io = [&](const std::string& which, model::IoForm& form, std::vector<std::string>& keys,
                     std::vector<model::DatasetRef>& refs) -> std::optional<Value> {
    const Value& v = *get(b, which);
    const core::Span arg_span = span_of(b, which, span);
    auto ref = [&](const Value& item) -> std::optional<model::DatasetRef> {
      if (!item.is_str()) return std::nullopt;
      return model::DatasetRef{item.str(), inside(item.origin, span) ? item.origin : arg_span};
    };
    bool empty = false;
    truthy_known(v, empty);
    if (v.is_none() || !empty) {
      form = model::IoForm::None;
      return std::nullopt;
    }
    if (v.is_str()) {
      form = model::IoForm::String;
      refs.push_back(*ref(v));
      return std::nullopt;
    }
    if (v.is<ListPtr>()) {
      form = model::IoForm::List;
      for (const auto& item : v.as<ListPtr>()->items) {
        if (item.is_unknown()) return item;
        auto r = ref(item);
        if (!r) {
          return invalid("names of variables used as " + which + " to the function must be of 'String' type, but " +
                             item.type_name() + " was given",
                         arg_span);
        }
        refs.push_back(*r);
      }
      return std::nullopt;
    }
    if (v.is<DictPtr>()) {
      form = model::IoForm::Dict;
      for (const auto& [k, item] : v.as<DictPtr>()->items) {
        if (item.is_unknown()) return item;
        auto r = ref(item);
        if (!k.is_str() || !r) {
          return invalid("names of variables used as " + which + " to the function must be of 'String' type",
                         arg_span);
        }
        keys.push_back(k.str());
        refs.push_back(*r);
      }
      return std::nullopt;
    }
    return invalid("'" + which + "' type must be one of [String, List, Dict, None], not '" + v.type_name() + "'",
                   arg_span);
  };
  if (auto failure = read_io("inputs", node->inputs_form, node->input_keys, node->raw_inputs)) return *failure;
  if (auto failure = read_io("outputs", node->outputs_form, node->output_keys, node->outputs)) return *failure;
  if (node->raw_inputs.empty() && node->outputs.empty()) {
    return invalid("it must have some 'inputs' or 'outputs'.", span);
  }
  model::order_dict_inputs(*node);

  // name, tags, namespace, confirms
  if (const Value* name = get(b, "name"); name && !name->is_none()) {
    if (!name->is_str()) return invalid("'name' must be a string", span_of(b, "name", span));
    node->explicit_name = name->str();
    node->name_span = span_of(b, "name", span);
  }
  if (!node->name_span.valid()) node->name_span = span;
  if (const Value* tags = get(b, "tags"); tags && !tags->is_none()) {
    node->tags_span = span_of(b, "tags", span);
    Value failure;
    std::vector<Value> items;
    if (tags->is_str()) {
      items.push_back(*tags);
    } else if (auto it = iterate(*tags, node->tags_span, failure)) {
      items = *it;
    } else {
      return failure;
    }
    for (const auto& t : items) {
      if (t.is_unknown()) return t;
      if (!t.is_str()) return invalid("tags must be strings", node->tags_span);
      node->tags.push_back(t.str());
    }
    std::sort(node->tags.begin(), node->tags.end());
    node->tags.erase(std::unique(node->tags.begin(), node->tags.end()), node->tags.end());
    for (const auto& t : node->tags) node->tag_origin.emplace(t, node->tags_span);
  }
  if (const Value* ns = get(b, "namespace"); ns && !ns->is_none()) {
    if (!ns->is_str()) return invalid("'namespace' must be a string", span_of(b, "namespace", span));
    node->namespace_ = ns->str();
  }
  if (const Value* confirms = get(b, "confirms"); confirms && !confirms->is_none()) {
    const core::Span cs = span_of(b, "confirms", span);
    if (confirms->is_str()) {
      node->confirms.push_back({confirms->str(), cs});
    } else {
      Value failure;
      auto items = iterate(*confirms, cs, failure);
      if (!items) return failure;
      for (const auto& c : *items) {
        if (!c.is_str()) return c.is_unknown() ? c : invalid("confirms must be strings", cs);
        node->confirms.push_back({c.str(), cs});
      }
    }
  }
  auto full = model::full_node_name(*node, version_);
  if (!full) {
    return make_unknown("the default name of a node built from `" + node->func.module + "." + node->func.name +
                            "` depends on that function's `__module__`, which lies outside the project; give the "
                            "node a `name=`",
                        span);
  }
  node->name = *full;
  model::set_identity(*node);
  record_.nodes.push_back(node);
  return Value(NodeValue{node}, span);
}

Value Interpreter::kedro_pipeline(std::vector<Arg>& args, core::Span span, bool is_class) {
  // Kedro <= 0.19.12: Pipeline(nodes, *, tags) and modular_pipeline.pipeline(pipe, *, ...).
  const bool old_class = is_class && !version_.at_least(0, 19, 13);
  const bool has_prefix_flag = version_.is_1x();
  std::vector<std::string> keyword = {"tags"};
  if (!old_class) {
    keyword = {"inputs", "outputs", "parameters", "tags", "namespace"};
    if (has_prefix_flag) keyword.emplace_back("prefix_datasets_with_namespace");
  }
  const std::string first = is_class || version_.at_least(0, 19, 13) ? "nodes" : "pipe";
  auto b = bind(args, {first}, keyword);
  if (!b.error.empty()) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span,
                              std::string(is_class ? "Pipeline()" : "pipeline()") + " " + b.error, {}, std::nullopt});
    return reported_unknown("this pipeline() call is invalid", span);
  }
  const Value* nodes_arg = get(b, first);
  if (!nodes_arg || nodes_arg->is_none()) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span,
                              "'nodes' argument of 'Pipeline' is None. It must be an iterable of nodes and/or "
                              "pipelines instead.",
                              {},
                              std::nullopt});
    return reported_unknown("`nodes` is None", span);
  }
  std::vector<model::Unknown> unknowns;
  for (const char* key : {"inputs", "outputs", "parameters", "tags", "namespace", "prefix_datasets_with_namespace"}) {
    if (const Value* v = get(b, key); v && v->is_unknown()) {
      return pipeline_value({}, {v->unknown()}, span);
    }
  }
  // Items: nodes and pipelines, as given.
  struct Item {
    model::NodePtr node;
    model::PipelinePtr pipeline;
  };
  std::vector<Item> items;
  if (nodes_arg->is<PipelineValue>()) {
    const auto& p = nodes_arg->as<PipelineValue>().pipeline;
    for (const auto& n : topo_nodes(p->nodes)) items.push_back({n, nullptr});
    for (const auto& u : p->unknowns) add_unknown(unknowns, u);
  } else if (nodes_arg->is_unknown()) {
    return pipeline_value({}, {nodes_arg->unknown()}, span);
  } else {
    Value failure;
    auto elements = iterate(*nodes_arg, span, failure);
    if (!elements) return pipeline_value({}, {failure.unknown()}, span);
    for (const auto& e : *elements) {
      if (e.is<NodeValue>()) {
        items.push_back({e.as<NodeValue>().node, nullptr});
      } else if (e.is<PipelineValue>()) {
        items.push_back({nullptr, e.as<PipelineValue>().pipeline});
        for (const auto& u : e.as<PipelineValue>().pipeline->unknowns) add_unknown(unknowns, u);
      } else if (e.is_unknown()) {
        add_unknown(unknowns, e.unknown());
      } else {
        add_unknown(unknowns, model::Unknown{"a `" + e.type_name() + "` is not a node or a pipeline", e.origin.valid() ? e.origin : span});
      }
    }
  }
  // tags
  std::vector<std::string> tags;
  if (const Value* t = get(b, "tags"); t && !t->is_none()) {
    Value failure;
    if (t->is_str()) {
      tags.push_back(t->str());
    } else if (auto list = iterate(*t, span_of(b, "tags", span), failure)) {
      for (const auto& x : *list) {
        if (x.is_str()) tags.push_back(x.str());
      }
    }
  }
  auto flatten = [&](const std::vector<Item>& list) {
    std::vector<model::NodePtr> out;
    for (const auto& item : list) {
      if (item.node) out.push_back(item.node);
      else for (const auto& n : topo_nodes(item.pipeline->nodes)) out.push_back(n);
    }
    return out;
  };
  const Value* inputs = get(b, "inputs");
  const Value* outputs = get(b, "outputs");
  const Value* parameters = get(b, "parameters");
  const Value* ns = get(b, "namespace");
  const bool mapping_requested = (inputs && truthy(*inputs)) || (outputs && truthy(*outputs)) ||
                                 (parameters && truthy(*parameters)) || (ns && truthy(*ns));
  if (mapping_requested) {
    // pipe = Pipeline(nodes, tags=tags): a tagged copy, then mapped in topological order.
    std::vector<model::NodePtr> pipe;
    for (const auto& n : flatten(items)) pipe.push_back(model::tag_node(n, tags, span_of(b, "tags", span)));
    model::MappingApplication app;
    app.span = span;
    app.nodes = pipe;
    app.namespace_ = ns && ns->is_str() ? ns->str() : std::string();
    for (const auto& d : model::all_datasets(pipe)) app.datasets.emplace_back(model::strip_transcoding(d));
    for (const auto& d : model::free_inputs(pipe)) app.free_inputs.emplace_back(model::strip_transcoding(d));
    auto read_mapping = [&](const Value* v, const std::string& which, bool params,
                            std::vector<model::MappingApplication::Entry>& out, core::Span& where) {
      if (!v || v->is_none()) return;
      where = span_of(b, which, span);
      auto normalize = [&](const std::string& s) {
        if (!params || s == "parameters" || s.rfind("params:", 0) == 0) return s;
        return "params:" + s;
      };
      auto add = [&](const Value& key, const Value& value) {
        if (!key.is_str() || !value.is_str()) return;
        const core::Span ks = inside(key.origin, where) ? key.origin : where;
        std::string k = normalize(key.str());
        std::string val = key.str() == "parameters" && params ? k : normalize(value.str());
        out.push_back({k, val, ks});
      };
      if (v->is_str()) {
        add(*v, *v);
      } else if (v->is<DictPtr>()) {
        for (const auto& [k, val] : v->as<DictPtr>()->items) add(k, val);
      } else {
        Value failure;
        if (auto list = iterate(*v, where, failure)) {
          for (const auto& x : *list) add(x, x);
        }
      }
    };
    read_mapping(inputs, "inputs", false, app.inputs, app.inputs_span);
    read_mapping(outputs, "outputs", false, app.outputs, app.outputs_span);
    read_mapping(parameters, "parameters", true, app.parameters, app.parameters_span);
    std::map<std::string, std::string> mapping;
    for (const auto* list : {&app.inputs, &app.outputs, &app.parameters}) {
      for (const auto& e : *list) mapping[e.key] = e.value;
    }
    const Value* prefix_arg = get(b, "prefix_datasets_with_namespace");
    const bool prefix = !prefix_arg || truthy(*prefix_arg);
    const bool rename_confirms = version_.at_least(0, 19, 13);
    std::vector<Item> mapped;
    for (const auto& n : topo_nodes(pipe)) {
      auto copy = model::copy_node(*n, mapping, app.namespace_, prefix, rename_confirms, version_);
      if (!copy) {
        add_unknown(unknowns, {"the default name of a node built from a function outside the project cannot be "
                               "computed; give the node a `name=`",
                               n->span});
        continue;
      }
      mapped.push_back({*copy, nullptr});
    }
    record_.mappings.push_back(std::move(app));
    items = std::move(mapped);
  }
  // _validate_duplicate_nodes over the top-level items.
  std::map<std::string, model::NodePtr> seen;
  std::set<std::string> reported;
  for (const auto& item : items) {
    std::vector<model::NodePtr> list = item.node ? std::vector<model::NodePtr>{item.node} : topo_nodes(item.pipeline->nodes);
    for (const auto& n : list) {
      auto [it, inserted] = seen.emplace(n->name, n);
      if (inserted || reported.count(n->name)) continue;
      reported.insert(n->name);
      record_.errors.push_back(
          {model::KedroError::Kind::DuplicateNodeName, span,
           "node name `" + n->name + "` appears more than once in this pipeline; Kedro raises `Pipeline nodes must have "
           "unique names`",
           {{it->second->span, "a node named `" + n->name + "`"}, {n->span, "another node named `" + n->name + "`"}},
           std::string("Give each node its own `name=`, or do not list the same pipeline twice (use `+` to merge).")});
    }
  }
  std::vector<model::NodePtr> result;
  for (const auto& n : flatten(items)) result.push_back(model::tag_node(n, tags, span_of(b, "tags", span)));
  return pipeline_value(std::move(result), std::move(unknowns), span);
}

Value Interpreter::pipeline_binary(const std::string& op, const Value& a, const Value& b, core::Span span) {
  const bool is_union = op == "+" || op == "|";
  // sum() starts from 0, and 0 + pipeline is the pipeline (__radd__).
  if (op == "+" && a.is<std::int64_t>() && a.as<std::int64_t>() == 0 && b.is<PipelineValue>()) return b;
  auto parts = [&](const Value& v, std::vector<model::NodePtr>& nodes, std::vector<model::Unknown>& unknowns) {
    if (v.is<PipelineValue>()) {
      nodes = v.as<PipelineValue>().pipeline->nodes;
      unknowns = v.as<PipelineValue>().pipeline->unknowns;
      return true;
    }
    if (v.is_unknown()) {
      unknowns.push_back(v.unknown());
      return true;
    }
    return false;
  };
  std::vector<model::NodePtr> na, nb;
  std::vector<model::Unknown> ua, ub;
  if (!parts(a, na, ua) || !parts(b, nb, ub)) {
    return make_unknown("`" + a.type_name() + " " + op + " " + b.type_name() + "` raises TypeError", span);
  }
  for (const auto& u : ub) add_unknown(ua, u);
  if (is_union) return pipeline_value(model::union_nodes(na, nb), std::move(ua), span);
  if (!ua.empty()) {
    // Which nodes survive a difference or intersection with an incomplete
    // pipeline cannot be known.
    return make_unknown("`" + op + "` with a pipeline that is not fully known: " + ua.front().reason, ua.front().span);
  }
  if (op == "-") return pipeline_value(model::difference_nodes(na, nb), {}, span);
  if (op == "&") return pipeline_value(model::intersection_nodes(na, nb), {}, span);
  return make_unknown("`Pipeline " + op + " Pipeline` is not defined", span);
}

std::optional<Value> Interpreter::pipeline_attribute(const model::PipelinePtr& p, const std::string& name,
                                                     core::Span span) {
  if (name == "nodes" || name == "grouped_nodes") {
    if (!p->complete()) return make_unknown(p->unknowns.front().reason, p->unknowns.front().span);
    const auto order = model::toposort(p->nodes);
    if (name == "nodes") {
      std::vector<Value> out;
      for (const auto& n : order.order) out.emplace_back(NodeValue{n}, span);
      return make_list(std::move(out), span);
    }
    std::vector<Value> layers;
    for (const auto& layer : order.layers) {
      std::vector<Value> out;
      for (const auto& n : layer) out.emplace_back(NodeValue{n}, span);
      layers.push_back(make_list(std::move(out), span));
    }
    return make_list(std::move(layers), span);
  }
  static const std::set<std::string> kMethods = {
      "tag", "only_nodes_with_tags", "only_nodes", "only_nodes_with_inputs", "from_inputs", "only_nodes_with_outputs",
      "to_outputs", "from_nodes", "to_nodes", "only_nodes_with_namespaces", "only_nodes_with_namespace", "filter",
      "inputs", "outputs", "all_inputs", "all_outputs", "datasets", "data_sets"};
  if (kMethods.count(name)) return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{Value(PipelineValue{p}), name})), span);
  return std::nullopt;
}

std::optional<Value> Interpreter::node_attribute(const model::NodePtr& n, const std::string& name, core::Span span) {
  auto names = [&](const std::vector<model::DatasetRef>& refs) {
    std::vector<Value> out;
    for (const auto& r : refs) out.emplace_back(r.name, r.span);
    return make_list(std::move(out), span);
  };
  if (name == "name") return Value(n->name, span);
  if (name == "inputs") return names(n->inputs);
  if (name == "outputs") return names(n->outputs);
  if (name == "confirms") return names(n->confirms);
  if (name == "namespace") return n->namespace_.empty() ? Value(NoneValue{}, span) : Value(n->namespace_, span);
  if (name == "tags") {
    auto set = std::make_shared<ListObj>();
    for (const auto& t : n->tags) set->items.emplace_back(t);
    return Value(SetValue{set}, span);
  }
  if (name == "tag") return Value(BoundPtr(std::make_shared<BoundMethod>(BoundMethod{Value(NodeValue{n}), name})), span);
  return std::nullopt;
}

Value Interpreter::pipeline_method(const model::PipelinePtr& p, const std::string& name, std::vector<Arg>& args,
                                   core::Span span) {
  std::vector<std::string> strings;
  std::map<std::string, std::vector<std::string>> keywords;
  for (const auto& a : args) {
    if (a.value.is_unknown()) return pipeline_value(nodes_of(p), [&] {
        auto u = p ? p->unknowns : std::vector<model::Unknown>{};
        add_unknown(u, a.value.unknown());
        return u;
      }(), span);
    std::vector<std::string>& target = a.keyword ? keywords[*a.keyword] : strings;
    if (a.value.is_str()) {
      target.push_back(a.value.str());
    } else if (!a.value.is_none()) {
      Value failure;
      auto items = iterate(a.value, a.span, failure);
      if (!items) return failure;
      for (const auto& x : *items) {
        if (!x.is_str()) return make_unknown("`" + name + "()` arguments must be strings", a.span);
        target.push_back(x.str());
      }
    }
  }
  const auto nodes = nodes_of(p);
  const auto unknowns = p->unknowns;
  auto fail = [&](const std::string& message) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span, message, {}, std::nullopt});
  };
  auto names_repr = [](const std::vector<std::string>& names) {
    std::vector<std::string> quoted;
    for (const auto& n : names) quoted.push_back(core::python_str_repr(n));
    return "[" + core::join(quoted, ", ") + "]";
  };
  std::vector<std::string> missing;
  if (name == "tag") {
    std::vector<model::NodePtr> out;
    for (const auto& n : nodes) out.push_back(model::tag_node(n, strings, span));
    return pipeline_value(std::move(out), unknowns, span);
  }
  if (name == "inputs" || name == "outputs" || name == "all_inputs" || name == "all_outputs" || name == "datasets" ||
      name == "data_sets") {
    if (!p->complete()) return make_unknown(p->unknowns.front().reason, p->unknowns.front().span);
    std::set<std::string> result;
    if (name == "inputs") result = model::free_inputs(nodes);
    else if (name == "outputs") result = model::free_outputs(nodes);
    else if (name == "datasets" || name == "data_sets") result = model::all_datasets(nodes);
    else {
      for (const auto& n : nodes) {
        for (const auto& d : name == "all_inputs" ? n->inputs : n->outputs) result.insert(d.name);
      }
    }
    auto set = std::make_shared<ListObj>();
    for (const auto& s : result) set->items.emplace_back(s);
    return Value(SetValue{set}, span);
  }
  std::vector<model::NodePtr> out;
  if (name == "only_nodes_with_tags") {
    out = model::only_nodes_with_tags(nodes, strings);
  } else if (name == "only_nodes") {
    out = model::only_nodes(nodes, strings, missing);
    if (!missing.empty() && p->complete()) fail("Pipeline does not contain nodes named " + names_repr(missing) + ".");
  } else if (name == "only_nodes_with_inputs" || name == "from_inputs" || name == "only_nodes_with_outputs" ||
             name == "to_outputs") {
    if (name == "only_nodes_with_inputs") out = model::only_nodes_with_inputs(nodes, strings, missing);
    if (name == "from_inputs") out = model::from_inputs(nodes, strings, missing);
    if (name == "only_nodes_with_outputs") out = model::only_nodes_with_outputs(nodes, strings, missing);
    if (name == "to_outputs") out = model::to_outputs(nodes, strings, missing);
    if (!missing.empty() && p->complete()) fail("Pipeline does not contain datasets named " + names_repr(missing));
  } else if (name == "from_nodes" || name == "to_nodes") {
    out = name == "from_nodes" ? model::from_nodes(nodes, strings, missing) : model::to_nodes(nodes, strings, missing);
    if (!missing.empty() && p->complete()) fail("Pipeline does not contain nodes named " + names_repr(missing) + ".");
  } else if (name == "only_nodes_with_namespaces" || name == "only_nodes_with_namespace") {
    const bool exact = name == "only_nodes_with_namespaces";
    out = model::only_nodes_with_namespaces(nodes, strings, exact, missing);
    if (!missing.empty() && p->complete()) {
      fail(exact ? "Pipeline does not contain nodes with the following namespaces: " + names_repr(missing)
                 : "Pipeline does not contain nodes with namespace '" + missing.front() + "'");
    }
  } else if (name == "filter") {
    // Each given filter applies to the original pipeline; results intersect.
    out = nodes;
    bool any = false;
    auto apply = [&](const std::string& key, auto fn) {
      auto it = keywords.find(key);
      if (it == keywords.end() || it->second.empty()) return;
      any = true;
      std::vector<std::string> miss;
      auto part = fn(it->second, miss);
      if (!miss.empty() && p->complete()) fail("`filter(" + key + "=...)`: " + names_repr(miss) + " not found in the pipeline");
      out = model::intersection_nodes(out, part);
    };
    apply("tags", [&](const auto& v, auto&) { return model::only_nodes_with_tags(nodes, v); });
    apply("from_nodes", [&](const auto& v, auto& m) { return model::from_nodes(nodes, v, m); });
    apply("to_nodes", [&](const auto& v, auto& m) { return model::to_nodes(nodes, v, m); });
    apply("node_names", [&](const auto& v, auto& m) { return model::only_nodes(nodes, v, m); });
    apply("from_inputs", [&](const auto& v, auto& m) { return model::from_inputs(nodes, v, m); });
    apply("to_outputs", [&](const auto& v, auto& m) { return model::to_outputs(nodes, v, m); });
    apply(version_.is_1x() ? "node_namespaces" : "node_namespace",
          [&](const auto& v, auto& m) { return model::only_nodes_with_namespaces(nodes, v, version_.is_1x(), m); });
    if (!strings.empty()) return make_unknown("`filter()` with positional arguments is not evaluated", span);
    if (any && out.empty() && p->complete()) {
      fail("Pipeline contains no nodes after applying all provided filters. Please ensure that at least one pipeline "
           "with nodes has been defined.");
    }
  } else {
    return make_unknown("`Pipeline." + name + "()` is not evaluated", span);
  }
  return pipeline_value(std::move(out), unknowns, span);
}

Value Interpreter::kedro_find_pipelines(std::vector<Arg>& args, core::Span span) {
  const auto b = bind(args, {"raise_errors", "pipelines_to_find"}, {});
  if (!b.error.empty()) return make_unknown("find_pipelines() " + b.error, span);
  if (const Value* filter = get(b, "pipelines_to_find"); filter && !filter->is_none()) {
    return make_unknown("find_pipelines(pipelines_to_find=...) is not evaluated", span);
  }
  const Value* raise_arg = get(b, "raise_errors");
  const bool raise_errors = raise_arg && truthy(*raise_arg) && version_.at_least(0, 19, 6);
  auto result = std::make_shared<DictObj>();
  auto create = [&](const ModulePtr& module) -> std::optional<Value> {
    const Value* fn = module->globals->lookup_local("create_pipeline");
    if (!fn) return std::nullopt;  // Kedro warns and skips it
    Value p = call(*fn, {}, span);
    if (p.is<PipelineValue>()) return p;
    if (p.is_unknown()) return pipeline_value({}, {p.unknown()}, span);
    return std::nullopt;  // not a Pipeline: Kedro warns and skips it
  };
  // The simplified layout: <package>/pipeline.py seeds __default__.
  Value default_pipeline = pipeline_value({}, {}, span);
  if (ModulePtr simple = import_module(package_ + ".pipeline", span); simple && !simple->failed) {
    if (auto p = create(simple)) default_pipeline = *p;
  }
  result->set(Value(std::string("__default__")), default_pipeline);
  const fs::path dir = index_.source_dir() / package_ / "pipelines";
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string n = entry.path().filename().string();
    if (!entry.is_directory(ec) || n == "__pycache__" || n.empty() || n.front() == '.') continue;
    names.push_back(n);
  }
  // Kedro walks the folder in filesystem order; the order only changes which
  // of two equal nodes keeps its tags in `sum()`, so sort for determinism.
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    const ModulePtr module = import_module(package_ + ".pipelines." + n, span);
    if (!module || module->failed) {
      // Kedro warns and skips the folder; with raise_errors it raises
      // ImportError and nothing loads (KL112 reports the import failure).
      if (raise_errors) {
        return reported_unknown("find_pipelines(raise_errors=True) raises ImportError for `" + package_ +
                                    ".pipelines." + n + "`",
                                span);
      }
      continue;
    }
    if (auto p = create(module)) result->set(Value(n), *p);
  }
  return Value(DictPtr(result), span);
}

}  // namespace kedrolint::python
