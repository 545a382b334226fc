#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "suppress/directives.hpp"

namespace kedrolint::suppress {

using DirectivesByFile = std::map<core::FileId, std::vector<Directive>>;

/// A `disable[...]` with the `enable[...]` that closes it, if any.
struct Range {
  const Directive* disable = nullptr;
  const Directive* enable = nullptr;
};
/// Pairs disable/enable directives of one file; codes must match exactly.
/// Unpaired enables are returned in `orphans`.
std::vector<Range> pair_ranges(const std::vector<Directive>& directives, std::vector<const Directive*>* orphans);

/// Which directive codes suppressed something; read by the unused-suppression rule.
struct Usage {
  struct Entry {
    core::FileId file;
    const Directive* directive;
    std::vector<bool> used;  ///< one per code; one element for a bare ignore
  };
  std::vector<Entry> entries;
  /// Codes of the rules that ran: a suppression of a rule that did not run
  /// cannot be judged unused.
  std::vector<std::string> enabled_codes;
};

/// Applies inline directives to diagnostics after the rules ran.
class Suppressor {
 public:
  explicit Suppressor(const DirectivesByFile& directives);
  /// True when a directive covers `d`; records which one did.
  /// `bare`: whether a bare `ignore` (no codes) counts.
  bool suppresses(const core::Diagnostic& d, std::uint32_t line, bool bare = true);
  [[nodiscard]] const Usage& usage() const { return usage_; }

 private:
  struct Scope {
    std::size_t entry;
    std::uint32_t first_line, last_line;
  };
  std::map<core::FileId, std::vector<Scope>> scopes_;
  Usage usage_;
};

/// True when `entry` of a code list names `code`: the exact code, the rule
/// name, or (when `prefixes`) a code prefix such as `KL3`.
bool entry_names_code(std::string_view entry, std::string_view code, bool prefixes);

}  // namespace kedrolint::suppress
