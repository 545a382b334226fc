// The built `kedrolint` binary, run like a user runs it (popen): exit codes,
// --output, the output formats, `rule`, `--version`. Projects are written to a
// temporary folder so that the expected findings are known exactly.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_support.hpp"

using namespace cli_support;
namespace fs = std::filesystem;

TEST_CASE("cli: exit 0 when clean, 1 with findings", "[cli][e2e]") {
  TempProject clean(false), dirty(true);
  const auto ok = kedrolint("check " + clean.path() + " --select KL0,KL111");
  INFO(ok.out << ok.err);
  CHECK(ok.status == 0);
  CHECK(ok.out == "All checks passed.\n");
  CHECK(ok.err.empty());
  const auto bad = kedrolint("check " + dirty.path() + " --select KL0,KL111");
  INFO(bad.out << bad.err);
  CHECK(bad.status == 1);
  CHECK(bad.out.find("pyproject.toml:7:1: error: unknown option `ignroe` in `[tool.kedrolint]` [KL009]") !=
        std::string::npos);
  CHECK(bad.out.find("src/demo/pipeline_registry.py:9:") != std::string::npos);
  CHECK(bad.out.find("[KL111]") != std::string::npos);
  CHECK(bad.out.find("Found 2 errors in 2 files.") != std::string::npos);
}

TEST_CASE("cli: --exit-zero, --fail-on and --ignore change the exit status", "[cli][e2e]") {
  TempProject p;
  CHECK(kedrolint("check " + p.path() + " --select KL0,KL111 --exit-zero").status == 0);
  CHECK(kedrolint("check " + p.path() + " --select KL009 --ignore KL009").status == 0);
  CHECK(kedrolint("check " + p.path() + " --select KL0,KL111 --fail-on error").status == 1);
  // Only a note: below the default fail-on level (warning).
  p.write("pyproject.toml",
          "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n\n"
          "[tool.kedrolint]\nseverity = { KL111 = \"note\" }\n");
  const auto note = kedrolint("check " + p.path() + " --select KL111");
  INFO(note.out);
  CHECK(note.status == 0);
  CHECK(note.out.find("note: ") != std::string::npos);
  CHECK(kedrolint("check " + p.path() + " --select KL111 --fail-on note").status == 1);
}

TEST_CASE("cli: exit 2 outside a Kedro project, for unknown selectors and bad usage", "[cli][e2e]") {
  const fs::path empty = scratch("not-kedro");
  fs::create_directories(empty);
  std::ofstream(empty / "pyproject.toml") << "[project]\nname = \"x\"\n";
  const auto outside = kedrolint("check '" + empty.string() + "'");
  CHECK(outside.status == 2);
  CHECK(outside.out.empty());
  CHECK(outside.err.find("is not inside a Kedro project") != std::string::npos);
  fs::remove_all(empty);
  TempProject p;
  const auto unknown = kedrolint("check " + p.path() + " --select KL999");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown rule selector `KL999`") != std::string::npos);
  CHECK(kedrolint("check " + p.path() + " --ignore not-a-rule").status == 2);
  CHECK(kedrolint("check " + p.path() + " --format yaml").status == 2);
  CHECK(kedrolint("check " + p.path() + " --fail-on fatal").status == 2);
  CHECK(kedrolint("check '/definitely/not/a/path'").status == 2);
  CHECK(kedrolint("").status == 2);  // a subcommand is required
  CHECK(kedrolint("frobnicate").status == 2);
}

TEST_CASE("cli: exit 2 when pyproject.toml cannot be read as a Kedro project", "[cli][e2e]") {
  TempProject p;
  p.write("pyproject.toml", "[tool.kedro]\npackage_name = \"demo\n");
  const auto r = kedrolint("check " + p.path());
  INFO(r.out << r.err);
  CHECK(r.status == 2);
  CHECK(r.out.find("[KL006]") != std::string::npos);  // the reason is still reported
}

TEST_CASE("cli: --output writes the report and nothing to stdout", "[cli][e2e]") {
  TempProject p;
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    INFO(format);
    const fs::path out = scratch("report." + format);
    const auto r =
        kedrolint("check " + p.path() + " --select KL0,KL111 --format " + format + " --output '" + out.string() + "'");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    REQUIRE(fs::is_regular_file(out));
    const std::string text = slurp(out);
    CHECK(text.find("KL111") != std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);
    // No temporary file is left next to it.
    std::size_t siblings = 0;
    for (const auto& e : fs::directory_iterator(out.parent_path())) {
      siblings += e.path().filename().string().rfind(out.filename().string(), 0) == 0;
    }
    CHECK(siblings == 1);
    fs::remove(out);
  }
  const auto unwritable = kedrolint("check " + p.path() + " --output '/definitely/not/here/report.txt'");
  CHECK(unwritable.status == 2);
  CHECK(unwritable.err.find("cannot write") != std::string::npos);
}

TEST_CASE("cli: --format github prints one workflow command per finding", "[cli][e2e]") {
  TempProject p;
  const auto r = kedrolint("check " + p.path() + " --select KL0,KL111 --format github");
  CHECK(r.status == 1);
  const auto ls = lines(r.out);
  REQUIRE(ls.size() == 2);
  CHECK(ls[0] ==
        "::error file=pyproject.toml,line=7,col=1,endLine=7,endColumn=7,title=KL009::unknown option `ignroe` in "
        "`[tool.kedrolint]`%0ADid you mean `ignore`?");
  CHECK(ls[1].rfind("::error file=src/demo/pipeline_registry.py,line=9,", 0) == 0);
  CHECK(ls[1].find(",title=KL111::") != std::string::npos);
}

TEST_CASE("cli: --format json and sarif are valid JSON with the findings", "[cli][e2e]") {
  TempProject p;
  const auto json = kedrolint("check " + p.path() + " --select KL0,KL111 --format json");
  CHECK(json.status == 1);
  const auto j = nlohmann::json::parse(json.out);
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["code"] == "KL009");
  CHECK(j[0]["name"] == "invalid-kedrolint-config");
  CHECK(j[0]["filename"] == "pyproject.toml");
  CHECK(j[0]["location"]["row"] == 7);
  CHECK(j[0]["location"]["column"] == 1);
  CHECK(j[0]["end_location"]["column"] == 7);
  CHECK(j[1]["code"] == "KL111");
  const auto sarif = kedrolint("check " + p.path() + " --select KL0,KL111 --format sarif");
  CHECK(sarif.status == 1);
  const auto s = nlohmann::json::parse(sarif.out);
  CHECK(s["version"] == "2.1.0");
  const auto& run = s["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["tool"]["driver"]["name"] == "kedrolint");
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["ruleId"] == "KL009");
  const auto index = run["results"][0]["ruleIndex"].get<std::size_t>();
  CHECK(run["tool"]["driver"]["rules"][index]["id"] == "KL009");
}

TEST_CASE("cli: a path inside the project and --quiet", "[cli][e2e]") {
  TempProject p;
  const auto r = kedrolint("check '" + (p.root() / "src/demo/pipeline_registry.py").string() + "' --select KL111 -q");
  INFO(r.out << r.err);
  CHECK(r.status == 1);
  CHECK(r.out.rfind("src/demo/pipeline_registry.py:9:", 0) == 0);  // paths stay relative to the root
  CHECK(r.out.find("Found ") == std::string::npos);
}

TEST_CASE("cli: rule documentation, the rule list and --version", "[cli][e2e]") {
  const auto doc = kedrolint("rule KL001");
  CHECK(doc.status == 0);
  CHECK(doc.out.rfind("# KL001 invalid-python-syntax\n", 0) == 0);
  CHECK(doc.out.find("## What it does") != std::string::npos);
  CHECK(doc.out.find("## Why is this bad?") != std::string::npos);
  CHECK(doc.out.find("Use instead:") != std::string::npos);
  CHECK(kedrolint("rule invalid-python-syntax").out == doc.out);
  const auto unknown = kedrolint("rule KL0001");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown rule `KL0001`") != std::string::npos);
  const auto list = kedrolint("rule");
  CHECK(list.status == 0);
  CHECK(list.out.find("KL001  invalid-python-syntax") != std::string::npos);
  const auto version = kedrolint("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("kedrolint ", 0) == 0);
  CHECK(version.out.back() == '\n');
}

// Each project's findings are judged by that project's own `fail-on`: the
// exit status must not depend on the order of the paths.
TEST_CASE("cli: several projects, each with its own fail-on", "[cli][e2e]") {
  TempProject strict(true), lenient(true);  // both have a KL111 finding, made a warning
  strict.write("pyproject.toml",
               "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n\n"
               "[tool.kedrolint]\nseverity = { KL111 = \"warning\" }\n");
  lenient.write("pyproject.toml",
                "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n\n"
                "[tool.kedrolint]\nseverity = { KL111 = \"warning\" }\nfail-on = \"error\"\n");
  CHECK(kedrolint("check " + strict.path() + " --select KL111").status == 1);
  CHECK(kedrolint("check " + lenient.path() + " --select KL111").status == 0);
  const auto forward = kedrolint("check " + strict.path() + " " + lenient.path() + " --select KL111");
  const auto backward = kedrolint("check " + lenient.path() + " " + strict.path() + " --select KL111");
  CHECK(forward.status == 1);
  CHECK(backward.status == 1);
}
