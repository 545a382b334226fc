#include "lsp/documents.hpp"

#include "core/utf8.hpp"

namespace kedrolint::lsp {

std::size_t Documents::offset_of(const std::string& text, std::size_t line, std::size_t utf16_character) {
  std::size_t at = 0;
  for (std::size_t l = 0; l < line; ++l) {
    const auto nl = text.find('\n', at);
    if (nl == std::string::npos) return text.size();
    at = nl + 1;
  }
  std::size_t units = 0;
  while (at < text.size() && text[at] != '\n' && text[at] != '\r' && units < utf16_character) {
    std::size_t next = at;
    const char32_t cp = core::decode_utf8(text, next);
    units += cp >= 0x10000 ? 2 : 1;
    at = next;
  }
  return at;
}

bool Documents::change(const std::filesystem::path& path, const nlohmann::json& changes) {
  auto it = texts_.find(path);
  if (it == texts_.end() || !changes.is_array()) return false;
  for (const auto& c : changes) {
    if (!c.is_object() || !c.contains("text") || !c["text"].is_string()) continue;
    const std::string& replacement = c["text"].get_ref<const std::string&>();
    if (!c.contains("range")) {
      it->second = replacement;
      continue;
    }
    const auto& r = c["range"];
    if (!r.is_object()) continue;
    const auto start = r.value("start", nlohmann::json::object()), stop = r.value("end", nlohmann::json::object());
    if (!start.is_object() || !stop.is_object()) continue;
    const std::size_t begin = offset_of(it->second, start.value("line", 0u), start.value("character", 0u));
    const std::size_t end = offset_of(it->second, stop.value("line", 0u), stop.value("character", 0u));
    if (begin > end) continue;
    it->second.replace(begin, end - begin, replacement);
  }
  return true;
}

}  // namespace kedrolint::lsp
