#include "python/strings.hpp"

#include <cmath>
#include <cstdio>

#include "core/utf8.hpp"

namespace kedrolint::python {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Spec {
  char fill = ' ';
  char align = 0;
  char sign = '-';
  bool alternate = false;
  bool zero = false;
  int width = -1;
  bool grouping = false;
  int precision = -1;
  char type = 0;
};

std::optional<Spec> parse_spec(std::string_view s, std::size_t max_length) {
  Spec spec;
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (s.size() >= 2 && is_align(s[1])) {
    spec.fill = s[0];
    spec.align = s[1];
    i = 2;
  } else if (!s.empty() && is_align(s[0])) {
    spec.align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) spec.sign = s[i++];
  if (i < s.size() && s[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    spec.zero = true;
    ++i;
  }
  // Width and precision larger than the longest string allowed are refused
  // while parsing, before they can overflow an int or allocate.
  const auto too_large = [&](int v) { return static_cast<std::size_t>(v) > max_length / 10; };
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    if (too_large(std::max(spec.width, 0))) return std::nullopt;
    spec.width = std::max(spec.width, 0) * 10 + (s[i++] - '0');
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) {
    spec.grouping = true;
    ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    spec.precision = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (too_large(spec.precision)) return std::nullopt;
      spec.precision = spec.precision * 10 + (s[i++] - '0');
    }
  }
  if (i < s.size()) spec.type = s[i++];
  if (i != s.size()) return std::nullopt;
  return spec;
}

std::string pad(std::string body, const Spec& spec, char default_align, bool numeric) {
  const auto len = static_cast<int>(core::codepoint_count(body));
  if (spec.width <= len) return body;
  const auto missing = static_cast<std::size_t>(spec.width - len);
  char align = spec.align ? spec.align : default_align;
  char fill = spec.fill;
  if (spec.zero && !spec.align && numeric) {
    align = '=';
    fill = '0';
  }
  const std::string filler(missing, fill);
  if (align == '<') return body + filler;
  if (align == '>') return filler + body;
  if (align == '^') return std::string(missing / 2, fill) + body + std::string(missing - missing / 2, fill);
  // '=': after the sign.
  if (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) {
    return body.substr(0, 1) + filler + body.substr(1);
  }
  return filler + body;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::optional<std::string> format_int(std::int64_t v, const Spec& spec) {
  std::string digits;
  const bool negative = v < 0;
  const auto magnitude = negative ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
  char buf[80];
  switch (spec.type) {
    case 0:
    case 'd':
    case 'n':
      std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(magnitude));
      digits = buf;
      if (spec.grouping) digits = group_thousands(digits);
      break;
    case 'x':
    case 'X':
      std::snprintf(buf, sizeof buf, spec.type == 'x' ? "%llx" : "%llX", static_cast<unsigned long long>(magnitude));
      digits = (spec.alternate ? (spec.type == 'x' ? "0x" : "0X") : "") + std::string(buf);
      break;
    case 'o':
      std::snprintf(buf, sizeof buf, "%llo", static_cast<unsigned long long>(magnitude));
      digits = (spec.alternate ? "0o" : "") + std::string(buf);
      break;
    case 'b': {
      std::uint64_t m = magnitude;
      do {
        digits.insert(digits.begin(), static_cast<char>('0' + (m & 1)));
        m >>= 1;
      } while (m);
      if (spec.alternate) digits = "0b" + digits;
      break;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case '%':
      return std::nullopt;  // handled by the float path
    default:
      return std::nullopt;
  }
  std::string sign = negative ? "-" : (spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "");
  return pad(sign + digits, spec, '>', true);
}

// snprintf into a buffer of the size it needs (a precision of 500 needs more than 512 bytes).
template <typename... Args>
std::string printf_string(const char* fmt, Args... args) {
  const int n = std::snprintf(nullptr, 0, fmt, args...);
  if (n <= 0) return {};
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, args...);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> format_float(double v, Spec spec) {
  char type = spec.type;
  int precision = spec.precision < 0 ? 6 : spec.precision;
  std::string body;
  const bool negative = std::signbit(v);
  const double magnitude = std::fabs(v);
  if (type == 0) {
    if (spec.precision < 0) {
      auto r = py_repr(Value(magnitude));
      if (!r) return std::nullopt;
      body = *r;
    } else {
      body = printf_string("%.*g", precision, magnitude);
    }
  } else if (type == 'f' || type == 'F' || type == 'e' || type == 'E' || type == 'g' || type == 'G') {
    const char fmt[] = {'%', '.', '*', type, '\0'};
    body = printf_string(fmt, precision, magnitude);
  } else if (type == '%') {
    body = printf_string("%.*f", precision, magnitude * 100.0) + "%";
  } else {
    return std::nullopt;
  }
  if (spec.grouping) {
    const auto dot = body.find_first_of(".eE%");
    body = group_thousands(body.substr(0, dot)) + (dot == std::string::npos ? "" : body.substr(dot));
  }
  std::string sign = negative ? "-" : (spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "");
  return pad(sign + body, spec, '>', true);
}

}  // namespace

std::optional<std::string> decode_string_content(std::string_view text, bool raw, bool fstring) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (fstring && (c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '\\' || raw) {
      out += c;
      continue;
    }
    if (i + 1 >= text.size()) return std::nullopt;
    const char e = text[++i];
    switch (e) {
      case '\n': break;  // line continuation
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'x':
      case 'u':
      case 'U': {
        const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        char32_t cp = 0;
        for (std::size_t k = 1; k <= digits; ++k) {
          if (i + k >= text.size()) return std::nullopt;
          const int h = hex_value(text[i + k]);
          if (h < 0) return std::nullopt;
          cp = cp * 16 + static_cast<char32_t>(h);
        }
        core::append_utf8(out, cp);
        i += digits;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          char32_t cp = 0;
          std::size_t k = 0;
          while (k < 3 && i + k < text.size() && text[i + k] >= '0' && text[i + k] <= '7') {
            cp = cp * 8 + static_cast<char32_t>(text[i + k] - '0');
            ++k;
          }
          core::append_utf8(out, cp);
          i += k - 1;
        } else if (e == 'N') {
          return std::nullopt;  // \N{NAME} needs the Unicode database
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

std::optional<std::string> format_value(const Value& value, std::string_view spec_text, std::size_t max_length) {
  auto spec = parse_spec(spec_text, max_length);
  if (!spec) return std::nullopt;
  if (value.is_str()) {
    if (spec->type && spec->type != 's') return std::nullopt;
    std::string s = value.str();
    if (spec->precision >= 0 && static_cast<std::size_t>(spec->precision) < core::codepoint_count(s)) {
      std::size_t i = 0;
      for (int k = 0; k < spec->precision; ++k) core::decode_utf8(s, i);
      s.resize(i);
    }
    return pad(s, *spec, '<', false);
  }
  if (value.is<bool>() && !spec->type && spec_text.empty()) return value.as<bool>() ? "True" : "False";
  if (value.is<std::int64_t>() || value.is<bool>()) {
    const std::int64_t i = value.is<bool>() ? (value.as<bool>() ? 1 : 0) : value.as<std::int64_t>();
    if (spec->type && std::string_view("eEfFgG%").find(spec->type) != std::string_view::npos) {
      return format_float(static_cast<double>(i), *spec);
    }
    if (spec->type == 's') return std::nullopt;
    return format_int(i, *spec);
  }
  if (value.is<double>()) return format_float(value.as<double>(), *spec);
  if (spec_text.empty()) return py_str(value);
  return std::nullopt;
}

std::optional<std::string> convert_and_format(const Value& value, char conversion, std::string_view spec,
                                              std::size_t max_length) {
  if (conversion == 'r' || conversion == 'a') {
    auto r = py_repr(value);
    if (!r) return std::nullopt;
    return format_value(Value(*r), spec, max_length);
  }
  if (conversion == 's') {
    auto s = py_str(value);
    if (!s) return std::nullopt;
    return format_value(Value(*s), spec, max_length);
  }
  return format_value(value, spec, max_length);
}

std::optional<std::string> str_format(const std::string& fmt, const std::vector<Value>& args,
                                      const std::vector<std::pair<std::string, Value>>& kwargs, std::size_t max_length) {
  std::string out;
  std::size_t auto_index = 0;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') ++i;
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const auto close = fmt.find('}', i);
    if (close == std::string::npos) return std::nullopt;
    std::string field = fmt.substr(i + 1, close - i - 1);
    if (field.find('{') != std::string::npos) return std::nullopt;  // nested replacement fields
    i = close;
    std::string spec;
    char conversion = 0;
    if (const auto colon = field.find(':'); colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field.resize(colon);
    }
    if (const auto bang = field.find('!'); bang != std::string::npos) {
      if (bang + 1 >= field.size()) return std::nullopt;
      conversion = field[bang + 1];
      field.resize(bang);
    }
    const Value* value = nullptr;
    if (field.empty()) {
      if (auto_index >= args.size()) return std::nullopt;
      value = &args[auto_index++];
    } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
      const auto index = std::stoul(field);
      if (index >= args.size()) return std::nullopt;
      value = &args[index];
    } else {
      for (const auto& [k, v] : kwargs) {
        if (k == field) value = &v;
      }
      if (!value) return std::nullopt;
    }
    auto piece = convert_and_format(*value, conversion, spec, max_length);
    if (!piece) return std::nullopt;
    out += *piece;
    if (out.size() > max_length) return std::nullopt;
  }
  return out;
}

std::optional<std::string> percent_format(const std::string& fmt, const Value& args, std::size_t max_length) {
  std::vector<Value> positional;
  const DictObj* mapping = nullptr;
  if (args.is<TupleValue>()) {
    positional = *args.as<TupleValue>().items;
  } else if (args.is<DictPtr>()) {
    mapping = args.as<DictPtr>().get();
  } else {
    positional.push_back(args);
  }
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) return std::nullopt;
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    const Value* value = nullptr;
    if (fmt[i] == '(') {
      const auto close = fmt.find(')', i);
      if (close == std::string::npos || !mapping) return std::nullopt;
      value = mapping->find(Value(fmt.substr(i + 1, close - i - 1)));
      if (!value) return std::nullopt;
      i = close + 1;
    }
    std::string flags;
    while (i < fmt.size() && std::string_view("-+ 0#123456789.").find(fmt[i]) != std::string_view::npos) flags += fmt[i++];
    if (i >= fmt.size()) return std::nullopt;
    const char type = fmt[i];
    if (!value) {
      if (next >= positional.size()) return std::nullopt;
      value = &positional[next++];
    }
    // Translate the printf flags into a format spec: "-5" -> "<5", "05" -> "05".
    std::string spec;
    if (!flags.empty() && flags[0] == '-') spec = "<" + flags.substr(1);
    else spec = flags;
    std::optional<std::string> piece;
    if (type == 's') piece = convert_and_format(*value, 's', spec, max_length);
    else if (type == 'r') piece = convert_and_format(*value, 'r', spec, max_length);
    else if (type == 'd' || type == 'i' || type == 'u') {
      Value as_int = value->is<double>() ? Value(static_cast<std::int64_t>(value->as<double>())) : *value;
      piece = format_value(as_int, spec + "d", max_length);
    } else if (std::string_view("fFeEgGxXo").find(type) != std::string_view::npos) {
      piece = format_value(*value, spec + type, max_length);
    }
    if (!piece) return std::nullopt;
    out += *piece;
    if (out.size() > max_length) return std::nullopt;
  }
  if (!mapping && next != positional.size()) return std::nullopt;  // "not all arguments converted"
  return out;
}

}  // namespace kedrolint::python
