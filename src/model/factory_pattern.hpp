#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kedrolint::model {

/// A dataset factory pattern such as `"{namespace}.{name}_csv"`, matched with
/// the semantics of the `parse` library that Kedro uses: anchored at both
/// ends, case-insensitive literals, untyped fields non-empty and lazy (the
/// first field takes the shortest text that lets the rest match), a repeated
/// field name must match the same text, `{{`/`}}` are literal braces, and
/// typed fields (`{n:d}`, `{w:w}`...) use parse's type regexes.
class FactoryPattern {
 public:
  /// Nullopt with `error` set when the pattern is malformed (unbalanced
  /// braces, a format spec parse rejects) or uses a format spec parse accepts
  /// but kedrolint does not model (`{x:2d}`, `{x:^}`, `{t:ti}`...); then
  /// `*unsupported` is set.
  static std::optional<FactoryPattern> compile(const std::string& pattern, std::string& error,
                                               bool* unsupported = nullptr);

  /// The named fields' values (typed ones converted like parse does, e.g.
  /// `{n:d}` of "007" gives "7"), or nullopt when the name does not match.
  [[nodiscard]] std::optional<std::map<std::string, std::string>> match(std::string_view name) const;

  [[nodiscard]] const std::string& text() const { return text_; }
  /// Kedro's specificity: code points outside `{...}`.
  [[nodiscard]] std::size_t specificity() const { return specificity_; }
  /// `pattern.count("{")`.
  [[nodiscard]] std::size_t brace_count() const { return braces_; }
  [[nodiscard]] bool is_catch_all() const { return specificity_ == 0; }
  /// Every `{...}` as written (with format spec), for placeholder checks.
  [[nodiscard]] const std::vector<std::string>& placeholders() const { return placeholders_; }
  /// The parse type of a named field (`'d'` for `{n:d}`), 0 when untyped or absent.
  [[nodiscard]] char field_type(std::string_view name) const;

 private:
  struct Part {
    bool field = false;
    std::string literal;  ///< lower-cased for comparison
    std::string name;
    char type = 0;  ///< 0: untyped
  };
  /// `failed`, when not null, marks the (part, pos) pairs known not to
  /// match: valid only when no field repeats a name, since a backreference
  /// makes the rest's outcome depend on the values bound before it.
  bool match_from(std::size_t part, std::string_view name, std::size_t pos, std::map<std::string, std::string>& values,
                  std::vector<bool>* failed) const;
  bool match_part(std::size_t part, std::string_view name, std::size_t pos, std::map<std::string, std::string>& values,
                  std::vector<bool>* failed) const;

  std::string text_;
  std::vector<Part> parts_;
  std::vector<std::string> placeholders_;
  std::size_t specificity_ = 0;
  std::size_t braces_ = 0;
  bool repeats_a_name_ = false;
};

/// Kedro's ranking: more literal characters first, then more placeholders,
/// then Python string order.
bool pattern_ranks_before(const FactoryPattern& a, const FactoryPattern& b);

/// Every `{...}` in `text` (Python's `re.findall(r"\{.*?\}", text)`).
std::vector<std::string> find_placeholders(std::string_view text);

}  // namespace kedrolint::model
