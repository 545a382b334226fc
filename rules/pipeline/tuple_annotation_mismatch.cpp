// KL109 tuple-annotation-mismatch
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it does
Compares the number of outputs of a node given as a list with the return
annotation of its function when that annotation is a fixed-size tuple
(`tuple[A, B]`, `typing.Tuple[A, B]`).

## Why is this bad?
Kedro unpacks the returned tuple into the listed outputs; a different count
fails at run time with `ValueError` after all the upstream work has been
done.

## Example
```python
def split_data(data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series, pd.Series]:
    ...

node(split_data, "model_input_table", ["X_train", "X_test", "y_train"])
```

Use instead:
```python
node(split_data, "model_input_table", ["X_train", "X_test", "y_train", "y_test"])
```
)md";

// Element count of a fixed tuple annotation, or -1 when it is not one.
int tuple_arity(const std::string& annotation) {
  const auto open = annotation.find('[');
  if (open == std::string::npos || annotation.back() != ']') return -1;
  const std::string head = annotation.substr(0, open);
  if (head != "tuple" && head != "Tuple" && head != "typing.Tuple" && head != "builtins.tuple") return -1;
  int depth = 0, count = 1;
  const std::string body = annotation.substr(open + 1, annotation.size() - open - 2);
  if (body.empty() || body == "()") return 0;
  for (const char c : body) {
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (c == ',' && depth == 0) ++count;
  }
  if (body.find("...") != std::string::npos) return -1;
  return count;
}

void check(const model::Project& project, RuleContext& ctx) {
  for (const auto& n : project.constructed_nodes) {
    if (n->outputs_form != model::IoForm::List || n->func->is_partial) continue;
    const int arity = tuple_arity(n->func->return_annotation);
    if (arity < 0 || static_cast<std::size_t>(arity) == n->outputs.size()) continue;
    core::Span where = n->outputs.empty() ? n->span : n->outputs.front().span;
    ctx.report(where, "node `" + n->name + "` lists " + std::to_string(n->outputs.size()) + " outputs, but `" +
                          n->func->name + "` returns " + n->func->return_annotation)
        .related(n->func->def_span, "`" + n->func->name + "` is annotated here")
        .help("List exactly " + std::to_string(arity) + " outputs, one per tuple element.");
  }
}

}  // namespace

extern const RuleBody tuple_annotation_mismatch{"the number of outputs does not match the returned tuple", kDoc,
                                                check};

}  // namespace kedrolint::rules
