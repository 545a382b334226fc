#pragma once
// A throw-away Kedro project around one pipeline_registry.py, for tests of
// the evaluator on small snippets.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace snippet_project {
namespace fs = std::filesystem;

/// Writes the project (package `demo`, empty settings.py, conf/base and
/// conf/local) into a new temporary folder and returns its root.
inline fs::path write(const std::string& prefix, const std::string& registry, const std::string& kedro_version,
                      const std::map<std::string, std::string>& extra_files = {}) {
  static int next = 0;
  const fs::path root =
      fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(next++));
  fs::remove_all(root);
  auto put = [&](const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  };
  put("pyproject.toml", "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"" +
                            kedro_version + "\"\n");
  fs::create_directories(root / "conf/base");
  fs::create_directories(root / "conf/local");
  put("src/demo/__init__.py", "");
  put("src/demo/settings.py", "");
  put("src/demo/pipeline_registry.py", registry);
  for (const auto& [rel, text] : extra_files) put(rel, text);
  return root;
}

/// `name: "[node, ...]"` per registered pipeline (node names sorted), with
/// " (incomplete)" when the evaluator could not establish every node.
inline std::map<std::string, std::string> pipelines(const kedrolint::model::Project& project) {
  std::map<std::string, std::string> out;
  for (const auto& [name, reg] : project.pipelines) {
    std::vector<std::string> names;
    for (const auto& n : reg.pipeline->nodes) names.push_back(n->name);
    std::sort(names.begin(), names.end());
    std::string text = "[";
    for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
    out[name] = text + "]" + (reg.pipeline->complete() ? "" : " (incomplete)");
  }
  return out;
}

}  // namespace snippet_project
