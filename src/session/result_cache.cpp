#include "session/result_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/naming.hpp"

namespace kedrolint::session {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kSchema = "kedrolint.cache/v1";

// Folders kedrolint never reads: their contents cannot change a result.
bool skipped_folder(const fs::path& dir, bool at_root) {
  const std::string name = dir.filename().string();
  if (name.empty() || name.front() == '.' || name == "__pycache__" || name == "node_modules") return true;
  if (at_root && (name == "data" || name == "logs" || name == "build" || name == "dist")) return true;
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);  // a virtual environment
}

// Folder -> mtime: an added, removed or renamed file changes its folder's mtime.
json folder_stamps(const fs::path& root) {
  json out = json::object();
  std::error_code ec;
  auto stamp = [&](const fs::path& dir) {
    const auto t = fs::last_write_time(dir, ec);
    if (!ec) out[dir.lexically_relative(root).generic_string()] = t.time_since_epoch().count();
  };
  stamp(root);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    if (skipped_folder(it->path(), it.depth() == 0)) {
      it.disable_recursion_pending();
      continue;
    }
    stamp(it->path());
  }
  return out;
}

std::string content_stamp(const core::SourceMap::Loaded& loaded) {
  if (loaded.error) return "error:" + std::to_string(static_cast<int>(loaded.error->kind)) + ":" + loaded.error->detail;
  return model::sha256_hex(loaded.file->text());
}

json span_json(const core::Span& span, const core::SourceMap& sources) {
  return {{"file", sources.get(span.file).path().string()}, {"begin", span.begin}, {"end", span.end}};
}

std::optional<core::Span> span_from(const json& j, core::SourceMap& sources) {
  if (!j.is_object() || !j.contains("file") || !j["file"].is_string()) return std::nullopt;
  const core::SourceFile* file = sources.find(j["file"].get<std::string>());
  if (!file) return std::nullopt;
  const auto begin = j.value("begin", 0u), end = j.value("end", 0u);
  if (begin > end || end > file->text().size()) return std::nullopt;
  return file->span(begin, end);
}

json labels_json(const std::vector<core::Label>& labels, const core::SourceMap& sources) {
  json out = json::array();
  for (const auto& l : labels) out.push_back({{"span", span_json(l.span, sources)}, {"message", l.message}});
  return out;
}

bool labels_from(const json& j, core::SourceMap& sources, std::vector<core::Label>& out) {
  if (!j.is_array()) return false;
  for (const auto& l : j) {
    const auto span = span_from(l.value("span", json()), sources);
    if (!span) return false;
    out.push_back({*span, l.value("message", "")});
  }
  return true;
}

json run_json(const ProjectRun& run, const core::SourceMap& sources) {
  json diagnostics = json::array();
  for (const auto& d : run.diagnostics) {
    json item = {{"code", d.code}, {"severity", static_cast<int>(d.severity)}, {"message", d.message},
                 {"primary", span_json(d.primary, sources)}, {"related", labels_json(d.related, sources)},
                 {"flow", labels_json(d.flow, sources)}};
    if (d.help) item["help"] = *d.help;
    diagnostics.push_back(std::move(item));
  }
  return {{"analysed", run.analysed}, {"fail_on", static_cast<int>(run.fail_on)}, {"diagnostics", diagnostics}};
}

std::optional<ProjectRun> run_from(const json& j, core::SourceMap& sources) {
  ProjectRun run;
  run.analysed = j.value("analysed", false);
  run.fail_on = static_cast<core::Severity>(std::clamp(j.value("fail_on", 1), 0, 2));
  if (!j.contains("diagnostics") || !j["diagnostics"].is_array()) return std::nullopt;
  for (const auto& item : j["diagnostics"]) {
    core::Diagnostic d;
    d.code = item.value("code", "");
    d.severity = static_cast<core::Severity>(std::clamp(item.value("severity", 1), 0, 2));
    d.message = item.value("message", "");
    const auto primary = span_from(item.value("primary", json()), sources);
    if (!primary || d.code.empty()) return std::nullopt;
    d.primary = *primary;
    if (!labels_from(item.value("related", json::array()), sources, d.related)) return std::nullopt;
    if (!labels_from(item.value("flow", json::array()), sources, d.flow)) return std::nullopt;
    if (item.contains("help") && item["help"].is_string()) d.help = item["help"].get<std::string>();
    run.diagnostics.push_back(std::move(d));
  }
  return run;
}

}  // namespace

std::optional<fs::path> ResultCache::default_dir() {
  if (const char* dir = std::getenv("KEDROLINT_CACHE_DIR"); dir && *dir) return fs::path(dir);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "kedrolint";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "kedrolint";
  return std::nullopt;
}

ResultCache::ResultCache(fs::path dir, std::string tool_version)
    : dir_(std::move(dir)), tool_version_(std::move(tool_version)) {}

fs::path ResultCache::entry_path(const fs::path& root, const std::string& options) const {
  const std::string key = model::sha256_hex(tool_version_ + '\0' + root.string() + '\0' + options);
  return dir_ / (key.substr(0, 32) + ".json");
}

std::optional<ProjectRun> ResultCache::lookup(const fs::path& root, const std::string& options,
                                              core::SourceMap& sources) const {
  const fs::path path = entry_path(root, options);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  auto discard = [&] {
    std::error_code ec;
    fs::remove(path, ec);
    return std::nullopt;
  };
  json entry = json::parse(text.str(), nullptr, false);
  if (entry.is_discarded() || !entry.is_object() || !entry.contains("checksum") || !entry["checksum"].is_string()) {
    return discard();
  }
  const std::string checksum = entry["checksum"].get<std::string>();
  entry.erase("checksum");
  if (model::sha256_hex(entry.dump()) != checksum || entry.value("schema", "") != kSchema ||
      entry.value("tool", "") != tool_version_ || entry.value("root", "") != root.string() ||
      entry.value("options", "") != options) {
    return discard();
  }
  if (entry.value("folders", json()) != folder_stamps(root)) return std::nullopt;
  const json& files = entry.value("files", json());
  if (!files.is_object()) return discard();
  for (const auto& [file, stamp] : files.items()) {
    if (content_stamp(sources.load(file)) != stamp) return std::nullopt;
  }
  auto run = run_from(entry.value("result", json()), sources);
  if (!run) return discard();
  return run;
}

void ResultCache::store(const fs::path& root, const std::string& options, const ProjectRun& run,
                        core::SourceMap& sources, const std::vector<core::FileId>& files) const {
  if (run.internal_error) return;
  json stamps = json::object();
  for (const core::FileId id : files) {
    const fs::path& path = sources.get(id).path();
    stamps[path.string()] = content_stamp(sources.load(path));  // already read: returns the same text and error
  }
  json entry = {{"schema", kSchema}, {"tool", tool_version_}, {"root", root.string()}, {"options", options},
                {"folders", folder_stamps(root)}, {"files", stamps}, {"result", run_json(run, sources)}};
  entry["checksum"] = model::sha256_hex(entry.dump());
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path path = entry_path(root, options);
  const fs::path tmp = path.string() + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;  // a cache that cannot be written is only slower
    out << entry.dump();
    if (!out.flush()) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  prune();
}

void ResultCache::prune() const {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") entries.emplace_back(it->last_write_time(ec), it->path());
  }
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i + kMaxEntries < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace kedrolint::session
