#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {

#define KL_RULE(code, name, ident, category, severity) extern const RuleBody ident;
#include "rules/rules.def"
#undef KL_RULE

std::string_view to_string(Category c) {
  switch (c) {
    case Category::Project: return "project";
    case Category::Pipeline: return "pipeline";
    case Category::Namespace: return "namespace";
    case Category::Catalog: return "catalog";
    case Category::Deployment: return "deployment";
    case Category::Artifact: return "artifact";
  }
  return "project";
}

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = {
#define KL_RULE(code, name, ident, category, severity) \
  RuleInfo{#code, name, Category::category, core::Severity::severity, &ident},
#include "rules/rules.def"
#undef KL_RULE
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const auto& r : all_rules()) {
    if (r.code == code_or_name || r.name == code_or_name) return &r;
  }
  return nullptr;
}

bool selector_matches(std::string_view selector, const RuleInfo& rule) {
  if (selector == "ALL") return true;
  if (selector == rule.name) return true;
  return rule.code.substr(0, selector.size()) == selector && selector.size() >= 2 && selector.substr(0, 2) == "KL";
}

bool is_valid_selector(std::string_view selector) {
  const auto& rules = all_rules();
  return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return selector_matches(selector, r); });
}

std::optional<std::string> closest_rule(std::string_view code_or_name) {
  std::string normalized(code_or_name);
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    char& c = normalized[i];
    if (i < 2) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (c == 'O' || c == 'o') {
      c = '0';
    } else if (c == 'l' || c == 'I' || c == 'i') {
      c = '1';
    }
  }
  if (const RuleInfo* r = find_rule(normalized)) return std::string(r->code);
  std::vector<std::string> names;
  for (const auto& r : all_rules()) names.emplace_back(r.code);
  for (const auto& r : all_rules()) names.emplace_back(r.name);
  const auto close = core::close_matches(code_or_name, names, 1);
  if (close.empty()) return std::nullopt;
  return close.front();
}

std::string unknown_rule_help(std::string_view code_or_name) {
  const auto close = closest_rule(code_or_name);
  return close ? "Did you mean `" + *close + "`?" : "`kedrolint rule` lists every rule.";
}

RuleContext::Builder& RuleContext::Builder::related(core::Span span, std::string message) {
  if (span.valid()) all_[index_].related.push_back({span, std::move(message)});
  return *this;
}

RuleContext::Builder& RuleContext::Builder::step(core::Span span, std::string message) {
  if (span.valid()) {
    all_[index_].flow.push_back({span, message});
    all_[index_].related.push_back({span, std::move(message)});
  }
  return *this;
}

RuleContext::Builder& RuleContext::Builder::help(std::string text) {
  all_[index_].help = std::move(text);
  return *this;
}

RuleContext::Builder RuleContext::report(core::Span span, std::string message) {
  diagnostics_.push_back(core::Diagnostic{std::string(rule_.code), severity_, std::move(message), span, {}, {}, {}});
  return Builder(diagnostics_, diagnostics_.size() - 1);
}

}  // namespace kedrolint::rules
