#include "model/naming.hpp"

#include <openssl/evp.h>

#include <cstdio>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace kedrolint::model {

std::string python_list_repr(const std::vector<DatasetRef>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += core::python_str_repr(items[i].name);
  }
  return out + "]";
}

namespace {

std::string hex_digest(std::string_view text, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, md, nullptr);
  std::string out;
  char buf[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", digest[i]);
    out += buf;
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view text) { return hex_digest(text, EVP_sha256()); }
std::string sha1_hex(std::string_view text) { return hex_digest(text, EVP_sha1()); }

std::string readable_func_name(const FuncInfo& func) {
  if (func.has_name) return func.name;
  return "<partial>";
}

namespace {

std::string join_names(const std::vector<DatasetRef>& items, char sep) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i].name;
  }
  return out + "]";
}

// `<func>(<in>) -> <out>` of `str(node)`; "None" when the raw inputs/outputs
// are falsy.
std::string call_str(const Node& node, const project::KedroVersion& version) {
  const char sep = version.at_least(0, 19) ? ';' : ',';
  const std::string in = node.inputs_form == IoForm::None || node.inputs.empty() ? "None" : join_names(node.inputs, sep);
  const std::string out =
      node.outputs_form == IoForm::None || node.outputs.empty() ? "None" : join_names(node.outputs, sep);
  return readable_func_name(*node.func) + "(" + in + ") -> " + out;
}

}  // namespace

std::optional<std::string> default_node_name(const Node& node, const project::KedroVersion& version) {
  if (version.is_1x()) {
    std::string base, key;
    const std::string io = "|" + python_list_repr(node.inputs) + "|" + python_list_repr(node.outputs);
    if (node.func->is_partial) {
      base = "partial(" + node.func->inner_name + ")";
      key = base + io;
    } else {
      if (node.func->external) return std::nullopt;
      base = readable_func_name(*node.func);
      key = node.func->module + "." + node.func->name + io;
    }
    return base + "__" + sha256_hex(key).substr(0, 8);
  }
  // 0.18 / 0.19: str(node) of a node without `_name`.
  return call_str(node, version);
}

std::string node_str(const Node& node, const project::KedroVersion& version) {
  const bool named = node.explicit_name && !node.explicit_name->empty();
  return (named ? *node.explicit_name + ": " : std::string()) + call_str(node, version);
}

bool is_valid_kedro_name(std::string_view text) {
  if (text.empty()) return false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = core::decode_utf8(text, i);
    if (cp < 0x80) {
      if (!(std::isalnum(static_cast<int>(cp)) || cp == '_' || cp == '.' || cp == '-')) return false;
      continue;
    }
    // Non-ASCII: Python's \w accepts letters and digits; reject the common
    // spaces and punctuation blocks.
    const bool space_or_punct = cp == 0xA0 || (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                                (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || (cp >= 0x3001 && cp <= 0x303F) ||
                                cp == 0xFEFF || cp == 0xFFFD;
    if (space_or_punct) return false;
  }
  return true;
}

std::optional<std::string> full_node_name(const Node& node, const project::KedroVersion& version) {
  std::optional<std::string> base = node.explicit_name;
  if (!base || base->empty()) base = default_node_name(node, version);
  if (!base) return std::nullopt;
  return node.namespace_.empty() ? *base : node.namespace_ + "." + *base;
}

}  // namespace kedrolint::model
