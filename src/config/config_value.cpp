#include "config/config_value.hpp"

#include <regex>

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

std::pair<ConfigValue::Kind, std::string> type_plain_scalar(const std::string& text) {
  using K = ConfigValue::Kind;
  static const std::regex kBool("^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  static const std::regex kInt("^[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$");
  static const std::regex kFloat(
      R"(^([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(\.[0-9_]*)?[eE][-+]?[0-9]+)$)");
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return {K::Null, "None"};
  if (std::regex_match(text, kBool)) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    const bool value = c == 'y' || c == 't' || (c == 'o' && text.size() == 2 && (text[1] == 'n' || text[1] == 'N'));
    return {K::Bool, value ? "True" : "False"};
  }
  if (std::regex_match(text, kInt)) {
    std::string digits;
    for (const char c : text) {
      if (c != '_') digits += c;
    }
    try {
      int base = 10;
      std::string body = digits;
      bool negative = false;
      if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        negative = body[0] == '-';
        body.erase(0, 1);
      }
      if (body.rfind("0x", 0) == 0) base = 16, body.erase(0, 2);
      else if (body.rfind("0b", 0) == 0) base = 2, body.erase(0, 2);
      else if (body.size() > 1 && body[0] == '0') base = 8;
      const long long v = std::stoll(body, nullptr, base);
      return {K::Int, std::to_string(negative ? -v : v)};
    } catch (const std::exception&) {
      return {K::String, text};
    }
  }
  if (std::regex_match(text, kFloat)) return {K::Float, text};
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
        bool replaced = false;
        for (auto& [existing, slot] : out->entries) {
          if (existing == key) {
            slot = value;
            replaced = true;
          }
        }
        if (!replaced) out->entries.emplace_back(key, value);
      }
      break;
  }
  return out;
}

ConfigPtr deep_merge(const ConfigPtr& base, const ConfigPtr& over) {
  if (!base) return over;
  if (!over) return base;
  if (!base->is_map() || !over->is_map()) return over;
  auto out = std::make_shared<ConfigValue>(*base);
  for (const auto& [key, value] : over->entries) {
    bool merged = false;
    for (auto& [k, slot] : out->entries) {
      if (k == key) {
        slot = deep_merge(slot, value);
        merged = true;
      }
    }
    if (!merged) out->entries.emplace_back(key, value);
  }
  return out;
}

}  // namespace kedrolint::config
