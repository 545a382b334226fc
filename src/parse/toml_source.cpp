#include "parse/toml_source.hpp"

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "core/text.hpp"

namespace kedrolint::parse {

TomlValue::TomlValue() = default;
TomlValue::~TomlValue() = default;
TomlValue::TomlValue(const TomlValue&) = default;
TomlValue::TomlValue(TomlValue&&) noexcept = default;
TomlValue& TomlValue::operator=(const TomlValue&) = default;
TomlValue& TomlValue::operator=(TomlValue&&) noexcept = default;
namespace {

core::Span span_of(const core::SourceFile& file, const toml::source_region& region) {
  if (region.begin.line == 0) return file.span(0, 0);
  const auto text = file.text();
  const std::uint32_t begin = file.lines().offset_of(text, region.begin.line, region.begin.column);
  std::uint32_t end = begin;
  if (region.end.line == region.begin.line) {
    end = file.lines().offset_of(text, region.end.line, region.end.column);
  }
  return file.span(begin, std::max(begin, end));
}

TomlValue convert(const core::SourceFile& file, const toml::node& node) {
  TomlValue out;
  out.span = span_of(file, node.source());
  if (auto s = node.as_string()) {
    out.kind = TomlValue::Kind::String;
    out.string = s->get();
  } else if (auto i = node.as_integer()) {
    out.kind = TomlValue::Kind::Integer;
    out.integer = i->get();
  } else if (auto f = node.as_floating_point()) {
    out.kind = TomlValue::Kind::Float;
    out.floating = f->get();
  } else if (auto b = node.as_boolean()) {
    out.kind = TomlValue::Kind::Boolean;
    out.boolean = b->get();
  } else if (auto a = node.as_array()) {
    out.kind = TomlValue::Kind::Array;
    for (const auto& item : *a) out.array.push_back(convert(file, item));
  } else if (auto t = node.as_table()) {
    out.kind = TomlValue::Kind::Table;
    for (const auto& [key, value] : *t) {
      TomlValue child = convert(file, value);
      child.key_span = span_of(file, key.source());
      out.table.emplace_back(std::string(key.str()), std::move(child));
    }
  }
  return out;
}

}  // namespace

const TomlValue* TomlValue::get(std::string_view key) const {
  for (const auto& [k, v] : table) {
    if (k == key) return &v;
  }
  return nullptr;
}

const TomlValue* TomlValue::path(std::string_view dotted) const {
  const TomlValue* cur = this;
  for (const auto& part : core::split(dotted, '.')) {
    if (!cur || !cur->is_table()) return nullptr;
    cur = cur->get(part);
  }
  return cur;
}

std::string_view TomlValue::kind_name() const {
  switch (kind) {
    case Kind::String: return "a string";
    case Kind::Integer: return "an integer";
    case Kind::Float: return "a float";
    case Kind::Boolean: return "a boolean";
    case Kind::Array: return "an array";
    case Kind::Table: return "a table";
    case Kind::Other: return "a date or time";
  }
  return "a value";
}

TomlSource parse_toml(const core::SourceFile& file) {
  TomlSource out;
  out.file = &file;
  try {
    const toml::table table = toml::parse(file.text(), file.path().string());
    out.root = convert(file, table);
  } catch (const toml::parse_error& e) {
    out.error = std::make_pair(span_of(file, e.source()), std::string(e.description()));
  }
  return out;
}

}  // namespace kedrolint::parse
