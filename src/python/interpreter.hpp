#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/kedro_error.hpp"
#include "project/kedro_version.hpp"
#include "python/kedro_api_versions.hpp"
#include "python/module_index.hpp"
#include "python/source_store.hpp"
#include "python/value.hpp"

namespace kedrolint::python {

/// Bounds that keep evaluation finite on hostile input (docs/evaluation.md).
/// Hitting a per-value limit makes that value Unknown; exhausting the steps or
/// the built bytes stops the whole evaluation (BudgetExceeded).
struct Limits {
  /// Statements and expressions evaluated. A 10,000-node bench project takes
  /// about 200,000; 10 million take 2 to 3 seconds.
  std::size_t max_steps = 10'000'000;
  /// Nested calls to project functions (CPython's own recursion limit is 1,000).
  int max_call_depth = 1000;
  /// Nested expressions within one function body.
  int max_expr_depth = 150;
  std::size_t max_collection = 1'000'000;
  std::size_t max_string = 10'000'000;
  /// Bytes of collection slots and string text built, copies included. A
  /// 10,000-node bench project builds about 7 MB.
  std::size_t max_built_bytes = std::size_t{512} << 20;
};

/// A call argument: positional (no keyword) or keyword.
struct Arg {
  std::optional<std::string> keyword;
  Value value;
  core::Span span;  ///< the argument expression
};

/// Unwinds the evaluation of the current function when its result cannot be
/// known (a condition on an unknown value, a statement kedrolint does not
/// evaluate). The call that was running becomes Unknown(why).
struct Abort {
  model::Unknown why;
};

/// Thrown when the evaluation budget is exhausted; ends the whole evaluation.
struct BudgetExceeded {
  model::Unknown why;
};

/// What the Kedro API implementations record while building pipelines.
struct Record {
  std::vector<model::KedroError> errors;
  std::vector<model::MappingApplication> mappings;
  std::vector<model::NodePtr> nodes;  ///< every node() built, before any namespacing
  /// Every project class defined ("module.qualname") -> the dotted names of
  /// its bases that are known (imported names or project classes).
  std::map<std::string, std::vector<std::string>> class_bases;
  /// Project code read the parameters through a config loader it built
  /// (`loader["parameters"]`): which keys it uses is not tracked.
  bool parameters_read_by_code = false;
};

/// What project code asks of the configuration: `loader[key]` of an
/// `OmegaConfigLoader` it built with these arguments.
struct ConfigRequest {
  ConfigLoaderValue loader;
  std::string key;
  core::Span span;
};
/// Reads one configuration key as a Python value (dicts, lists, scalars),
/// or an Unknown saying why it cannot be known.
using ConfigReader = std::function<Value(const ConfigRequest&)>;

/// The static evaluator: executes project modules and functions over the
/// values of value.hpp, with Kedro's node/pipeline API implemented natively.
class Interpreter {
 public:
  Interpreter(SourceStore& store, ModuleIndex index, project::KedroVersion version, std::string package,
              Limits limits = {});
  /// Values reference their scopes and scopes their values (a module's
  /// functions point back at the module): the destructor breaks the cycles.
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  /// Imports a project module (executing it once). Null when the module is
  /// not in the project; a module that Python could not import has `failed`.
  ModulePtr import_module(const std::string& dotted, core::Span where);
  Value call(const Value& callee, std::vector<Arg> args, core::Span span);
  Value get_attr(const Value& obj, const std::string& name, core::Span span);

  Record& record() { return record_; }
  /// Lets project code read the configuration (`OmegaConfigLoader(...)["parameters"]`);
  /// without a reader such reads are Unknown.
  void set_config_reader(ConfigReader reader) { config_reader_ = std::move(reader); }
  [[nodiscard]] const project::KedroVersion& version() const { return version_; }
  [[nodiscard]] const ModuleIndex& index() const { return index_; }
  [[nodiscard]] std::size_t steps() const { return steps_; }
  [[nodiscard]] std::size_t built_bytes() const { return meter_.bytes; }

  /// One Python frame: its variables, module and source.
  struct Frame {
    ScopePtr locals;
    ModulePtr module;
    const parse::PythonSource* src = nullptr;
    SourceStore::Tree pin;  ///< keeps `src` alive while a module or function body runs
    std::string qualprefix;  ///< "outer.<locals>." inside functions, "Cls." in class bodies
    bool module_level = false;
    Value returned;
    ClassPtr owner_class;  ///< in a class body: the class being defined
    FunctionPtr function;  ///< the function running (for `super()` in methods)
    Value self;            ///< a method's first argument
  };

 private:
  enum class Flow { Normal, Return, Break, Continue };

  // interpreter.cpp: modules, statements, calls
  void execute_module(const ModulePtr& module, SourceStore::Tree tree);
  Flow exec_block(parse::ts::Node block, Frame& f);
  Flow exec_stmt(parse::ts::Node stmt, Frame& f);
  void exec_expression_statement(parse::ts::Node expr, Frame& f);
  void exec_delete(parse::ts::Node target, Frame& f);
  void delete_item(parse::ts::Node subscript, Frame& f);
  /// False when the statement raised: the module's import fails.
  bool exec_stmt_at_module_level(parse::ts::Node stmt, Frame& f);
  [[nodiscard]] bool is_project_module_name(const std::string& dotted) const;
  static model::Unknown import_error(std::string reason, core::Span span, std::string missing,
                                     std::vector<std::string> suggestions, std::string exception = "ImportError");
  /// The error a failed module re-raises in the module that imports it.
  static model::Unknown reraise_import_failure(const ModulePtr& failed, std::string reason, core::Span span);
  void throw_if_not_importable(const ModulePtr& module, const std::string& name, core::Span span);
  /// `module` (name empty) or `module.name` does not exist in the targeted Kedro version.
  void throw_if_missing_in_kedro(const std::string& module, const std::string& name, core::Span span);
  void exec_import(parse::ts::Node stmt, Frame& f);
  void exec_import_from(parse::ts::Node stmt, Frame& f);
  Flow exec_for(parse::ts::Node stmt, Frame& f);
  Flow exec_if(parse::ts::Node stmt, Frame& f);
  Flow exec_try(parse::ts::Node stmt, Frame& f);
  /// The `except` clause that catches `raised`, or a null node; throws a
  /// (non-error) Abort when that cannot be decided statically.
  parse::ts::Node find_handler(parse::ts::Node stmt, const model::Unknown& raised, Frame& f);
  Flow run_handler(parse::ts::Node clause, Frame& f);
  Flow exec_finally(parse::ts::Node stmt, Frame& f);
  void exec_assign(parse::ts::Node stmt, Frame& f);
  void exec_aug_assign(parse::ts::Node stmt, Frame& f);
  /// `decorated`: the decorated_definition holding `def`, if any.
  Value define_function(parse::ts::Node def, Frame& f, bool is_lambda, parse::ts::Node decorated = {});
  Value define_class(parse::ts::Node def, Frame& f);
  void assign(parse::ts::Node target, const Value& value, Frame& f);
  void bind_name(const std::string& name, Value value, Frame& f);
  Value call_function(const FunctionPtr& fn, std::vector<Arg> args, core::Span span);
  Value attribute_of_module(const ModulePtr& module, const std::string& name, core::Span span);

  // expressions.cpp
  Value eval(parse::ts::Node expr, Frame& f);
  Value eval_inner(parse::ts::Node expr, Frame& f);
  Value lookup(const std::string& name, parse::ts::Node at, Frame& f);
  Value eval_attribute(parse::ts::Node expr, Frame& f);
  Value eval_call(parse::ts::Node call, Frame& f);
  std::optional<std::vector<Arg>> eval_arguments(parse::ts::Node arguments, Frame& f, Value& unknown);
  Value eval_binary(parse::ts::Node expr, Frame& f);
  Value eval_comparison(parse::ts::Node expr, Frame& f);
  Value eval_subscript(parse::ts::Node expr, Frame& f);
  Value eval_string(parse::ts::Node expr, Frame& f);
  Value eval_display(parse::ts::Node expr, Frame& f);
  Value eval_dict(parse::ts::Node expr, Frame& f);
  Value eval_comprehension(parse::ts::Node expr, Frame& f);
  Value binary_op(const std::string& op, const Value& a, const Value& b, core::Span span);
  std::optional<std::vector<Value>> iterate(const Value& v, core::Span span, Value& unknown);
  std::string annotation_text(parse::ts::Node type, Frame& f);

  // builtins.cpp
  Value call_builtin(const std::string& name, std::vector<Arg>& args, core::Span span);
  Value call_method(const BoundMethod& m, std::vector<Arg>& args, core::Span span);
  Value call_external(const External& e, std::vector<Arg>& args, core::Span span);
  std::optional<Value> builtin_attribute(const Value& obj, const std::string& name, core::Span span);

  // node_subclass.cpp: project subclasses of Kedro's Node
  Value instantiate(const ClassPtr& cls, std::vector<Arg> args, core::Span span);
  /// Runs the first `__init__` found from `chain[from]` on, or `Node.__init__`.
  Value run_node_init(const std::vector<ClassPtr>& chain, std::size_t from, const InstancePtr& self,
                      std::vector<Arg> args, core::Span span);
  Value node_base_init(const InstancePtr& self, std::vector<Arg> args, core::Span span);
  Value super_call(parse::ts::Node call, Frame& f);
  Value instance_attribute(const InstancePtr& self, const std::string& name, core::Span span);
  void set_instance_attribute(const InstancePtr& self, const std::string& name, const Value& value, core::Span span);

  // kedro_plugins.cpp: kedro-mlflow's pipeline_ml_factory, Kedro's LLM context nodes
  Value mlflow_pipeline_ml_factory(std::vector<Arg>& args, core::Span span);
  Value kedro_llm_context_node(std::vector<Arg>& args, core::Span span, bool is_class);
  Value kedro_tool(std::vector<Arg>& args, core::Span span);

  // config_loader_api.cpp: an OmegaConfigLoader built by project code, `settings.X`
  Value kedro_config_loader(std::vector<Arg>& args, core::Span span);
  Value config_loader_item(const ConfigLoaderValue& loader, const Value& key, core::Span span);
  /// `kedro.framework.project.settings.<name>`: the project's settings.py value, or Kedro's default.
  Value project_setting(const std::string& name, core::Span span);

  // kedro_api.cpp
  Value kedro_node(std::vector<Arg>& args, core::Span span, bool is_class);
  /// Records the TypeError Kedro's API raises for a call (KL110); the call is Unknown.
  Value kedro_type_error(const std::string& message, core::Span span, std::optional<std::string> help);
  /// The AttributeError/ImportError Unknown for a name another Kedro version has.
  static Value kedro_api_error(const kedro_api::Missing& missing, const std::string& exception, core::Span span);
  Value kedro_pipeline(std::vector<Arg>& args, core::Span span, bool is_class);
  Value kedro_find_pipelines(std::vector<Arg>& args, core::Span span);
  std::optional<Value> create_found_pipeline(const ModulePtr& module, const std::string& folder, bool raise_key_error,
                                             core::Span span);
  [[nodiscard]] std::vector<std::string> pipeline_folders() const;
  Value pipeline_method(const model::PipelinePtr& p, const std::string& name, std::vector<Arg>& args,
                        core::Span span);
  std::optional<Value> pipeline_attribute(const model::PipelinePtr& p, const std::string& name, core::Span span);
  std::optional<std::vector<std::string>> method_strings(const Value& v, bool str_chars, const Arg& arg,
                                                         const std::string& method, Value& failure);
  std::vector<model::NodePtr> apply_filter(const std::vector<model::NodePtr>& nodes, const std::string& name,
                                           const std::vector<std::string>& names,
                                           std::vector<std::string>& missing) const;
  static std::string filter_error(const std::string& name, const std::vector<std::string>& missing);
  std::vector<model::NodePtr> validated_filter_result(std::vector<model::NodePtr> nodes, const std::string& method,
                                                      core::Span span);
  void record_duplicate_node_names(const std::vector<model::NodePtr>& nodes, core::Span span, const std::string& help);
  Value pipeline_dataset_set(const model::PipelinePtr& p, const std::string& name, core::Span span);
  Value pipeline_filter(const model::PipelinePtr& p, const std::map<std::string, Arg>& named, core::Span span);
  std::optional<Value> node_attribute(const model::NodePtr& n, const std::string& name, core::Span span);
  Value pipeline_binary(const std::string& op, const Value& a, const Value& b, core::Span span);
  /// `sum(pipelines)` in one union instead of one per item (the same nodes in
  /// the same order, since no intermediate pipeline is validated); nullopt
  /// unless every item is a Pipeline.
  std::optional<Value> pipeline_sum(const std::vector<Value>& items, core::Span span);

  void step(core::Span span);
  ScopePtr new_scope();
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  SourceStore& store_;
  ModuleIndex index_;
  project::KedroVersion version_;
  std::string package_;
  Limits limits_;
  std::map<std::string, ModulePtr> modules_;
  std::vector<std::weak_ptr<Scope>> scopes_;  ///< every scope made, to break cycles at the end
  ScopePtr builtins_;
  Record record_;
  ConfigReader config_reader_;
  std::size_t steps_ = 0;
  AllocationMeter meter_;
  int call_depth_ = 0;
  int expr_depth_ = 0;
};

}  // namespace kedrolint::python
