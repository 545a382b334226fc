#include "model/requirements.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "parse/toml_source.hpp"

namespace kedrolint::model {
namespace fs = std::filesystem;

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

// `# comment` starts a comment at the line start or after whitespace (pip).
std::string_view without_comment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  }
  return line;
}

// `-e git+https://...#egg=name`: the name is in the egg fragment.
std::string egg_name(std::string_view option) {
  const auto at = option.find("#egg=");
  if (at == std::string_view::npos) return {};
  std::string_view rest = option.substr(at + 5);
  std::size_t end = 0;
  while (end < rest.size() && is_name_char(rest[end])) ++end;
  return std::string(rest.substr(0, end));
}

struct Reader {
  core::SourceMap& sources;
  std::vector<Requirement>& out;
  std::set<std::string> seen;

  void add(std::string_view text, const core::SourceFile& file, std::uint32_t begin) {
    Requirement r;
    if (!parse_requirement(text, r)) return;
    const auto trimmed = core::trim(text);
    const auto offset = static_cast<std::uint32_t>(trimmed.data() - text.data());
    r.span = file.span(begin + offset, begin + offset + static_cast<std::uint32_t>(trimmed.size()));
    out.push_back(std::move(r));
  }

  void option(std::string_view line, const core::SourceFile& file, std::uint32_t begin) {
    for (const std::string_view flag : {"-r ", "--requirement ", "--requirement="}) {
      if (line.substr(0, flag.size()) == flag) {
        read_file(file.path().parent_path() / std::string(core::trim(line.substr(flag.size()))));
        return;
      }
    }
    if (line.substr(0, 2) == "-e" || line.substr(0, 10) == "--editable") {
      const std::string name = egg_name(line);
      if (!name.empty()) add(name, file, begin + static_cast<std::uint32_t>(line.find("#egg=") + 5));
    }
  }

  void read_file(const fs::path& path) {
    const std::string key = fs::absolute(path).lexically_normal().string();
    if (!seen.insert(key).second) return;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return;
    const auto loaded = sources.load(path);
    if (!loaded.file || loaded.error) return;
    const std::string_view text = loaded.file->text();
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t start = pos;
      // A trailing backslash continues the requirement on the next line.
      std::string joined;
      std::size_t end = text.find('\n', pos);
      while (true) {
        const std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
        const std::string_view body = without_comment(line);
        const std::string_view kept = core::trim(body);
        if (!kept.empty() && kept.back() == '\\' && end != std::string_view::npos) {
          joined += std::string(body.substr(0, body.rfind('\\')));
          pos = end + 1;
          end = text.find('\n', pos);
          continue;
        }
        joined += std::string(body);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        break;
      }
      const std::string_view line = core::trim(joined);
      if (line.empty()) continue;
      if (line.front() == '-') option(line, *loaded.file, static_cast<std::uint32_t>(start));
      else add(joined, *loaded.file, static_cast<std::uint32_t>(start));
    }
  }
};

void read_pyproject(const project::Layout& layout, std::vector<Requirement>& out) {
  if (!layout.pyproject) return;
  const auto toml = parse::parse_toml(*layout.pyproject);
  if (!toml.root) return;
  const auto* deps = toml.root->path("project.dependencies");
  if (!deps || !deps->is_array()) return;
  for (const auto& item : deps->array) {
    Requirement r;
    if (!item.is_string() || !parse_requirement(item.string, r)) continue;
    r.span = item.span;
    out.push_back(std::move(r));
  }
}

std::vector<fs::path> requirement_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("requirements", 0) == 0 && entry.path().extension() == ".txt") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string normalize_distribution(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (out.empty() || out.back() != '-') out += '-';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool parse_requirement(std::string_view text, Requirement& out) {
  const std::string_view s = core::trim(text);
  if (s.empty() || !std::isalnum(static_cast<unsigned char>(s.front()))) return false;
  std::size_t end = 0;
  while (end < s.size() && is_name_char(s[end])) ++end;
  out.name = std::string(s.substr(0, end));
  out.normalized = normalize_distribution(out.name);
  out.text = std::string(s);
  out.extras.clear();
  std::size_t at = end;
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  if (at < s.size() && s[at] == '[') {
    const auto close = s.find(']', at);
    if (close != std::string_view::npos) {
      for (const auto& extra : core::split(s.substr(at + 1, close - at - 1), ',')) {
        const auto e = core::trim(extra);
        if (!e.empty()) out.extras.push_back(normalize_distribution(e));
      }
    }
  }
  return true;
}

std::vector<Requirement> read_requirements(const project::Layout& layout, core::SourceMap& sources) {
  std::vector<Requirement> out;
  read_pyproject(layout, out);
  Reader reader{sources, out, {}};
  for (const auto& path : requirement_files(layout.root)) reader.read_file(path);
  if (!layout.source_dir.empty() && layout.source_dir != layout.root) {
    for (const auto& path : requirement_files(layout.source_dir)) reader.read_file(path);
  }
  return out;
}

}  // namespace kedrolint::model
