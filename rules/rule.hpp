#pragma once
// The contract between the engine and one rule. Rules see only the model and
// core types: no tree-sitter, no yaml-cpp, no I/O.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace kedrolint::model {
struct Project;
}
namespace kedrolint::suppress {
struct Usage;
}

namespace kedrolint::rules {

enum class Category { Project, Pipeline, Namespace, Catalog, Deployment, Artifact };
std::string_view to_string(Category c);

/// When a rule runs: on the model, or after suppressions were applied
/// (only the unused-suppression rule needs that).
enum class Phase { Model, AfterSuppression };

class RuleContext;
using CheckFn = void (*)(const model::Project&, RuleContext&);

/// What a rule file defines; its code, name, category and default severity
/// live in rules.def.
struct RuleBody {
  std::string_view summary;  ///< one line, no trailing period
  std::string_view doc;      ///< Markdown with the fixed sections (see docs)
  CheckFn check;
  Phase phase = Phase::Model;
  std::string_view precision = "very-high";  ///< SARIF precision
};

struct RuleInfo {
  std::string_view code;
  std::string_view name;
  Category category;
  core::Severity default_severity;
  const RuleBody* body;
};

/// Collects a rule's diagnostics. Severity comes from the registry and the
/// user's overrides, never from the rule.
class RuleContext {
 public:
  RuleContext(const RuleInfo& rule, core::Severity severity, const suppress::Usage* usage)
      : rule_(rule), severity_(severity), usage_(usage) {}

  class Builder {
   public:
    Builder(std::vector<core::Diagnostic>& all, std::size_t index) : all_(all), index_(index) {}
    // Out of line: one copy for all rules, and GCC 12 no longer inlines the
    // string moves into a false -Warray-bounds.
    Builder& related(core::Span span, std::string message);
    /// A step of the finding's path, in order; also shown as a related location.
    Builder& step(core::Span span, std::string message);
    Builder& help(std::string text);

   private:
    std::vector<core::Diagnostic>& all_;
    std::size_t index_;
  };

  Builder report(core::Span span, std::string message);
  [[nodiscard]] const RuleInfo& rule() const { return rule_; }
  [[nodiscard]] const suppress::Usage* suppression_usage() const { return usage_; }
  std::vector<core::Diagnostic> take() { return std::move(diagnostics_); }

 private:
  const RuleInfo& rule_;
  core::Severity severity_;
  const suppress::Usage* usage_;
  std::vector<core::Diagnostic> diagnostics_;
};

/// Every rule, sorted by code.
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(std::string_view code_or_name);
/// Codes or names that select rules: "KL3", "KL301", "missing-catalog-entry", "ALL".
bool selector_matches(std::string_view selector, const RuleInfo& rule);
bool is_valid_selector(std::string_view selector);
/// The rule a misspelt code or name most likely meant: a code typed with
/// look-alike characters (`KL3O1`, `kl301`, `KL3l1`) first, then the
/// closest code or name by difflib's ratio.
std::optional<std::string> closest_rule(std::string_view code_or_name);
/// "Did you mean `KL301`?", or where to find the list.
std::string unknown_rule_help(std::string_view code_or_name);

}  // namespace kedrolint::rules
