#include "config/config_value.hpp"

#include <cctype>
#include <optional>
#include <unordered_map>

namespace kedrolint::config {

const ConfigValue* ConfigValue::get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return v.get();
  }
  return nullptr;
}

ConfigPtr ConfigValue::get_ptr(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return v;
  }
  return nullptr;
}

namespace {

bool all_chars(std::string_view s, std::string_view allowed) {
  return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
}

// PyYAML's YAML 1.1 int: [-+]? then 0b..., 0..., 0x... or decimal, `_` allowed.
std::optional<long long> yaml_int(std::string_view text) {
  std::string_view body = text;
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  int base = 10;
  std::string_view digits = body;
  if (body.size() > 2 && body[0] == '0' && body[1] == 'b') {
    base = 2;
    digits = body.substr(2);
    if (!all_chars(digits, "01_")) return std::nullopt;
  } else if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    base = 16;
    digits = body.substr(2);
    if (!all_chars(digits, "0123456789abcdefABCDEF_")) return std::nullopt;
  } else if (body.size() > 1 && body[0] == '0') {
    base = 8;
    if (!all_chars(digits, "01234567_")) return std::nullopt;
  } else {
    if (body[0] == '_' || !all_chars(digits, "0123456789_")) return std::nullopt;
  }
  std::string clean;
  for (const char c : digits) {
    if (c != '_') clean += c;
  }
  if (clean.empty() || clean.size() > 18) return std::nullopt;
  const long long v = std::stoll(clean, nullptr, base);
  return negative ? -v : v;
}

// PyYAML's YAML 1.1 float: digits with a '.', an exponent with a sign, .inf, .nan.
bool yaml_float(std::string_view text) {
  std::string_view s = text;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return true;
  const auto e = s.find_first_of("eE");
  const std::string_view mantissa = s.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view exp = s.substr(e + 1);
    if (!exp.empty() && (exp[0] == '-' || exp[0] == '+')) exp.remove_prefix(1);
    else if (mantissa.find('.') != std::string_view::npos) return false;  // 1.0e5 needs a sign in YAML 1.1
    if (!all_chars(exp, "0123456789")) return false;
  }
  const auto dot = mantissa.find('.');
  if (dot == std::string_view::npos) return e != std::string_view::npos && all_chars(mantissa, "0123456789_") && mantissa[0] != '_';
  const std::string_view whole = mantissa.substr(0, dot), frac = mantissa.substr(dot + 1);
  if (!whole.empty() && (whole[0] == '_' || !all_chars(whole, "0123456789_"))) return false;
  return frac.empty() || all_chars(frac, "0123456789_");
}

}  // namespace

std::pair<ConfigValue::Kind, std::string> type_plain_scalar(const std::string& text) {
  using K = ConfigValue::Kind;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return {K::Null, "None"};
  static const char* const kTrue[] = {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static const char* const kFalse[] = {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  for (const char* t : kTrue) {
    if (text == t) return {K::Bool, "True"};
  }
  for (const char* f : kFalse) {
    if (text == f) return {K::Bool, "False"};
  }
  const char first = text[0];
  if (!(std::isdigit(static_cast<unsigned char>(first)) || first == '-' || first == '+' || first == '.')) {
    return {K::String, text};
  }
  try {
    if (auto v = yaml_int(text)) return {K::Int, std::to_string(*v)};
  } catch (const std::exception&) {
    return {K::String, text};
  }
  if (yaml_float(text)) return {K::Float, text};
  return {K::String, text};
}

ConfigPtr from_yaml(const parse::YamlNode& node) {
  auto out = std::make_shared<ConfigValue>();
  out->span = node.span;
  switch (node.kind) {
    case parse::YamlNode::Kind::Null:
      out->kind = ConfigValue::Kind::Null;
      out->text = "None";
      break;
    case parse::YamlNode::Kind::Scalar:
      if (node.quoted || node.tag == "tag:yaml.org,2002:str" || node.tag == "!!str") {
        out->kind = ConfigValue::Kind::String;
        out->text = node.scalar;
      } else {
        std::tie(out->kind, out->text) = type_plain_scalar(node.scalar);
        if (out->kind == ConfigValue::Kind::String || out->kind == ConfigValue::Kind::Float) out->text = node.scalar;
      }
      break;
    case parse::YamlNode::Kind::Sequence:
      out->kind = ConfigValue::Kind::List;
      for (const auto& item : node.items) out->items.push_back(from_yaml(*item));
      break;
    case parse::YamlNode::Kind::Map:
      out->kind = ConfigValue::Kind::Map;
      std::unordered_map<std::string, std::size_t> position;
      for (const auto& [k, v] : node.entries) {
        std::string key;
        if (k->is_scalar()) {
          key = k->quoted ? k->scalar : type_plain_scalar(k->scalar).second;
          if (!k->quoted && type_plain_scalar(k->scalar).first == ConfigValue::Kind::String) key = k->scalar;
        } else {
          key = "<complex key>";
        }
        auto value = std::const_pointer_cast<ConfigValue>(from_yaml(*v));
        value->key_span = k->span;
        if (auto it = position.find(key); it != position.end()) {
          out->entries[it->second].second = value;
        } else {
          position.emplace(key, out->entries.size());
          out->entries.emplace_back(key, value);
        }
      }
      break;
  }
  return out;
}

namespace {

ConfigPtr copy_shared(const ConfigPtr& value, std::unordered_map<const ConfigValue*, ConfigPtr>& copies) {
  if (!value) return value;
  if (auto it = copies.find(value.get()); it != copies.end()) return it->second;
  auto out = std::make_shared<ConfigValue>();
  out->kind = value->kind;
  out->text = value->text;
  out->span = value->span;
  out->key_span = value->key_span;
  out->symbolic = value->symbolic;
  out->items.reserve(value->items.size());
  for (const auto& item : value->items) out->items.push_back(copy_shared(item, copies));
  out->entries.reserve(value->entries.size());
  for (const auto& [key, entry] : value->entries) out->entries.emplace_back(key, copy_shared(entry, copies));
  copies.emplace(value.get(), out);
  return out;
}

}  // namespace

ConfigPtr deep_copy(const ConfigPtr& value) {
  std::unordered_map<const ConfigValue*, ConfigPtr> copies;
  return copy_shared(value, copies);
}

ConfigPtr deep_merge(const ConfigPtr& base, const ConfigPtr& over) {
  if (!base) return over;
  if (!over) return base;
  if (!base->is_map() || !over->is_map()) return over;
  auto out = std::make_shared<ConfigValue>(*base);
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < out->entries.size(); ++i) position.emplace(out->entries[i].first, i);
  for (const auto& [key, value] : over->entries) {
    if (auto it = position.find(key); it != position.end()) {
      out->entries[it->second].second = deep_merge(out->entries[it->second].second, value);
    } else {
      position.emplace(key, out->entries.size());
      out->entries.emplace_back(key, value);
    }
  }
  return out;
}

}  // namespace kedrolint::config
