// The static evaluator on small registries: each case writes a throw-away
// project whose pipeline_registry.py is the code under test, builds the
// model and looks at the registered pipelines (their nodes, whether they are
// complete) and at what Kedro would raise.
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

/// `name: [node, ...]` per registered pipeline (nodes sorted by name), with
/// ` (incomplete)` when the evaluator could not establish every node.
struct Evaluated {
  std::map<std::string, std::string> pipelines;
  std::vector<std::string> errors;  ///< messages of what Kedro raises (KL1xx/KL2xx sources)
  std::vector<std::string> findings;  ///< "KLxxx message" of the KL0xx findings
  bool all_complete = false;          ///< `Project::all_pipelines_complete()`: "nothing uses X" is safe
};

Evaluated evaluate(const std::string& registry, const std::string& version = "1.5.0",
                   const std::map<std::string, std::string>& extra_files = {}) {
  const fs::path root = snippet_project::write("kedrolint-eval", registry, version, extra_files);
  core::SourceMap sources(root);
  const auto project = model::build_project(root, sources, model::BuildOptions{});
  Evaluated out;
  out.pipelines = snippet_project::pipelines(project);
  for (const auto& e : project.kedro_errors) out.errors.push_back(e.message);
  for (const auto& f : project.findings) out.findings.push_back(f.code + " " + f.message);
  out.all_complete = project.all_pipelines_complete();
  fs::remove_all(root);
  return out;
}

const char* const kHeader =
    "import os\n"
    "from kedro.pipeline import node, pipeline\n"
    "\n"
    "\n"
    "def f(x):\n"
    "    return x\n"
    "\n"
    "\n";

}  // namespace

TEST_CASE("evaluator: an Unknown stored by a list or dict method keeps the pipeline incomplete", "[python][eval]") {
  const auto e = evaluate(std::string(kHeader) +
                          "def make(base, ns):\n"
                          "    if os.environ.get('SKIP_' + ns):\n"
                          "        return None\n"
                          "    return pipeline(base, namespace=ns)\n"
                          "\n"
                          "\n"
                          "def register_pipelines():\n"
                          "    base = pipeline([node(f, 'a', 'b', name='n1')])\n"
                          "    appended = [base]\n"
                          "    for ns in ['eu', 'us']:\n"
                          "        appended.append(make(base, ns))\n"
                          "    inserted = [base]\n"
                          "    inserted.insert(0, make(base, 'asia'))\n"
                          "    extended = [base]\n"
                          "    extended.extend(make(base, 'x'))\n"
                          "    added = [base]\n"
                          "    added += make(base, 'y')\n"
                          "    defaults = {'base': base}\n"
                          "    defaults.setdefault('x', make(base, 'x'))\n"
                          "    updated = {'base': base}\n"
                          "    updated.update(y=make(base, 'y'))\n"
                          "    return {'appended': pipeline(appended), 'inserted': pipeline(inserted),\n"
                          "            'extended': pipeline(extended), 'added': pipeline(added),\n"
                          "            'defaults': pipeline(list(defaults.values())),\n"
                          "            'updated': pipeline(list(updated.values())), 'base': base}\n");
  for (const char* name : {"appended", "inserted", "extended", "added", "defaults", "updated"}) {
    INFO(name);
    CHECK(e.pipelines.at(name) == "[n1] (incomplete)");
  }
  CHECK(e.pipelines.at("base") == "[n1]");
}

TEST_CASE("evaluator: a value from outside the project given to node() is Unknown, never invalid", "[python][eval]") {
  // os.environ["X"] is a str at run time: Kedro accepts it, so no KL110.
  const auto e = evaluate(std::string(kHeader) +
                          "def register_pipelines():\n"
                          "    return {'list': pipeline([node(f, ['a', os.environ['X']], 'b', name='n1')]),\n"
                          "            'str': pipeline([node(f, os.environ['X'], 'c', name='n2')]),\n"
                          "            'name': pipeline([node(f, 'a', 'd', name=os.environ['N'])])}\n");
  CHECK(e.errors.empty());
  for (const char* name : {"list", "str", "name"}) {
    INFO(name);
    CHECK(e.pipelines.at(name) == "[] (incomplete)");
  }
}

TEST_CASE("evaluator: a dict changed by an unknown update makes the function Unknown", "[python][eval]") {
  const auto e = evaluate(std::string(kHeader) +
                          "def register_pipelines():\n"
                          "    pipes = {'__default__': pipeline([node(f, 'a', 'b', name='n1')])}\n"
                          "    pipes.update(os.environ.get('MORE'))\n"
                          "    return pipes\n");
  CHECK(e.pipelines.empty());
  REQUIRE(e.findings.size() == 1);
  CHECK(e.findings[0].rfind("KL010 cannot evaluate statically", 0) == 0);
  CHECK_FALSE(e.all_complete);  // an unknown registry is no proof that a dataset is unused
}

TEST_CASE("evaluator: a statement that raises or stops half-way is not skipped", "[python][eval]") {
  const auto e = evaluate(std::string(kHeader) +
                          "EXTRA = []\n"
                          "\n"
                          "\n"
                          "def add_extra():\n"
                          "    if os.environ.get('EXTRA'):\n"
                          "        EXTRA.append(node(f, 'e', 'g', name='extra'))\n"
                          "\n"
                          "\n"
                          "def broken():\n"
                          "    unknown_name(1)\n"
                          "    return pipeline([node(f, 'c', 'd', name='n2')])\n"
                          "\n"
                          "\n"
                          "def extra():\n"
                          "    add_extra()\n"
                          "    return pipeline(EXTRA)\n"
                          "\n"
                          "\n"
                          "def register_pipelines():\n"
                          "    print('building')\n"
                          "    os.environ.get('X')\n"
                          "    base = pipeline([node(f, 'a', 'b', name='n1')])\n"
                          "    return {'base': base, 'broken': broken(), 'extra': extra()}\n");
  CHECK(e.pipelines.at("base") == "[n1]");
  CHECK(e.pipelines.at("broken") == "[] (incomplete)");
  CHECK(e.pipelines.at("extra") == "[] (incomplete)");
}

TEST_CASE("evaluator: del removes dict keys, list items and names", "[python][eval]") {
  const auto e = evaluate(std::string(kHeader) +
                          "def register_pipelines():\n"
                          "    base = pipeline([node(f, 'a', 'b', name='n1')])\n"
                          "    other = pipeline([node(f, 'c', 'd', name='n2')])\n"
                          "    pipelines = {'__default__': base, 'x': other, 'y': other, 'z': other}\n"
                          "    del pipelines['x']\n"
                          "    del pipelines['y'], pipelines['z']\n"
                          "    items = [base, other]\n"
                          "    del items[-1]\n"
                          "    pipelines['items'] = pipeline(items)\n"
                          "    tmp = 1\n"
                          "    del tmp\n"
                          "    return pipelines\n");
  CHECK(e.pipelines.size() == 2);
  CHECK(e.pipelines.at("__default__") == "[n1]");
  CHECK(e.pipelines.at("items") == "[n1]");
}

TEST_CASE("evaluator: string literals, plain and not, evaluate as Python reads them", "[python][eval]") {
  // Plain one-line literals take a shortcut (the text between the quotes);
  // every other form must still go through prefixes, escapes and braces.
  const auto e = evaluate(std::string(kHeader) +
                          "def register_pipelines():\n"
                          "    p = pipeline([node(f, 'a', 'b', name='n1')])\n"
                          "    return {\n"
                          "        '__default__': p,\n"
                          "        'a\"b': p,\n"
                          "        \"it's\": p,\n"
                          "        '': p,\n"
                          "        '{x}': p,\n"
                          "        'tab\\tx': p,\n"
                          "        r'raw\\n': p,\n"
                          "        '''tri''': p,\n"
                          "        f'{1}x{{': p,\n"
                          "        'con' \"cat\": p,\n"
                          "    }\n");
  std::vector<std::string> names;
  for (const auto& [name, nodes] : e.pipelines) names.push_back(name);
  CHECK(names == std::vector<std::string>{"", "1x{", "__default__", "a\"b", "concat", "it's", "raw\\n", "tab\tx",
                                          "tri", "{x}"});
}

TEST_CASE("evaluator: del of a missing key raises, of an unknown key is Unknown", "[python][eval]") {
  const auto missing = evaluate(std::string(kHeader) +
                                "def register_pipelines():\n"
                                "    pipelines = {'__default__': pipeline([node(f, 'a', 'b', name='n1')])}\n"
                                "    del pipelines['nope']\n"
                                "    return pipelines\n");
  CHECK(missing.pipelines.empty());
  REQUIRE(missing.findings.size() == 1);
  CHECK(missing.findings[0].find("KeyError: 'nope'") != std::string::npos);
  const auto unknown = evaluate(std::string(kHeader) +
                                "def register_pipelines():\n"
                                "    pipelines = {'__default__': pipeline([node(f, 'a', 'b', name='n1')])}\n"
                                "    del pipelines[os.environ['P']]\n"
                                "    return pipelines\n");
  CHECK(unknown.pipelines.empty());
  CHECK(unknown.findings.size() == 1);
}

TEST_CASE("evaluator: find_pipelines(raise_errors=True) raises where Kedro does", "[python][eval]") {
  const std::map<std::string, std::string> files = {
      {"src/demo/pipeline.py", "from .missing import helper\n"},
      {"src/demo/pipelines/ok/__init__.py",
       "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
       "def create_pipeline():\n    return pipeline([node(f, 'a', 'b', name='ok')])\n"}};
  const std::string registry =
      "from kedro.framework.project import find_pipelines\n\n\n"
      "def register_pipelines():\n    return find_pipelines(%s)\n";
  auto with = [&](const std::string& args) {
    std::string code = registry;
    code.replace(code.find("%s"), 2, args);
    return code;
  };
  // <package>/pipeline.py fails to import: a warning, or ImportError with raise_errors.
  const auto warns = evaluate(with(""), "1.5.0", files);
  CHECK(warns.pipelines.at("__default__") == "[]");
  CHECK(warns.pipelines.at("ok") == "[ok]");
  const auto raises = evaluate(with("raise_errors=True"), "1.5.0", files);
  CHECK(raises.pipelines.empty());
  CHECK(raises.errors.size() == 1);  // KL112: importing demo.pipeline fails
  // raise_errors and pipelines_to_find do not exist before Kedro 0.19.6 and 1.3.
  const auto old = evaluate(with("raise_errors=True"), "0.18.14", files);
  CHECK(old.pipelines.empty());
  REQUIRE(old.errors.size() == 1);
  CHECK(old.errors[0] == "find_pipelines() got an unexpected keyword argument 'raise_errors'");
}
