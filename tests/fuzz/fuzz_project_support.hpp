#pragma once
// A small Kedro project on disk that the fuzz targets fill from memory: the
// skeleton (pyproject, conf folders, package) is written once; each input
// is added to the SourceMap under one of its paths, which the analysis then
// reads instead of the file on disk.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/engine.hpp"

namespace kedrolint::fuzz {

inline const std::filesystem::path& skeleton() {
  static const std::filesystem::path root = [] {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kedrolint-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir / "conf/base");
    fs::create_directories(dir / "conf/local");
    fs::create_directories(dir / "src/demo/pipelines/ds");
    std::ofstream(dir / "pyproject.toml")
        << "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n";
    for (const char* f : {"src/demo/__init__.py", "src/demo/settings.py", "src/demo/pipelines/__init__.py",
                          "src/demo/pipelines/ds/__init__.py", "conf/base/parameters.yml", "conf/base/catalog.yml"}) {
      std::ofstream(dir / f);
    }
    std::ofstream(dir / "src/demo/pipelines/ds/pipeline.py")
        << "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
           "def create_pipeline(**kwargs):\n    return pipeline([node(f, \"raw\", \"clean\", name=\"n\")])\n";
    std::ofstream(dir / "src/demo/pipeline_registry.py")
        << "from kedro.framework.project import find_pipelines\n\n\ndef register_pipelines():\n"
           "    pipelines = find_pipelines()\n    pipelines[\"__default__\"] = sum(pipelines.values())\n"
           "    return pipelines\n";
    return dir;
  }();
  return root;
}

/// Runs every rule on the skeleton with `text` as the file at `relative`.
inline void check_with(const std::string& relative, const std::uint8_t* data, std::size_t size) {
  core::SourceMap sources(skeleton());
  sources.add(skeleton() / relative, std::string(reinterpret_cast<const char*>(data), size));
  engine::CheckOptions options;
  options.jobs = 1;
  (void)engine::check_project(skeleton(), options, sources);
}

}  // namespace kedrolint::fuzz
