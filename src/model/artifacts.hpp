#pragma once
// Artifact kinds (model, table, array, metrics, plot, media, text, object)
// inferred statically from dataset classes, type hints and catalog metadata.
#include <map>
#include <string>
#include <vector>

#include "core/span.hpp"

namespace kedrolint::model {

struct Project;

/// One source's say on a dataset's kind.
struct KindEvidence {
  std::string source;  ///< "metadata", "class", "producer", "consumer"
  std::string kind;    ///< empty when the source does not decide
  std::string detail;  ///< e.g. "`train` returns sklearn.linear_model.LinearRegression"
  core::Span span;
  bool weak = false;   ///< dict[str, float] says "metrics" only with support
  std::string type;    ///< the Python type behind producer/consumer evidence
  std::string known_type{};  ///< the type the tables know: `type` itself, or the base class of a project class
  /// Producer/consumer evidence: how many alternatives the annotation at this
  /// site (`span`) has, those without a known kind included. Evidence with the
  /// same source and span are the alternatives of one Union.
  std::size_t alternatives = 1;
};

struct ArtifactKind {
  std::string kind = "unknown";
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
bool class_accepts(const std::string& type, const std::string& class_kind, const std::string& produced);

/// A parsed annotation: `tuple[a, b]`, `Optional[x]`, `x | None`...
struct TypeTerm {
  std::string name;
  std::vector<TypeTerm> args;
};
/// The alternatives of an annotation, with `None` and Optional/Union removed.
std::vector<TypeTerm> annotation_alternatives(const std::string& annotation);

/// Fills `project.kinds` for every dataset of the registered pipelines.
void infer_kinds(Project& project, const ArtifactsConfig& config);

/// The kinds a dataset has evidence for: the final kind is metadata, then a
/// deciding class, then agreeing producers, then consumers.
inline constexpr const char* kKinds[] = {"model", "table", "array", "metrics", "plot", "media", "text", "object"};

}  // namespace kedrolint::model
