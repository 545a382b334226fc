#include "config/templated.hpp"

#include <regex>

#include "core/text.hpp"

namespace kedrolint::config {
namespace {

constexpr std::string_view kInterpolation = "KL312";

// IDENTIFIER_PATTERN: `\$\{(?P<path>[A-Za-z0-9_\.]+)(?:\|(?P<default>[^}]*))?\}`.
const std::regex& identifier_pattern() {
  static const std::regex pattern(R"(\$\{([A-Za-z0-9_.]+)(?:\|([^}]*))?\})");
  return pattern;
}

// jmespath.search of a dotted sub-expression over nested maps.
const ConfigValue* lookup(const ConfigPtr& globals, const std::string& path) {
  const ConfigValue* at = globals.get();
  for (const auto& part : core::split(path, '.')) {
    if (!at || !at->is_map()) return nullptr;
    at = at->get(part);
  }
  return at && at->kind != ConfigValue::Kind::Null ? at : nullptr;
}

ConfigPtr string_value(const ConfigValue& like, std::string text) {
  auto out = std::make_shared<ConfigValue>(like);
  out->kind = ConfigValue::Kind::String;
  out->text = std::move(text);
  out->items.clear();
  out->entries.clear();
  return out;
}

// A value kept as written: Kedro fails on it, or its text is not known.
ConfigPtr symbolic(const ConfigValue& where) {
  auto kept = std::make_shared<ConfigValue>(where);
  kept->symbolic = true;
  return kept;
}

class Formatter {
 public:
  Formatter(const ConfigPtr& globals, bool globals_unknown, std::vector<core::Finding>& findings)
      : globals_(globals), globals_unknown_(globals_unknown), findings_(findings) {}

  ConfigPtr format(const ConfigPtr& v) {
    if (v->is_map()) {
      auto out = std::make_shared<ConfigValue>(*v);
      for (auto& [key, child] : out->entries) {
        if (auto k = format_text(key, *child, true); k && k->is_string()) key = k->text;
        child = format(child);
      }
      return out;
    }
    if (v->kind == ConfigValue::Kind::List) {
      auto out = std::make_shared<ConfigValue>(*v);
      for (auto& item : out->items) item = format(item);
      return out;
    }
    if (!v->is_string()) return v;
    auto formatted = format_text(v->text, *v, false);
    return formatted ? formatted : v;
  }

 private:
  // The value a placeholder stands for, or null after a finding.
  const ConfigValue* resolve(const std::smatch& m, const ConfigValue& where, bool& use_default) {
    use_default = false;
    if (const ConfigValue* found = lookup(globals_, m[1].str())) return found;
    if (m[2].matched) {
      use_default = true;
      return nullptr;
    }
    if (globals_unknown_) return nullptr;
    findings_.push_back({std::string(kInterpolation), where.span,
                         "`" + m[0].str() + "` has no value in the globals and no default; Kedro raises \"Failed to "
                         "format pattern '" + m[0].str() + "': no config value found, no default provided\"",
                         {},
                         std::string("Add the key to the globals file, or give a default: `${" + m[1].str() +
                                     "|value}`.")});
    return nullptr;
  }

  // Null when the text has no placeholder or one cannot be formatted.
  ConfigPtr format_text(const std::string& text, const ConfigValue& where, bool is_key) {
    std::smatch m;
    if (!std::regex_search(text, m, identifier_pattern())) return nullptr;
    bool use_default = false;
    if (m.position(0) == 0 && static_cast<std::size_t>(m.length(0)) == text.size()) {
      const ConfigValue* found = resolve(m, where, use_default);
      if (use_default) return string_value(where, m[2].str());
      if (!found) return symbolic(where);
      auto out = std::make_shared<ConfigValue>(*found);
      out->span = where.span;
      out->key_span = where.key_span;
      return is_key && !out->is_string() ? nullptr : ConfigPtr(out);
    }
    std::string result;
    auto begin = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), identifier_pattern()), end; it != end; ++it) {
      const std::smatch& part = *it;
      result.append(begin, part[0].first);
      const ConfigValue* found = resolve(part, where, use_default);
      if (use_default) {
        result += part[2].str();
      } else if (!found) {
        return symbolic(where);
      } else if (found->is_scalar()) {
        result += found->text;
      } else {
        return symbolic(where);  // str() of a dict or list inside a string
      }
      begin = part[0].second;
    }
    result.append(begin, text.cend());
    return string_value(where, std::move(result));
  }

  const ConfigPtr& globals_;
  bool globals_unknown_;
  std::vector<core::Finding>& findings_;
};

}  // namespace

ConfigPtr format_templated(const ConfigPtr& value, const ConfigPtr& globals, bool globals_unknown,
                           std::vector<core::Finding>& findings) {
  if (!value) return value;
  return Formatter(globals, globals_unknown, findings).format(value);
}

}  // namespace kedrolint::config
