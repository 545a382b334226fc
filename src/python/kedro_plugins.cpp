// Callables outside `node()`/`pipeline()` that real projects build pipelines
// with: kedro-mlflow's `pipeline_ml_factory` and Kedro's LLM context nodes
// (kedro/pipeline/llm_context.py, Kedro 1.2+).
#include <algorithm>
#include <set>

#include "model/kedro_ops.hpp"
#include "python/interpreter.hpp"

namespace kedrolint::python {

namespace {

struct Signature {
  std::string callable;
  std::vector<std::string> positional;  ///< positional-or-keyword, in order
  std::vector<std::string> keyword_only;
  std::vector<std::string> required;
};

// Binds arguments by name the way Python does; the TypeError text otherwise.
std::map<std::string, Value> bind(const std::vector<Arg>& args, const Signature& sig, std::string& error) {
  std::map<std::string, Value> out;
  std::size_t next = 0;
  for (const auto& a : args) {
    const std::string* name = nullptr;
    if (!a.keyword) {
      if (next >= sig.positional.size()) {
        error = sig.callable + "() takes " + std::to_string(sig.positional.size()) + " positional argument" +
                (sig.positional.size() == 1 ? "" : "s") + " but more were given";
        return out;
      }
      name = &sig.positional[next++];
    } else {
      const bool known = std::count(sig.positional.begin(), sig.positional.end(), *a.keyword) ||
                         std::count(sig.keyword_only.begin(), sig.keyword_only.end(), *a.keyword);
      if (!known) {
        error = sig.callable + "() got an unexpected keyword argument '" + *a.keyword + "'";
        return out;
      }
      name = &*a.keyword;
    }
    if (!out.emplace(*name, a.value).second) {
      error = sig.callable + "() got multiple values for argument '" + *name + "'";
      return out;
    }
  }
  // CPython: positional ones first ("missing 1 required positional argument: 'a'"),
  // then keyword-only ones ("missing 2 required keyword-only arguments: 'a' and 'b'").
  for (const bool keyword_only : {false, true}) {
    std::vector<std::string> missing;
    for (const auto& r : sig.required) {
      const bool is_kw = std::count(sig.keyword_only.begin(), sig.keyword_only.end(), r) > 0;
      if (is_kw == keyword_only && !out.count(r)) missing.push_back("'" + r + "'");
    }
    if (missing.empty()) continue;
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      list += missing[i];
    }
    error = sig.callable + "() missing " + std::to_string(missing.size()) + " required " +
            (keyword_only ? "keyword-only" : "positional") + " argument" + (missing.size() == 1 ? "" : "s") + ": " +
            list;
    return out;
  }
  return out;
}

const Value* arg(const std::map<std::string, Value>& bound, const std::string& name) {
  auto it = bound.find(name);
  return it == bound.end() || it->second.is_none() ? nullptr : &it->second;
}

Value pipeline_of(std::vector<model::NodePtr> nodes, std::vector<model::Unknown> unknowns, core::Span span) {
  auto p = std::make_shared<model::Pipeline>();
  p->nodes = std::move(nodes);
  p->unknowns = std::move(unknowns);
  p->span = span;
  return Value(PipelineValue{p}, span);
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

// PipelineML.__init__'s checks (kedro_mlflow/pipeline/pipeline_ml.py): the
// error text, or empty when the pipelines are accepted.
std::string pipeline_ml_error(const model::Pipeline& training, const model::Pipeline& inference,
                              const Value* input_name) {
  const auto outputs = model::free_outputs(inference.nodes);
  if (outputs.size() != 1) {
    return "The inference pipeline must have one and only one output. You are trying to set a inference pipeline "
           "with '" + std::to_string(outputs.size()) + "' output(s)";
  }
  const auto inputs = model::free_inputs(inference.nodes);
  const std::string name = input_name && input_name->is_str() ? input_name->str() : "";
  if (!input_name || !input_name->is_str() || !inputs.count(name)) {
    return "input_name='" + (input_name ? py_str(*input_name).value_or("?") : std::string("None")) +
           "' but it must be an input of 'inference', i.e. one of: " + joined(inputs);
  }
  std::set<std::string> known = model::free_inputs(training.nodes);
  for (const auto& n : training.nodes) {
    for (const auto& d : n->outputs) known.insert(d.name);
  }
  std::set<std::string> free;
  for (const auto& i : inputs) {
    if (i != name && !known.count(i) && i.rfind("params:", 0) != 0) free.insert(i);
  }
  if (!free.empty()) return "The following inputs are free for the inference pipeline: " + joined(free);
  return {};
}

}  // namespace

// pipeline_ml_factory(training, inference, input_name=None, kpm_kwargs=None,
// log_model_kwargs=None) returns PipelineML(nodes=training.nodes, ...): a
// Pipeline of the training pipeline's nodes (no tags, no namespace), after
// PipelineML checks the inference pipeline against it.
Value Interpreter::mlflow_pipeline_ml_factory(std::vector<Arg>& args, core::Span span) {
  std::string error;
  const auto b = bind(args,
                      {"pipeline_ml_factory", {"training", "inference", "input_name", "kpm_kwargs", "log_model_kwargs"},
                       {}, {"training", "inference"}},
                      error);
  if (!error.empty()) return kedro_type_error(error, span, std::nullopt);
  const Value& training = b.at("training");
  const Value& inference = b.at("inference");
  for (const Value* v : {&training, &inference}) {
    if (v->is_unknown()) return *v;
    if (!v->is<PipelineValue>()) {
      return make_unknown("`pipeline_ml_factory()` of a `" + v->type_name() + "`, not a Pipeline, is not evaluated",
                          span);
    }
  }
  const auto& train = *training.as<PipelineValue>().pipeline;
  const auto& infer = *inference.as<PipelineValue>().pipeline;
  if (const Value* name = arg(b, "input_name"); name && name->is_unknown()) return *name;
  if (const Value* kwargs = arg(b, "log_model_kwargs"); kwargs && !kwargs->is<DictPtr>()) {
    return make_unknown("`log_model_kwargs` of `pipeline_ml_factory()` is not known statically", span);
  }
  std::vector<model::Unknown> unknowns = train.unknowns;
  if (!infer.complete()) {
    model::Unknown u = infer.unknowns.front();
    u.reason = "whether kedro-mlflow accepts the inference pipeline is not known: " + u.reason;
    unknowns.push_back(u);
    return pipeline_of(train.nodes, std::move(unknowns), span);
  }
  if (!train.complete()) return pipeline_of(train.nodes, std::move(unknowns), span);
  if (auto why = pipeline_ml_error(train, infer, arg(b, "input_name")); !why.empty()) {
    record_.errors.push_back({model::KedroError::Kind::ConstructionError, span,
                              "kedro-mlflow raises KedroMlflowPipelineMLError: " + why, {}, std::nullopt});
    model::Unknown u{"`pipeline_ml_factory()` raises KedroMlflowPipelineMLError", span};
    u.reported = true;
    return Value(UnknownValue{std::make_shared<const model::Unknown>(std::move(u))}, span);
  }
  return pipeline_of(train.nodes, {}, span);
}

// tool(func, *inputs) -> _ToolConfig(func, list(inputs)), kept as a tuple.
Value Interpreter::kedro_tool(std::vector<Arg>& args, core::Span span) {
  std::vector<Value> inputs;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].keyword) return kedro_type_error("tool() got an unexpected keyword argument", span, std::nullopt);
    inputs.push_back(args[i].value);
  }
  if (args.empty() || args.front().keyword) return kedro_type_error("tool() missing argument: 'func'", span, std::nullopt);
  return make_tuple({args.front().value, make_list(std::move(inputs), span)}, span);
}

// LLMContextNode(*, outputs, llm, prompts, tools=None, ...) builds
// Node(func=construct_context, inputs={"llm": llm, <prompt>: <prompt>...,
// <tool input>: <tool input>...}, ...), where construct_context(llm, **kwargs)
// is a closure of LLMContextNode.__init__; llm_context_node() returns one.
Value Interpreter::kedro_llm_context_node(std::vector<Arg>& args, core::Span span, bool is_class) {
  std::string error;
  const auto b = bind(args,
                      {is_class ? "LLMContextNode.__init__" : "llm_context_node", {},
                       {"outputs", "llm", "prompts", "tools", "name", "tags", "confirms", "namespace", "preview_fn"},
                       {"outputs", "llm", "prompts"}},
                      error);
  if (!error.empty()) return kedro_type_error(error, span, std::nullopt);
  auto inputs = std::make_shared<DictObj>();
  inputs->set(Value(std::string("llm")), b.at("llm"));
  Value failure;
  auto prompts = iterate(b.at("prompts"), span, failure);
  if (!prompts) return failure;
  for (const auto& p : *prompts) {
    if (!p.is_str()) return p.is_unknown() ? p : make_unknown("`prompts` must be dataset names", span);
    inputs->set(p, p);
  }
  if (const Value* tools = arg(b, "tools")) {
    auto items = iterate(*tools, span, failure);
    if (!items) return failure;
    for (const auto& t : *items) {
      if (!t.is<TupleValue>() || t.as<TupleValue>().items->size() != 2) {
        return t.is_unknown() ? t : make_unknown("a tool that is not built by `tool()` is not evaluated", span);
      }
      auto tool_inputs = iterate(t.as<TupleValue>().items->at(1), span, failure);
      if (!tool_inputs) return failure;
      for (const auto& i : *tool_inputs) inputs->set(i, i);
    }
  }
  auto fn = std::make_shared<FunctionObj>();
  fn->module = fn->def_module = "kedro.pipeline.llm_context";
  fn->name = "construct_context";
  fn->qualname = "LLMContextNode.__init__.<locals>.construct_context";
  fn->signature.known = true;
  fn->signature.params = {{"llm", model::Param::Kind::PositionalOrKeyword, false, "object"},
                          {"kwargs", model::Param::Kind::VarKeyword, false, ""}};
  fn->defaults = {std::nullopt, std::nullopt};
  fn->return_annotation = "LLMContext";
  std::vector<Arg> node_args{{std::nullopt, Value(FunctionPtr(fn), span), span},
                             {std::nullopt, Value(DictPtr(inputs), span), span},
                             {std::nullopt, b.at("outputs"), span}};
  for (const char* key : {"name", "tags", "confirms", "namespace", "preview_fn"}) {
    if (auto it = b.find(key); it != b.end()) node_args.push_back({std::string(key), it->second, span});
  }
  return kedro_node(node_args, span, true);
}

}  // namespace kedrolint::python
