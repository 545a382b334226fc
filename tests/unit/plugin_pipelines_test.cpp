// Monorepo source roots, and pipelines built through plugins the oracle cannot import (kedro-mlflow is
// not installed here): kedro_mlflow.pipeline.pipeline_ml_factory returns
// PipelineML(nodes=training.nodes, ...) after checking the inference pipeline
// (kedro_mlflow/pipeline/pipeline_ml_factory.py and pipeline_ml.py).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/build.hpp"
#include "snippet_project.hpp"

namespace fs = std::filesystem;
using namespace kedrolint;

namespace {

struct Built {
  std::map<std::string, std::string> pipelines;  ///< name -> "[a, b]" (sorted), " (incomplete)" when so
  std::vector<std::string> errors;
  std::vector<std::string> funcs;  ///< `module:qualname` of every node, "" when outside the project
};

Built build(const std::string& registry, const std::map<std::string, std::string>& extra_files = {},
            const std::vector<std::string>& extra_roots = {}) {
  const fs::path root = snippet_project::write("kedrolint-plugins", registry, "1.5.0", extra_files);
  core::SourceMap sources(root);
  model::BuildOptions options;
  for (const auto& r : extra_roots) options.extra_source_roots.emplace_back(r, core::Span{});
  const auto project = model::build_project(root, sources, options);
  Built out;
  out.pipelines = snippet_project::pipelines(project);
  for (const auto& [name, reg] : project.pipelines) {
    for (const auto& n : reg.pipeline->nodes) out.funcs.push_back(n->func->qualified());
  }
  for (const auto& e : project.kedro_errors) out.errors.push_back(e.message);
  fs::remove_all(root);
  return out;
}

const char* const kMlflowHeader =
    "from kedro.pipeline import node, pipeline\n"
    "from kedro_mlflow.pipeline import pipeline_ml_factory\n"
    "\n"
    "def f(*args):\n"
    "    return args\n"
    "\n"
    "training = pipeline([node(f, 'raw', 'features', name='featurize'),\n"
    "                     node(f, ['features', 'params:alpha'], 'model', name='fit')], tags=['train'])\n";

}  // namespace

TEST_CASE("pipeline_ml_factory: the training pipeline's nodes", "[python][eval][plugins]") {
  const auto built = build(std::string(kMlflowHeader) +
                           "inference = pipeline([node(f, ['model', 'new_data'], 'predictions', name='predict')])\n"
                           "def register_pipelines():\n"
                           "    ml = pipeline_ml_factory(training=training, inference=inference, input_name='new_data')\n"
                           "    return {'__default__': ml, 'all': ml + inference}\n");
  CHECK(built.errors.empty());
  CHECK(built.pipelines.at("__default__") == "[featurize, fit]");
  CHECK(built.pipelines.at("all") == "[featurize, fit, predict]");
}

TEST_CASE("pipeline_ml_factory: kedro-mlflow's checks raise", "[python][eval][plugins]") {
  SECTION("input_name must be an input of the inference pipeline") {
    const auto built = build(std::string(kMlflowHeader) +
                             "inference = pipeline([node(f, ['model', 'new_data'], 'predictions', name='predict')])\n"
                             "def register_pipelines():\n"
                             "    return {'__default__': pipeline_ml_factory(training, inference, 'data')}\n");
    REQUIRE(built.errors.size() == 1);
    CHECK(built.errors[0].find("input_name='data' but it must be an input of 'inference'") != std::string::npos);
    CHECK(built.pipelines.at("__default__") == "[] (incomplete)");
  }
  SECTION("the inference pipeline has exactly one output") {
    const auto built = build(std::string(kMlflowHeader) +
                             "inference = pipeline([node(f, ['model', 'new_data'], ['p', 'q'], name='predict')])\n"
                             "def register_pipelines():\n"
                             "    return {'__default__': pipeline_ml_factory(training, inference, 'new_data')}\n");
    REQUIRE(built.errors.size() == 1);
    CHECK(built.errors[0].find("one and only one output") != std::string::npos);
  }
  SECTION("no free input besides input_name and parameters") {
    const auto built =
        build(std::string(kMlflowHeader) +
              "inference = pipeline([node(f, ['model', 'encoder', 'new_data', 'params:t'], 'p', name='predict')])\n"
              "def register_pipelines():\n"
              "    return {'__default__': pipeline_ml_factory(training, inference, 'new_data')}\n");
    REQUIRE(built.errors.size() == 1);
    CHECK(built.errors[0].find("free for the inference pipeline: 'encoder'") != std::string::npos);
  }
}

TEST_CASE("pipeline_ml_factory: an incomplete inference pipeline leaves the result incomplete", "[python][eval][plugins]") {
  const auto built = build(std::string(kMlflowHeader) +
                           "import os\n"
                           "inference = pipeline([node(f, ['model', os.environ['X']], 'p', name='predict')])\n"
                           "def register_pipelines():\n"
                           "    return {'__default__': pipeline_ml_factory(training, inference, 'new_data')}\n");
  INFO((built.errors.empty() ? std::string() : built.errors.front()));
  CHECK(built.errors.empty());
  CHECK(built.pipelines.at("__default__") == "[featurize, fit] (incomplete)");
}

TEST_CASE("extra source roots: listed sibling packages are project code, others stay external", "[python][eval][plugins]") {
  const std::map<std::string, std::string> files = {
      {"libs/a/src/a/__init__.py", ""},
      {"libs/a/src/a/steps.py", "from .names import OUT\n\ndef g(x):\n    return x\n"},
      {"libs/a/src/a/names.py", "OUT = 'y'\n"},
      {"libs/b/src/b/__init__.py", ""},
      {"libs/b/src/b/h.py", "def k(x):\n    return x\n"}};
  const std::string registry =
      "from kedro.pipeline import node, pipeline\n"
      "from a.steps import g, OUT\n"
      "from b.h import k\n"
      "def register_pipelines():\n"
      "    return {'__default__': pipeline([node(g, 'x', OUT, name='g'), node(k, OUT, 'z', name='k')])}\n";
  SECTION("configured") {
    const auto built = build(registry, files, {"libs/a/src"});
    CHECK(built.pipelines.at("__default__") == "[g, k]");
    CHECK(built.funcs == std::vector<std::string>{"a.steps:g", ""});
  }
  SECTION("not configured: `a` is outside the project, so `OUT` is unknown") {
    const auto built = build(registry, files);
    CHECK(built.pipelines.at("__default__") == "[] (incomplete)");
  }
}
