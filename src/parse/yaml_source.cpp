#include "parse/yaml_source.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_set>

#include "parse/yaml_pyyaml_strictness.hpp"

namespace kedrolint::parse {
namespace {

struct TooManyNodes {};

class Converter {
 public:
  Converter(const core::SourceFile& file, std::size_t max_nodes) : file_(file), budget_(max_nodes) {}

  std::unordered_set<std::uint32_t> quoted_starts;

  YamlPtr convert(const YAML::Node& node) {
    if (budget_ == 0) throw TooManyNodes{};
    --budget_;
    auto out = std::make_shared<YamlNode>();
    const YAML::Mark mark = node.Mark();
    const auto begin = mark.pos >= 0 ? static_cast<std::uint32_t>(mark.pos) : 0u;
    out->span = file_.span(begin, begin);
    const std::string& tag = node.Tag();
    if (tag != "?" && tag != "!") out->tag = tag;
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        out->kind = YamlNode::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        out->kind = YamlNode::Kind::Scalar;
        out->scalar = node.Scalar();
        out->quoted = tag == "!";
        out->span.end = scalar_end(begin, out->quoted);
        if (begin < file_.text().size() && (file_.text()[begin] == '\'' || file_.text()[begin] == '"')) {
          quoted_starts.insert(begin);
        }
        break;
      case YAML::NodeType::Sequence:
        out->kind = YamlNode::Kind::Sequence;
        for (const auto& item : node) out->items.push_back(convert(item));
        break;
      case YAML::NodeType::Map:
        out->kind = YamlNode::Kind::Map;
        convert_map(node, *out);
        break;
    }
    return out;
  }

 private:
  void convert_map(const YAML::Node& node, YamlNode& out) {
    std::vector<YamlPtr> merges;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto key = convert(it->first);
      auto value = convert(it->second);
      if (key->is_scalar() && !key->quoted && key->scalar == "<<") {
        if (value->is_map()) merges.push_back(value);
        for (const auto& item : value->items) {
          if (item->is_map()) merges.push_back(item);
        }
        continue;
      }
      out.entries.emplace_back(std::move(key), std::move(value));
    }
    // Explicit keys win over merged ones; earlier merge sources win over later.
    for (const auto& source : merges) {
      for (const auto& entry : source->entries) {
        const auto& key = entry.first;
        const auto& value = entry.second;
        const auto present = std::any_of(out.entries.begin(), out.entries.end(), [&](const auto& e) {
          return e.first->is_scalar() && key->is_scalar() && e.first->scalar == key->scalar;
        });
        if (present) continue;
        auto copy = std::make_shared<YamlNode>(*key);
        copy->merged = true;
        out.entries.emplace_back(std::move(copy), value);
      }
    }
  }

  // yaml-cpp marks only where a node starts; find where a scalar ends on its
  // line so that reports can underline it.
  std::uint32_t scalar_end(std::uint32_t begin, bool quoted) const {
    const std::string_view text = file_.text();
    if (begin >= text.size()) return begin;
    std::size_t i = begin;
    const char c = text[i];
    if (quoted && (c == '\'' || c == '"')) {
      ++i;
      while (i < text.size() && text[i] != '\n') {
        if (c == '"' && text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return static_cast<std::uint32_t>(i + 1);
        }
        ++i;
      }
      return static_cast<std::uint32_t>(i);
    }
    while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
      if (text[i] == ':' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' ||
                             text[i + 1] == '\n' || text[i + 1] == '\r')) {
        break;
      }
      if (text[i] == '#' && i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
      if (!quoted && (text[i] == ',' || text[i] == ']' || text[i] == '}')) break;
      ++i;
    }
    while (i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return static_cast<std::uint32_t>(i);
  }

  const core::SourceFile& file_;
  std::size_t budget_;
};

}  // namespace

const YamlNode* YamlNode::get(std::string_view key) const {
  const YamlNode* found = nullptr;
  for (const auto& [k, v] : entries) {
    if (k->is_scalar() && k->scalar == key) found = v.get();
  }
  return found;
}

YamlSource parse_yaml(const core::SourceFile& file, std::size_t max_nodes) {
  YamlSource out;
  out.file = &file;
  try {
    const YAML::Node doc = YAML::Load(std::string(file.text()));
    Converter converter(file, max_nodes);
    out.root = converter.convert(doc);
    if (auto rejected = pyyaml_rejection(file, converter.quoted_starts)) {
      out.root = nullptr;
      out.error = std::move(rejected);
    }
  } catch (const YAML::Exception& e) {
    const auto& m = e.mark;
    const std::uint32_t offset =
        m.line >= 0 ? file.lines().offset_of_byte_column(static_cast<std::uint32_t>(m.line) + 1,
                                                         static_cast<std::uint32_t>(std::max(m.column, 0)) + 1)
                    : 0;
    out.error = YamlError{file.span(offset, offset), e.msg};
  } catch (const TooManyNodes&) {
    out.error = YamlError{file.span(0, 0), "the document expands to more than " + std::to_string(max_nodes) +
                                               " nodes (aliases repeated too often); it was not read"};
  }
  return out;
}

}  // namespace kedrolint::parse
