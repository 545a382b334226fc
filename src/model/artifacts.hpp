#pragma once
// Artifact kinds (model, table, array, metrics, plot, media, text, object)
// inferred statically from dataset classes, type hints and catalog metadata.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::model {

struct Project;

struct Node;
struct Param;

/// One source's say on a dataset's kind. There are tens of thousands in a
/// large project, so it holds no strings of its own: `source` and `kind` are
/// static, the types are interned (Project::artifact_type_names), and the
/// sentence that explains it is written only when asked for.
struct KindEvidence {
  std::string_view source;  ///< "metadata", "class", "producer", "consumer" (static)
  std::string_view kind;    ///< one of kKinds (static); empty when the source does not decide
  core::Span span;
  bool weak = false;        ///< dict[str, float] says "metrics" only with support
  /// Producer/consumer: the Python type behind the evidence; class: the
  /// dataset class of the catalog entry.
  std::string_view type;
  std::string_view known_type;  ///< the type the tables know: `type` itself, or the base class of a project class
  bool base_known = false;       ///< `known_type` is a base class of `type`, not `type` itself
  /// Producer/consumer evidence: how many alternatives the annotation at this
  /// site (`span`) has, those without a known kind included. Evidence with the
  /// same source and span are the alternatives of one Union.
  std::uint32_t alternatives = 1;
  const Node* node = nullptr;    ///< producer/consumer: the node (owned by the project's pipelines)
  const Param* param = nullptr;  ///< consumer: the parameter that receives the dataset
  bool has_entry = true;         ///< class: false when no catalog entry declares the dataset

  /// What the evidence says, e.g. "`train` (node `train_node`) returns sklearn.linear_model.LinearRegression".
  [[nodiscard]] std::string detail() const;
};

struct ArtifactKind {
  std::string_view kind = "unknown";  ///< one of kKinds or "unknown" (static)
  std::vector<KindEvidence> evidence;
};

/// User additions from `[tool.kedrolint.artifacts]`, consulted before the
/// built-in tables (rules/data/).
struct ArtifactsConfig {
  std::vector<std::pair<std::string, std::string>> dataset_kinds;  ///< class pattern -> kind
  std::vector<std::pair<std::string, std::string>> type_kinds;     ///< Python type pattern -> kind
};

/// The kind of a fully qualified Python type, or "" when the tables do not know it.
std::string kind_of_type(const std::string& qualified, const ArtifactsConfig& config);
/// The kind a dataset class implies, or "" when the class alone does not decide.
std::string kind_of_dataset_type(const std::string& type, const std::string& qualified, const ArtifactsConfig& config);

/// Whether a dataset class of kind `class_kind` (the class `type`) can save a
/// value of kind `produced`: its own kind, or a kind it converts (a plotly
/// writer builds its figure from a table; tables and arrays are both tabular).
bool class_accepts(std::string_view type, std::string_view class_kind, std::string_view produced);

/// A parsed annotation: `tuple[a, b]`, `Optional[x]`, `x | None`...
struct TypeTerm {
  std::string name;
  std::vector<TypeTerm> args;
};
/// The alternatives of an annotation, with `None` and Optional/Union removed.
std::vector<TypeTerm> annotation_alternatives(const std::string& annotation);

/// The static copy of a kind name (one of kKinds, or "unknown").
std::string_view static_kind(std::string_view kind);

/// Fills `project.kinds` for every dataset of the registered pipelines.
void infer_kinds(Project& project, const ArtifactsConfig& config);

/// The kinds a dataset has evidence for: the final kind is metadata, then a
/// deciding class, then agreeing producers, then consumers.
inline constexpr const char* kKinds[] = {"model", "table", "array", "metrics", "plot", "media", "text", "object"};

}  // namespace kedrolint::model
