#include <iomanip>
#include <iostream>

#include "cli/commands.hpp"
#include "core/text.hpp"
#include "rules/rule.hpp"

namespace kedrolint::cli {

Runner add_rule_command(CLI::App& app) {
  auto id = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("rule", "List the rules, or print one rule's documentation.");
  cmd->add_option("id", *id, "A rule code (KL301) or name");
  return [id] {
    if (id->empty()) {
      for (const auto& r : rules::all_rules()) {
        std::cout << r.code << "  " << std::left << std::setw(34) << r.name << std::setw(8)
                  << core::to_string(r.default_severity) << r.body->summary << "\n";
      }
      return 0;
    }
    const auto* rule = rules::find_rule(*id);
    if (!rule) {
      std::vector<std::string> names;
      for (const auto& r : rules::all_rules()) {
        names.emplace_back(r.code);
        names.emplace_back(r.name);
      }
      const auto close = core::close_matches(*id, names, 1);
      std::cerr << "kedrolint: unknown rule `" << *id << "`"
                << (close.empty() ? std::string() : "; did you mean `" + close.front() + "`?") << "\n";
      return 2;
    }
    std::cout << "# " << rule->code << " " << rule->name << "\n\n"
              << rule->body->summary << ". Default severity: " << core::to_string(rule->default_severity) << ".\n\n"
              << rule->body->doc;
    return 0;
  };
}

}  // namespace kedrolint::cli
