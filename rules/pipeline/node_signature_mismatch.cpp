// KL108 node-signature-mismatch
#include <algorithm>

#include "core/text.hpp"
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Checks that a node's inputs can be passed to its function the way Kedro
passes them: a string or a list of names as positional arguments, a dict as
keyword arguments. Reports too many or too few positional inputs, dict keys
that are not parameters of the function, and required parameters left
without an input. Defaults, `*args`, `**kwargs` and `functools.partial`
arguments are taken into account; functions from outside the project are
not checked.

## Why is this bad?
Kedro binds the inputs to `inspect.signature(func)` when the node is built
and raises `TypeError: Inputs of 'f' function expected [...], but got [...]`,
so the project does not load.

## Example
```python
def train_model(X_train, y_train):
    ...

node(train_model, ["X_train", "y_train", "params:model_options"], "regressor")
```

Use instead:
```python
def train_model(X_train, y_train, model_options):
    ...

node(train_model, ["X_train", "y_train", "params:model_options"], "regressor")
```
)md";

using Kind = model::Param::Kind;

std::string describe(const model::FuncInfo& f) {
  std::vector<std::string> names;
  for (const auto& p : f.signature.params) {
    names.push_back(p.kind == Kind::VarPositional ? "*" + p.name : p.kind == Kind::VarKeyword ? "**" + p.name : p.name);
  }
  return "`" + f.name + "(" + core::join(names, ", ") + ")`";
}

// What Python's Signature.bind would complain about, or empty.
std::string bind_problem(const model::Node& n) {
  const auto& params = n.func->signature.params;
  std::vector<bool> bound(params.size(), false);
  const bool var_pos = std::any_of(params.begin(), params.end(), [](const auto& p) { return p.kind == Kind::VarPositional; });
  const bool var_kw = std::any_of(params.begin(), params.end(), [](const auto& p) { return p.kind == Kind::VarKeyword; });
  if (n.inputs_form == model::IoForm::Dict) {
    for (const auto& key : n.input_keys) {
      auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) {
        return p.name == key && p.kind != Kind::VarPositional && p.kind != Kind::VarKeyword && p.kind != Kind::PositionalOnly;
      });
      if (it != params.end()) {
        bound[static_cast<std::size_t>(it - params.begin())] = true;
      } else if (!var_kw) {
        std::vector<std::string> names;
        for (const auto& p : params) names.push_back(p.name);
        const auto close = core::close_matches(key, names, 1);
        return "the input key `" + key + "` is not a parameter of " + describe(*n.func) +
               (close.empty() ? "" : " (did you mean `" + close.front() + "`?)");
      }
    }
  } else {
    std::size_t positional_params = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].kind == Kind::PositionalOnly || params[i].kind == Kind::PositionalOrKeyword) ++positional_params;
    }
    const std::size_t given = model::written_inputs(n).size();
    if (given > positional_params && !var_pos) {
      return std::to_string(given) + " inputs are passed positionally to " + describe(*n.func) + ", which takes " +
             (positional_params == 0 ? "no" : "at most " + std::to_string(positional_params)) + " positional argument" +
             (positional_params == 1 ? "" : "s");
    }
    std::size_t k = 0;
    for (std::size_t i = 0; i < params.size() && k < given; ++i) {
      if (params[i].kind == Kind::PositionalOnly || params[i].kind == Kind::PositionalOrKeyword) {
        bound[i] = true;
        ++k;
      }
    }
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (!bound[i] && !p.has_default && p.kind != Kind::VarPositional && p.kind != Kind::VarKeyword) missing.push_back(p.name);
  }
  if (!missing.empty()) {
    return describe(*n.func) + " gets no input for " + core::quoted_list(missing);
  }
  return {};
}

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& n : project.constructed_nodes) {
    if (!n->func->signature.known || n->func->external) continue;
    const std::string problem = bind_problem(*n);
    if (problem.empty()) continue;
    const auto& written = model::written_inputs(*n);
    core::Span where = written.empty() ? n->span : written.front().span;
    ctx.report(where, "node `" + n->name + "`: " + problem)
        .related(n->func->def_span, "`" + n->func->name + "` is defined here")
        .help(n->inputs_form == model::IoForm::Dict
                  ? "Use the function's parameter names as the keys of `inputs`."
                  : "Pass one input per parameter, in order, or use a dict to bind inputs by name.");
  }
}

}  // namespace

extern const RuleBody node_signature_mismatch{"node inputs do not fit the function's parameters", kDoc, check};

}  // namespace kedrolint::rules
