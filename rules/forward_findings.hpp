#pragma once
#include "model/project.hpp"
#include "rules/rule.hpp"

namespace kedrolint::rules {

/// Reports every finding the model recorded under this rule's code. Used by
/// the KL0xx rules whose problems are found while reading the project.
inline void forward_findings(const model::Project& project, RuleContext& ctx) {
  for (const auto* f : project.findings_with(ctx.rule().code)) {
    auto b = ctx.report(f->span, f->message);
    for (const auto& label : f->related) b.related(label.span, label.message);
    if (f->help) b.help(*f->help);
  }
}

}  // namespace kedrolint::rules
