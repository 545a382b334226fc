#include "session/baseline.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/naming.hpp"

namespace kedrolint::session {
namespace fs = std::filesystem;

namespace {
constexpr const char* kSchema = "kedrolint.baseline/v1";
}

// The finding's line without any whitespace, and its message: unchanged when
// lines move or are re-indented, changed when the line itself or what is
// reported about it changes. (GitHub's line hash also covers the next lines,
// so an edit below a finding would make it look new.)
std::string Baseline::fingerprint_of(const core::Diagnostic& d, const core::SourceFile& file) {
  std::string content;
  for (const char c : file.line_text(file.position(d.primary.begin).line)) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f') content += c;
  }
  return model::sha256_hex(content + '\0' + d.message).substr(0, 16);
}

Baseline::Key Baseline::key_of(const core::Diagnostic& d, const core::SourceMap& sources, const fs::path& root) {
  const core::SourceFile& file = sources.get(d.primary.file);
  const std::string fingerprint = fingerprint_of(d, file);
  const auto rel = file.path().lexically_relative(root);
  const std::string path = !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : file.path().generic_string();
  return {d.code, path, fingerprint};
}

void Baseline::add(const core::Diagnostic& d, const core::SourceMap& sources, const fs::path& root) {
  const Key key = key_of(d, sources, root);
  ++counts_[key];
  messages_.try_emplace(key, d.message);
}

bool Baseline::absorb(const core::Diagnostic& d, const core::SourceMap& sources, const fs::path& root) {
  auto it = counts_.find(key_of(d, sources, root));
  if (it == counts_.end() || it->second == 0) return false;
  --it->second;
  return true;
}

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [key, count] : counts_) n += count;
  return n;
}

std::string Baseline::to_json() const {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    const auto& [code, file, fingerprint] = key;
    for (std::size_t i = 0; i < count; ++i) {
      findings.push_back({{"code", code}, {"file", file}, {"fingerprint", fingerprint},
                          {"message", messages_.at(key)}});
    }
  }
  nlohmann::ordered_json doc = {{"schema", kSchema}, {"findings", findings}};
  return doc.dump(2) + "\n";
}

std::optional<Baseline> Baseline::read(const fs::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the baseline " + path.string();
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("schema", "") != kSchema || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    error = path.string() + " is not a kedrolint baseline (written by `kedrolint check --write-baseline`)";
    return std::nullopt;
  }
  Baseline b;
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("code") || !f["code"].is_string() || !f.contains("file") ||
        !f["file"].is_string() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = path.string() + ": each finding needs the strings `code`, `file` and `fingerprint`";
      return std::nullopt;
    }
    const Key key{f["code"].get<std::string>(), f["file"].get<std::string>(), f["fingerprint"].get<std::string>()};
    ++b.counts_[key];
    b.messages_.try_emplace(key, f.value("message", ""));
  }
  return b;
}

}  // namespace kedrolint::session
