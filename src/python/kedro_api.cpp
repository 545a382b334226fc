// Kedro's node() / pipeline() / Pipeline / find_pipelines() implemented on
// evaluator values, following kedro/pipeline/node.py, pipeline.py and
// kedro/framework/project/__init__.py of the targeted version.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/text.hpp"
#include "model/kedro_ops.hpp"
#include "model/naming.hpp"
#include "python/interpreter.hpp"

namespace kedrolint::python {
namespace fs = std::filesystem;

namespace {

struct Bound {
  std::map<std::string, Arg> named;
  std::vector<Arg> extra;  ///< collected by `*names`
  std::string error;       ///< Python's TypeError, or empty
  std::optional<std::string> help;
};

std::string quoted_names(const std::vector<std::string>& names) {
  // CPython's format_missing: 'a'; 'a' and 'b'; 'a', 'b', and 'c'.
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

// Binds call arguments to a Kedro callable's parameters with CPython's
// checks and messages: keywords first, then the positional count, then the
// missing required arguments.
Bound bind_call(const std::vector<Arg>& args, const kedro_api::Params& params) {
  Bound out;
  const std::string fn = params.qualname + "() ";
  std::size_t next = 0, given = 0;
  for (const auto& a : args) {
    if (a.keyword) continue;
    ++given;
    if (next < params.positional.size()) out.named.emplace(params.positional[next++], a);
    else if (params.var_positional) out.extra.push_back(a);
  }
  for (const auto& a : args) {
    if (!a.keyword) continue;
    const auto& pos = params.positional;
    const auto& kw = params.keyword_only;
    if (std::find(pos.begin(), pos.end(), *a.keyword) == pos.end() &&
        std::find(kw.begin(), kw.end(), *a.keyword) == kw.end()) {
      out.error = fn + "got an unexpected keyword argument '" + *a.keyword + "'";
      std::vector<std::string> names = pos;
      names.insert(names.end(), kw.begin(), kw.end());
      if (auto close = core::close_matches(*a.keyword, names, 1); !close.empty()) {
        out.help = "Did you mean `" + close.front() + "`? (arguments of `" + params.qualname + "()` in the targeted "
                   "Kedro version)";
      }
      return out;
    }
    if (!out.named.emplace(*a.keyword, a).second) {
      out.error = fn + "got multiple values for argument '" + *a.keyword + "'";
      return out;
    }
  }
  if (given > params.positional.size() && !params.var_positional) {
    const auto takes = params.positional.size() + static_cast<std::size_t>(params.implicit);
    out.error = fn + "takes " + std::to_string(takes) + " positional argument" + (takes == 1 ? "" : "s") + " but " +
                std::to_string(given + static_cast<std::size_t>(params.implicit)) + " were given";
    return out;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < params.required; ++i) {
    if (!out.named.count(params.positional[i])) missing.push_back(params.positional[i]);
  }
  if (!missing.empty()) {
    out.error = fn + "missing " + std::to_string(missing.size()) + " required positional argument" +
                (missing.size() == 1 ? "" : "s") + ": " + quoted_names(missing);
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

// Kedro orders dict inputs by binding them to the function's signature
// (`_dict_inputs_to_list`); outside the project that signature is unknown.
std::string uncertain_inputs_order(const model::Node& node) {
  const auto& f = *node.func;
  const std::string callable = f.is_partial ? "partial(" + f.inner_name + ")"
                                            : (f.module.empty() ? f.name : f.module + "." + f.name);
  return "the order of the dict inputs of this node follows the signature of `" + callable +
         "`, which is not known statically";
}

Value external_value(const Arg& arg) {
  return make_unknown("`" + arg.value.as<External>().qualname + "` comes from outside the project; its value is not "
                      "known statically",
                      arg.span);
}

}  // namespace

Value Interpreter::kedro_node(std::vector<Arg>& args, core::Span span, bool is_class) {
  const auto b = bind_call(args, kedro_api::node_params(is_class, version_));
  auto invalid = [&](const std::string& message, core::Span where) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, where.valid() ? where : span,
                              "Invalid Node definition: " + message, {}, std::nullopt});
    return reported_unknown("this node definition is invalid, so Kedro raises when it is built",
                            where.valid() ? where : span);
  };
  if (!b.error.empty()) return kedro_type_error(b.error, span, b.help);
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
    // A value from outside the project (`os.environ["X"]`) is a run-time
    // value: it may well be a valid name, so it is Unknown, never invalid.
    if (arg.value.is<External>() && name != "func" && name != "preview_fn") return external_value(arg);
  }
  auto node = std::make_shared<model::Node>();
  node->span = span;
  const Value& func = *get(b, "func");
  // The callable. Nodes of one function share its FuncInfo: the function
  // object keeps the one it made first.
  model::FuncInfo info;
  if (func.is<FunctionPtr>() && func.as<FunctionPtr>()->node_func) {
    node->func = func.as<FunctionPtr>()->node_func;
  } else if (func.is<FunctionPtr>()) {
    const auto& fn = *func.as<FunctionPtr>();
    info.module = fn.module;
    info.name = fn.name;
    info.qualname = fn.qualname;
    info.is_lambda = fn.is_lambda;
    info.signature = fn.signature;
    info.return_annotation = fn.return_annotation;
    const FunctionObj& original = fn.wrapped && fn.wrapped->is<FunctionPtr>() ? *fn.wrapped->as<FunctionPtr>() : fn;
    info.def_span = original.def_span;
    info.source_span = original.source_span;
    info.object_span = fn.source_span;
    node->func = fn.node_func = std::make_shared<const model::FuncInfo>(std::move(info));
  } else if (func.is<PartialPtr>()) {
    const auto& p = *func.as<PartialPtr>();
    info.is_partial = true;
    info.has_name = p.name.has_value();
    info.name = p.name.value_or("");
    if (p.func.is<FunctionPtr>()) {
      const auto& fn = *p.func.as<FunctionPtr>();
      info.inner_name = fn.name;
      info.module = fn.module;
      info.qualname = fn.qualname;
      info.return_annotation = fn.return_annotation;
      info.def_span = fn.def_span;
      // inspect.signature of a partial: positional arguments given are
      // removed; keyword ones get a default and, with every positional-or-
      // keyword parameter after them, become keyword-only.
      info.signature.known = true;
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
        info.signature.params.push_back(q);
      }
    } else if (p.func.is<External>()) {
      const std::string& q = p.func.as<External>().qualname;
      info.external = true;
      info.inner_name = q.substr(q.rfind('.') + 1);
      info.module = q.substr(0, q.rfind('.'));
      info.qualname = info.inner_name;
    } else {
      return make_unknown("a `functools.partial` of a `" + p.func.type_name() + "` is not evaluated", span);
    }
  } else if (func.is<External>()) {
    const std::string& q = func.as<External>().qualname;
    info.external = true;
    info.name = q.substr(q.rfind('.') + 1);
    info.module = q.find('.') == std::string::npos ? std::string() : q.substr(0, q.rfind('.'));
    info.qualname = info.name;
  } else if (func.is<Builtin>()) {
    info.name = func.as<Builtin>().name;
    info.module = "builtins";
    info.qualname = info.name;
  } else if (func.is<ClassPtr>() || func.is<BoundPtr>()) {
    return make_unknown("nodes built from a `" + func.type_name() + "` are not evaluated", span_of(b, "func", span));
  } else {
    return invalid("first argument must be a function, not '" + func.type_name() + "'", span_of(b, "func", span));
  }
  if (!func.is<FunctionPtr>()) node->func = std::make_shared<const model::FuncInfo>(std::move(info));

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
        if (item.is<External>()) return external_value(Arg{std::nullopt, item, arg_span});
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
        if (item.is<External>()) return external_value(Arg{std::nullopt, item, arg_span});
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
    node->tag_spans.assign(node->tags.size(), node->tags_span);
  }
  if (const Value* preview = get(b, "preview_fn"); preview && truthy(*preview) &&
      (preview->is_str() || preview->is<std::int64_t>() || preview->is<double>() || preview->is<bool>() ||
       preview->is<ListPtr>() || preview->is<TupleValue>() || preview->is<DictPtr>() || preview->is<SetValue>())) {
    return invalid("preview_fn must be a function, not '" + preview->type_name() + "'.", span_of(b, "preview_fn", span));
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
    return make_unknown("the default name of a node built from `" + node->func->module + "." + node->func->name +
                            "` depends on that function's `__module__`, which lies outside the project; give the "
                            "node a `name=`",
                        span);
  }
  node->name = *full;
  model::set_identity(*node);
  record_.nodes.push_back(node);
  if (node->inputs_order_uncertain) {
    // `node.inputs` (and str(node), the 0.19 default name) follow that order.
    return make_unknown(uncertain_inputs_order(*node) + "; pass the inputs as a list in the order of its parameters",
                        span_of(b, "inputs", span));
  }
  return Value(NodeValue{node}, span);
}


Value Interpreter::kedro_type_error(const std::string& message, core::Span span, std::optional<std::string> help) {
  record_.errors.push_back({model::KedroError::Kind::ConstructionError, span, message, {}, std::move(help)});
  return reported_unknown("Kedro raises TypeError: " + message, span);
}

Value Interpreter::kedro_pipeline(std::vector<Arg>& args, core::Span span, bool is_class) {
  const auto signature = kedro_api::pipeline_params(is_class, version_);
  auto b = bind_call(args, signature);
  if (!b.error.empty()) return kedro_type_error(b.error, span, b.help);
  const std::string& first = signature.positional.front();
  const Value* nodes_arg = get(b, first);
  if (nodes_arg->is_none()) {
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
      // Kedro 0.17 maps `parameters=` keys verbatim; 0.18 adds `params:`.
      auto normalize = [&](const std::string& s) {
        if (!params || !version_.at_least(0, 18) || s == "parameters" || s.rfind("params:", 0) == 0) return s;
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
  record_duplicate_node_names(flatten(items), span,
                              "Give each node its own `name=`, or do not list the same pipeline twice (use `+` to "
                              "merge).");
  std::vector<model::NodePtr> result;
  for (const auto& n : flatten(items)) result.push_back(model::tag_node(n, tags, span_of(b, "tags", span)));
  return pipeline_value(std::move(result), std::move(unknowns), span);
}

// Kedro's `_validate_duplicate_nodes` on the nodes given to Pipeline(...).
void Interpreter::record_duplicate_node_names(const std::vector<model::NodePtr>& nodes, core::Span span,
                                              const std::string& help) {
  std::map<std::string, model::NodePtr> seen;
  std::set<std::string> reported;
  for (const auto& n : nodes) {
    auto [it, inserted] = seen.emplace(n->name, n);
    if (inserted || !reported.insert(n->name).second) continue;
    record_.errors.push_back(
        {model::KedroError::Kind::DuplicateNodeName, span,
         "node name `" + n->name + "` appears more than once in this pipeline; Kedro raises `Pipeline nodes must have "
         "unique names`",
         {{it->second->span, "a node named `" + n->name + "`"}, {n->span, "another node named `" + n->name + "`"}},
         help});
  }
}

std::optional<Value> Interpreter::pipeline_sum(const std::vector<Value>& items, core::Span span) {
  if (items.size() < 2) return std::nullopt;
  std::size_t total = 0;
  for (const auto& item : items) {
    if (!item.is<PipelineValue>()) return std::nullopt;
    total += item.as<PipelineValue>().pipeline->nodes.size();
  }
  std::vector<model::NodePtr> nodes;
  nodes.reserve(total);
  model::NodeIdentitySet seen;
  std::vector<model::Unknown> unknowns;
  for (const auto& item : items) {
    const auto& p = *item.as<PipelineValue>().pipeline;
    for (const auto& n : p.nodes) {
      if (seen.insert(n.get()).second) nodes.push_back(n);
    }
    for (const auto& u : p.unknowns) add_unknown(unknowns, u);
  }
  return pipeline_value(std::move(nodes), std::move(unknowns), span);
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
  if (op == "&") return pipeline_value(model::pipeline_and(na, nb), {}, span);
  return make_unknown("`Pipeline " + op + " Pipeline` is not defined", span);
}

std::optional<Value> Interpreter::pipeline_attribute(const model::PipelinePtr& p, const std::string& name,
                                                     core::Span span) {
  if (auto missing = kedro_api::missing_pipeline_attribute(name, version_)) {
    return kedro_api_error(*missing, "AttributeError", span);
  }
  if (name == "nodes" || name == "grouped_nodes") {
    if (!p->complete()) return make_unknown(p->unknowns.front().reason, p->unknowns.front().span);
    const auto order = model::toposort(p->nodes, !version_.at_least(0, 19, 4));
    if (name == "nodes") {
      std::vector<Value> out;
      for (const auto& n : order.order) out.emplace_back(NodeValue{n}, span);
      return make_list(std::move(out), span);
    }
    std::vector<Value> layers;
    std::size_t begin = 0;
    for (const std::uint32_t end : order.layer_ends) {
      std::vector<Value> out;
      for (std::size_t k = begin; k < end; ++k) out.emplace_back(NodeValue{order.order[k]}, span);
      layers.push_back(make_list(std::move(out), span));
      begin = end;
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

// The dataset, node, tag or namespace names a Pipeline method argument gives.
// `str_chars`: Kedro iterates the argument, so a str gives its characters
// (`filter(tags="ab")` calls `only_nodes_with_tags(*"ab")`).
std::optional<std::vector<std::string>> Interpreter::method_strings(const Value& v, bool str_chars, const Arg& arg,
                                                                   const std::string& method, Value& failure) {
  std::vector<std::string> out;
  if (v.is_none()) return out;
  if (v.is_str() && !str_chars) return std::vector<std::string>{v.str()};
  auto items = iterate(v, arg.span, failure);
  if (!items) return std::nullopt;
  for (const auto& x : *items) {
    if (!x.is_str()) {
      failure = make_unknown("`" + method + "()` arguments must be strings", arg.span);
      return std::nullopt;
    }
    out.push_back(x.str());
  }
  return out;
}

Value Interpreter::pipeline_method(const model::PipelinePtr& p, const std::string& name, std::vector<Arg>& args,
                                   core::Span span) {
  const auto params = kedro_api::pipeline_method_params(name, version_);
  if (!params) return make_unknown("`Pipeline." + name + "()` is not evaluated", span);
  const Bound b = bind_call(args, *params);
  if (!b.error.empty()) return kedro_type_error(b.error, span, b.help);
  for (const auto& a : args) {
    if (!a.value.is_unknown()) continue;
    auto u = p->unknowns;
    add_unknown(u, a.value.unknown());
    return pipeline_value(p->nodes, std::move(u), span);
  }
  if (name == "inputs" || name == "outputs" || name == "all_inputs" || name == "all_outputs" || name == "datasets" ||
      name == "data_sets") {
    return pipeline_dataset_set(p, name, span);
  }
  if (name == "filter") return pipeline_filter(p, b.named, span);
  // Starred methods take one name per argument (a list is accepted too).
  std::vector<std::string> strings;
  const bool namespaces_1x = name == "only_nodes_with_namespaces";
  std::vector<const Arg*> given;
  for (const auto& [key, arg] : b.named) given.push_back(&arg);
  for (const auto& arg : b.extra) given.push_back(&arg);
  for (const Arg* arg : given) {
    Value failure;
    auto names = method_strings(arg->value, namespaces_1x, *arg, name, failure);
    if (!names) return failure;
    strings.insert(strings.end(), names->begin(), names->end());
  }
  if (name == "tag") {
    std::vector<model::NodePtr> out;
    for (const auto& n : p->nodes) out.push_back(model::tag_node(n, strings, span));
    return pipeline_value(std::move(out), p->unknowns, span);
  }
  std::vector<std::string> missing;
  auto out = apply_filter(p->nodes, name, strings, missing);
  if (!missing.empty() && p->complete()) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span, filter_error(name, missing), {},
                              std::nullopt});
  }
  return pipeline_value(validated_filter_result(std::move(out), name, span), p->unknowns, span);
}

// only_nodes_with_namespaces lists a node once per namespace it matches and
// builds Pipeline(nodes) from that list: a node under two of the namespaces
// (`a` and `a.b`) is a duplicate name, as in Kedro.
std::vector<model::NodePtr> Interpreter::validated_filter_result(std::vector<model::NodePtr> nodes,
                                                                 const std::string& method, core::Span span) {
  if (method != "only_nodes_with_namespaces") return nodes;
  record_duplicate_node_names(nodes, span,
                              "A node matches more than one of these namespaces (one inside the other): list the "
                              "outer namespace only.");
  return model::union_nodes(nodes, {});
}

std::vector<model::NodePtr> Interpreter::apply_filter(const std::vector<model::NodePtr>& nodes,
                                                      const std::string& name, const std::vector<std::string>& names,
                                                      std::vector<std::string>& missing) const {
  if (name == "only_nodes_with_tags") return model::only_nodes_with_tags(nodes, names);
  if (name == "only_nodes") return model::only_nodes(nodes, names, missing);
  if (name == "only_nodes_with_inputs") return model::only_nodes_with_inputs(nodes, names, missing);
  if (name == "from_inputs") return model::from_inputs(nodes, names, missing);
  if (name == "only_nodes_with_outputs") return model::only_nodes_with_outputs(nodes, names, missing);
  if (name == "to_outputs") return model::to_outputs(nodes, names, missing);
  if (name == "from_nodes") return model::from_nodes(nodes, names, missing);
  if (name == "to_nodes") return model::to_nodes(nodes, names, missing);
  return model::only_nodes_with_namespaces(nodes, names, name == "only_nodes_with_namespaces", missing);
}

std::string Interpreter::filter_error(const std::string& name, const std::vector<std::string>& missing) {
  std::vector<std::string> quoted;
  for (const auto& n : missing) quoted.push_back(core::python_str_repr(n));
  const std::string list = "[" + core::join(quoted, ", ") + "]";
  if (name == "only_nodes" || name == "from_nodes" || name == "to_nodes") {
    return "Pipeline does not contain nodes named " + list + ".";
  }
  if (name == "only_nodes_with_namespaces") {
    return "Pipeline does not contain nodes with the following namespaces: " + list;
  }
  if (name == "only_nodes_with_namespace") return "Pipeline does not contain nodes with namespace '" + missing.front() + "'";
  return "Pipeline does not contain datasets named " + list;
}

Value Interpreter::pipeline_dataset_set(const model::PipelinePtr& p, const std::string& name, core::Span span) {
  if (!p->complete()) return make_unknown(p->unknowns.front().reason, p->unknowns.front().span);
  std::set<std::string> result;
  if (name == "inputs") result = model::free_inputs(p->nodes);
  else if (name == "outputs") result = model::free_outputs(p->nodes);
  else if (name == "datasets" || name == "data_sets") result = model::all_datasets(p->nodes);
  else {
    for (const auto& n : p->nodes) {
      for (const auto& d : name == "all_inputs" ? n->inputs : n->outputs) result.insert(d.name);
    }
  }
  auto set = std::make_shared<ListObj>();
  for (const auto& s : result) set->items.emplace_back(s);
  return Value(SetValue{set}, span);
}

// Pipeline.filter: each truthy argument selects nodes of the original
// pipeline through its method (called with `*argument`), and the results
// intersect; no node left raises ValueError.
Value Interpreter::pipeline_filter(const model::PipelinePtr& p, const std::map<std::string, Arg>& named,
                                   core::Span span) {
  static const std::map<std::string, std::string> kMethods = {
      {"tags", "only_nodes_with_tags"}, {"from_nodes", "from_nodes"},   {"to_nodes", "to_nodes"},
      {"node_names", "only_nodes"},     {"from_inputs", "from_inputs"}, {"to_outputs", "to_outputs"},
      {"node_namespaces", "only_nodes_with_namespaces"}, {"node_namespace", "only_nodes_with_namespace"}};
  std::vector<model::NodePtr> out = p->nodes;
  bool any = false;
  for (const auto& [key, arg] : named) {
    bool given = false;
    truthy_known(arg.value, given);
    if (!given) continue;
    any = true;
    const std::string& method = kMethods.at(key);
    // 0.19 passes [node_namespace]: one namespace; 1.x iterates node_namespaces.
    Value failure;
    auto names = method_strings(arg.value, key != "node_namespace", arg, "filter", failure);
    if (!names) return failure;
    std::vector<std::string> missing;
    auto part = validated_filter_result(apply_filter(p->nodes, method, *names, missing), method, span);
    if (!missing.empty() && p->complete()) {
      record_.errors.push_back({model::KedroError::Kind::ConstructionError, span, filter_error(method, missing), {},
                                std::nullopt});
    }
    out = model::intersection_nodes(out, part);
  }
  if (any && out.empty() && p->complete()) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span,
                              "Pipeline contains no nodes after applying all provided filters. Please ensure that at "
                              "least one pipeline with nodes has been defined.",
                              {}, std::nullopt});
  }
  return pipeline_value(std::move(out), p->unknowns, span);
}

// Kedro's `_create_pipeline(module)` for one module find_pipelines() found:
// its `create_pipeline()` result when that is a Pipeline (or Unknown), nullopt
// when Kedro warns and skips the module. `raise_key_error`: a folder of
// `pipelines/` under find_pipelines(raise_errors=True) from Kedro 1.3, where
// skipping raises KeyError("Pipeline '<folder>' not found") instead.
std::optional<Value> Interpreter::create_found_pipeline(const ModulePtr& module, const std::string& folder,
                                                        bool raise_key_error, core::Span span) {
  const Value* fn = module->globals->lookup_local("create_pipeline");
  if (!fn && module->dynamic_globals) {
    return pipeline_value({}, {{"whether `" + module->name + "` exposes `create_pipeline` is not known statically",
                                span}},
                          span);
  }
  std::string why;
  core::Span where = span;
  if (fn) {
    Value p = call(*fn, {}, span);
    if (p.is<PipelineValue>()) return p;
    if (p.is_unknown()) return pipeline_value({}, {p.unknown()}, span);
    why = "its `create_pipeline()` returns a `" + p.type_name() + "`, not a `Pipeline`";
    if (fn->is<FunctionPtr>()) where = fn->as<FunctionPtr>()->def_span;
  } else {
    why = "it does not expose a `create_pipeline` function";
    if (module->code.valid()) where = module->code.file->span(module->code.begin, module->code.end);
  }
  if (!raise_key_error) return std::nullopt;  // Kedro warns and skips the module
  record_.errors.push_back(
      {model::KedroError::Kind::ConstructionError, span,
       "find_pipelines(raise_errors=True) raises KeyError: \"Pipeline '" + folder + "' not found\": `" + module->name +
           "` cannot be loaded because " + why,
       {{where, "`" + module->name + "`"}},
       std::string("Expose `create_pipeline()` returning a Pipeline from the package's `__init__.py` "
                   "(`from .pipeline import create_pipeline`), or remove the folder.")});
  return reported_unknown("find_pipelines(raise_errors=True) raises KeyError for `" + module->name + "`", span);
}

Value Interpreter::kedro_find_pipelines(std::vector<Arg>& args, core::Span span) {
  const auto b = bind_call(args, kedro_api::find_pipelines_params(version_));
  if (!b.error.empty()) return kedro_type_error(b.error, span, b.help);
  if (const Value* filter = get(b, "pipelines_to_find"); filter && !filter->is_none()) {
    return make_unknown("find_pipelines(pipelines_to_find=...) is not evaluated", span);
  }
  const Value* raise_arg = get(b, "raise_errors");
  if (raise_arg && raise_arg->is_unknown()) return *raise_arg;
  const bool raise_errors = raise_arg && truthy(*raise_arg);
  // An import that fails raises ImportError with raise_errors (KL112 reports
  // the module); a folder whose module loads no Pipeline raises KeyError from
  // Kedro 1.3 (kedro/framework/project/__init__.py, find_pipelines).
  auto import_failed = [&](const std::string& name) {
    return reported_unknown("find_pipelines(raise_errors=True) raises ImportError: An error occurred while importing "
                            "the '" + name + "' module.",
                            span);
  };
  auto result = std::make_shared<DictObj>();
  // The simplified layout: <package>/pipeline.py seeds __default__.
  Value default_pipeline = pipeline_value({}, {}, span);
  const std::string simple_name = package_ + ".pipeline";
  if (ModulePtr simple = import_module(simple_name, span); simple && !simple->failed) {
    if (auto p = create_found_pipeline(simple, "__default__", false, span)) default_pipeline = *p;
  } else if (simple && raise_errors) {
    return import_failed(simple_name);
  }
  result->set(Value(std::string("__default__")), default_pipeline);
  for (const auto& n : pipeline_folders()) {
    const std::string name = package_ + ".pipelines." + n;
    const ModulePtr module = import_module(name, span);
    if (!module || module->failed) {
      if (raise_errors) return import_failed(name);
      continue;  // Kedro warns and skips the folder
    }
    auto p = create_found_pipeline(module, n, raise_errors && version_.at_least(1, 3), span);
    if (p && p->is_unknown()) return *p;
    if (p) result->set(Value(n), *p);
  }
  return Value(DictPtr(result), span);
}

// The folders of <package>/pipelines/ that find_pipelines() imports.
std::vector<std::string> Interpreter::pipeline_folders() const {
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
  return names;
}

}  // namespace kedrolint::python
