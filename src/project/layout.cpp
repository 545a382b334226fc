#include "project/layout.hpp"

#include <fstream>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "project/read_problem.hpp"

namespace kedrolint::project {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kInvalidPyproject = "KL006";
constexpr std::string_view kMissingModule = "KL007";

bool mentions_tool_kedro(const fs::path& pyproject) {
  std::ifstream in(pyproject, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str().find("[tool.kedro]") != std::string::npos;
}

void require_string(const parse::TomlValue& kedro, std::string_view key, std::string& out,
                    const core::SourceFile& file, std::vector<core::Finding>& findings, bool mandatory) {
  const parse::TomlValue* value = kedro.get(key);
  if (!value) {
    if (mandatory) {
      findings.push_back({std::string(kInvalidPyproject), kedro.key_span.valid() ? kedro.key_span : file.span(0, 0),
                          "`[tool.kedro]` is missing the required key `" + std::string(key) +
                              "`; Kedro refuses to load the project",
                          {},
                          "Add `" + std::string(key) + " = \"...\"` under `[tool.kedro]`."});
    }
    return;
  }
  if (!value->is_string()) {
    findings.push_back({std::string(kInvalidPyproject), value->span,
                        "`" + std::string(key) + "` must be a string, found " + std::string(value->kind_name()),
                        {},
                        std::nullopt});
    return;
  }
  out = value->string;
}

// A `kedro==X.Y.Z` pin in requirements.txt or [project] dependencies.
std::optional<KedroVersion> pinned_version(const fs::path& root, const parse::TomlValue& pyproject) {
  static const std::regex pin(R"(^\s*["']?kedro(\[[^\]]*\])?\s*==\s*([0-9][0-9A-Za-z.]*))");
  auto from_line = [&](const std::string& line, const std::string& origin) -> std::optional<KedroVersion> {
    std::smatch m;
    if (!std::regex_search(line, m, pin)) return std::nullopt;
    auto v = parse_kedro_version(m[2].str());
    if (v) v->origin = origin;
    return v;
  };
  if (const auto* deps = pyproject.path("project.dependencies"); deps && deps->is_array()) {
    for (const auto& d : deps->array) {
      if (d.is_string()) {
        if (auto v = from_line(d.string, "pyproject.toml dependencies")) return v;
      }
    }
  }
  for (const char* name : {"requirements.txt", "src/requirements.txt"}) {
    std::ifstream in(root / name);
    std::string line;
    while (std::getline(in, line)) {
      if (auto v = from_line(line, name)) return v;
    }
  }
  return std::nullopt;
}

// The version the project says it was made with. Kedro 0.17 requires
// `project_version`; 0.18 accepts it as a deprecated alias that wins over
// `kedro_init_version` (kedro-0.18.14/kedro/framework/startup.py); 0.19 and
// later read only `kedro_init_version`.
std::optional<KedroVersion> declared_version(const Layout& layout, const std::string& project_version,
                                             const parse::TomlValue& kedro) {
  auto read = [&](const std::string& text, const char* key) -> std::optional<KedroVersion> {
    if (text.empty()) return std::nullopt;
    auto v = parse_kedro_version(text);
    if (!v) return std::nullopt;
    v->origin = key;
    if (const auto* value = kedro.get(key)) v->span = value->span;
    return v;
  };
  auto legacy = read(project_version, "project_version");
  if (legacy && !legacy->at_least(0, 19)) return legacy;
  if (auto init = read(layout.kedro_init_version, "kedro_init_version")) return init;
  return legacy;
}

void choose_version(Layout& layout, const parse::TomlValue& pyproject, const parse::TomlValue& kedro,
                    const std::string& project_version) {
  std::optional<KedroVersion> init = declared_version(layout, project_version, kedro);
  auto pin = pinned_version(layout.root, pyproject);
  // Kedro only runs when the installed version has the init version's major
  // (1.x) or major.minor (0.x); an exact pin that agrees is more precise.
  if (pin && init) {
    const bool compatible = init->major >= 1 ? pin->major == init->major
                                             : pin->major == init->major && pin->minor == init->minor;
    if (compatible) {
      layout.kedro_version = *pin;
      return;
    }
  }
  if (init) {
    layout.kedro_version = *init;
  } else if (pin) {
    layout.kedro_version = *pin;
  }
}

void report_missing_key(const parse::TomlValue& kedro, const std::string& key, const Layout& layout,
                        const core::SourceFile& file, std::vector<core::Finding>& findings) {
  findings.push_back({std::string(kInvalidPyproject), kedro.key_span.valid() ? kedro.key_span : file.span(0, 0),
                      "`[tool.kedro]` is missing the required key `" + key + "`; Kedro " +
                          layout.kedro_version.short_text() + " refuses to load the project",
                      {},
                      "Add `" + key + " = \"...\"` under `[tool.kedro]`."});
}

// The version key each Kedro requires (startup.py `mandatory_keys`): 0.17
// `project_version`, 0.18 either key, 0.19+ `kedro_init_version`.
void check_version_key(const parse::TomlValue& kedro, const Layout& layout, const core::SourceFile& file,
                       std::vector<core::Finding>& findings) {
  const bool has_init = kedro.get("kedro_init_version") != nullptr;
  const bool has_legacy = kedro.get("project_version") != nullptr;
  const auto& v = layout.kedro_version;
  if (!v.at_least(0, 18)) {
    if (!has_legacy) report_missing_key(kedro, "project_version", layout, file, findings);
  } else if (!v.at_least(0, 19)) {
    if (!has_init && !has_legacy) report_missing_key(kedro, "kedro_init_version", layout, file, findings);
  } else if (!has_init) {
    report_missing_key(kedro, "kedro_init_version", layout, file, findings);
  }
}

void check_unexpected_keys(const parse::TomlValue& kedro, const Layout& layout, std::vector<core::Finding>& findings) {
  // The fields of startup.py's ProjectMetadata, plus the key it pops
  // (0.17 `pipeline`, 0.18 `micropkg`).
  std::vector<std::string> allowed = {"package_name", "project_name"};
  if (!layout.kedro_version.at_least(0, 18)) {
    allowed.insert(allowed.end(), {"project_version", "source_dir", "pipeline"});
  } else if (!layout.kedro_version.at_least(0, 19)) {
    allowed.insert(allowed.end(), {"kedro_init_version", "project_version", "source_dir", "micropkg"});
  } else {
    allowed.insert(allowed.end(), {"kedro_init_version", "source_dir", "tools", "example_pipeline"});
  }
  for (const auto& [key, value] : kedro.table) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    auto close = core::close_matches(key, allowed, 1);
    findings.push_back({std::string(kInvalidPyproject), value.key_span,
                        "unexpected key `" + key + "` in `[tool.kedro]`; Kedro " + layout.kedro_version.short_text() +
                            " refuses to load a project with unknown keys",
                        {},
                        close.empty() ? "Allowed keys: " + core::join(allowed, ", ") + "."
                                      : "Did you mean `" + close.front() + "`?"});
  }
}

}  // namespace

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "/a/b/" -> "/a/b"
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / "pyproject.toml", ec) && mentions_tool_kedro(dir / "pyproject.toml")) return dir;
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

Layout discover_layout(const fs::path& root, core::SourceMap& sources, std::vector<core::Finding>& findings) {
  Layout layout;
  layout.root = root;
  auto loaded = sources.load(root / "pyproject.toml");
  if (!loaded.file || loaded.error) {
    report_read_problem(root / "pyproject.toml", loaded, findings);
    if (!loaded.file) return layout;
  }
  layout.pyproject = loaded.file;
  const auto toml = parse::parse_toml(*loaded.file);
  if (toml.error) {
    findings.push_back({std::string(kInvalidPyproject), toml.error->first,
                        "`pyproject.toml` is not valid TOML: " + toml.error->second,
                        {},
                        std::nullopt});
    return layout;
  }
  const parse::TomlValue* kedro = toml.root->path("tool.kedro");
  if (!kedro || !kedro->is_table()) {
    findings.push_back({std::string(kInvalidPyproject), loaded.file->span(0, 0),
                        "`pyproject.toml` has no `[tool.kedro]` table", {}, std::nullopt});
    return layout;
  }
  require_string(*kedro, "package_name", layout.package_name, *loaded.file, findings, true);
  require_string(*kedro, "project_name", layout.project_name, *loaded.file, findings, true);
  require_string(*kedro, "kedro_init_version", layout.kedro_init_version, *loaded.file, findings, false);
  std::string project_version;
  require_string(*kedro, "project_version", project_version, *loaded.file, findings, false);
  std::string source_dir = "src";
  require_string(*kedro, "source_dir", source_dir, *loaded.file, findings, false);
  if (const auto* tool = toml.root->path("tool.kedrolint")) layout.kedrolint_config = *tool;
  choose_version(layout, *toml.root, *kedro, project_version);
  check_version_key(*kedro, layout, *loaded.file, findings);
  check_unexpected_keys(*kedro, layout, findings);

  layout.source_dir = (root / source_dir).lexically_normal();
  if (layout.package_name.empty()) return layout;
  if (const auto* v = kedro->get("package_name")) layout.package_name_span = v->span;
  layout.package_dir = layout.source_dir / layout.package_name;
  std::error_code ec;
  if (!fs::is_directory(layout.package_dir, ec)) {
    findings.push_back({std::string(kMissingModule), layout.package_name_span,
                        "package folder `" + sources.display_path(layout.package_dir) +
                            "` does not exist, so no pipeline can be read",
                        {},
                        "Check `package_name` and `source_dir` in `[tool.kedro]`."});
    layout.package_dir.clear();
    return layout;
  }
  if (fs::is_regular_file(layout.package_dir / "settings.py", ec)) layout.settings_file = layout.package_dir / "settings.py";
  if (fs::is_regular_file(layout.package_dir / "pipeline_registry.py", ec)) {
    layout.registry_file = layout.package_dir / "pipeline_registry.py";
  } else if (layout.kedro_version.at_least(0, 18)) {  // 0.17 may register pipelines in hooks: see evaluate.cpp
    findings.push_back({std::string(kMissingModule), layout.package_name_span,
                        "`" + sources.display_path(layout.package_dir / "pipeline_registry.py") +
                            "` does not exist; Kedro finds no registered pipeline",
                        {},
                        "Create it with a `register_pipelines()` function that returns the pipelines by name."});
  }
  return layout;
}

}  // namespace kedrolint::project
