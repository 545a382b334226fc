// read_settings: `[tool.kedrolint]` into validated Settings; bad options are
// KL009 findings and unknown rule codes KL004 findings, located in the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "parse/toml_source.hpp"

using namespace kedrolint;

namespace {

struct Read {
  core::SourceFile file;
  parse::TomlSource toml;
  std::vector<core::Finding> findings;
  config::Settings settings;
  explicit Read(const std::string& body)
      : file(0, "/p/pyproject.toml", "pyproject.toml", "[tool.kedrolint]\n" + body), toml(parse::parse_toml(file)) {
    REQUIRE_FALSE(toml.error);
    settings = config::read_settings(toml.root->path("tool.kedrolint"), findings);
    // toml++ tables are in key order: put the findings in document order.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const core::Finding& a, const core::Finding& b) { return a.span.begin < b.span.begin; });
  }
  std::uint32_t line_of(const core::Finding& f) const { return file.position(f.span.begin).line; }
  std::string_view text_of(const core::Finding& f) const {
    return file.text().substr(f.span.begin, f.span.end - f.span.begin);
  }
};

}  // namespace

TEST_CASE("settings: defaults without a table", "[config][settings]") {
  std::vector<core::Finding> findings;
  const auto s = config::read_settings(nullptr, findings);
  CHECK(findings.empty());
  CHECK(s.select == std::vector<std::string>{"ALL"});
  CHECK(s.ignore.empty());
  CHECK(s.extend_select.empty());
  CHECK(s.fail_on == core::Severity::Warning);
  CHECK(s.env.empty());  // settings.py's default_run_env decides
  CHECK_FALSE(s.kedro_version.has_value());
  CHECK(s.enabled("KL301"));
  CHECK(s.enabled("KL000"));
  CHECK_FALSE(s.enabled("KL999"));
  CHECK_FALSE(s.deploy.enabled);
}

TEST_CASE("settings: select, extend-select and ignore", "[config][settings]") {
  Read r("select = [\"KL1\", \"missing-catalog-entry\"]\nextend-select = [\"KL5\"]\nignore = [\"KL105\", \"KL50\"]\n");
  CHECK(r.findings.empty());
  CHECK(r.settings.enabled("KL101"));
  CHECK_FALSE(r.settings.enabled("KL105"));  // ignore wins over select
  CHECK(r.settings.enabled("KL301"));
  CHECK_FALSE(r.settings.enabled("KL302"));
  CHECK_FALSE(r.settings.enabled("KL501"));  // KL50 prefix ignored
  CHECK_FALSE(r.settings.enabled("KL201"));
}

TEST_CASE("settings: severity, fail-on, env, kedro-version", "[config][settings]") {
  Read r(
      "severity = { KL303 = \"error\", unused-catalog-entry = \"note\" }\nfail-on = \"error\"\nenv = \"prod\"\n"
      "kedro-version = \"0.19.15\"\n");
  CHECK(r.findings.empty());
  CHECK(r.settings.severity.at("KL303") == core::Severity::Error);
  CHECK(r.settings.severity.at("KL304") == core::Severity::Note);  // stored under the code
  CHECK(r.settings.fail_on == core::Severity::Error);
  CHECK(r.settings.env == "prod");
  CHECK(r.settings.kedro_version == std::optional<std::string>("0.19.15"));
}

TEST_CASE("settings: per-file-ignores with globs and negation", "[config][settings]") {
  Read r("per-file-ignores = { \"conf/local/**\" = [\"KL3\"], \"!src/**\" = [\"KL1\"] }\n");
  CHECK(r.findings.empty());
  REQUIRE(r.settings.per_file_ignores.size() == 2);
  CHECK(r.settings.ignored_in_file("KL304", "conf/local/catalog.yml"));
  CHECK_FALSE(r.settings.ignored_in_file("KL304", "conf/base/catalog.yml"));
  CHECK_FALSE(r.settings.ignored_in_file("KL101", "src/demo/pipeline_registry.py"));
  CHECK(r.settings.ignored_in_file("KL101", "conf/base/catalog.yml"));  // not under src/
  CHECK_FALSE(r.settings.ignored_in_file("KL999", "conf/local/catalog.yml"));
}

TEST_CASE("settings: an unknown option is KL009 with a suggestion", "[config][settings]") {
  Read r("ignroe = [\"KL303\"]\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].code == "KL009");
  CHECK(r.findings[0].message == "unknown option `ignroe` in `[tool.kedrolint]`");
  CHECK(r.findings[0].help == std::optional<std::string>("Did you mean `ignore`?"));
  CHECK(r.line_of(r.findings[0]) == 2);
  CHECK(r.text_of(r.findings[0]) == "ignroe");
  CHECK(r.settings.ignore.empty());
}

TEST_CASE("settings: an unknown option without a close match lists the options", "[config][settings]") {
  Read r("zzzzzz = 1\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].code == "KL009");
  REQUIRE(r.findings[0].help);
  CHECK(r.findings[0].help->rfind("Known options: select, extend-select, ignore", 0) == 0);
}

TEST_CASE("settings: wrong types are KL009 at the value", "[config][settings]") {
  Read r(
      "select = \"KL1\"\nfail-on = 3\nenv = [\"a\"]\nseverity = \"error\"\nper-file-ignores = []\n"
      "ignore = [\"KL301\", 5]\n");
  REQUIRE(r.findings.size() == 6);
  for (const auto& f : r.findings) CHECK(f.code == "KL009");
  CHECK(r.findings[0].message == "`select` must be an array of rule codes, found a string");
  CHECK(r.text_of(r.findings[0]) == "\"KL1\"");
  CHECK(r.findings[1].message == "`fail-on` must be a string, found an integer");
  CHECK(r.line_of(r.findings[1]) == 3);
  CHECK(r.findings[2].message == "`env` must be a string, found an array");
  CHECK(r.findings[3].message.find("`severity` must be a table") == 0);
  CHECK(r.findings[4].message.find("`per-file-ignores` must be a table") == 0);
  CHECK(r.findings[5].message == "rule selectors must be strings, found an integer");
  CHECK(r.text_of(r.findings[5]) == "5");
  CHECK(r.settings.ignore == std::vector<std::string>{"KL301"});  // the good entry is kept
}

TEST_CASE("settings: unknown severities", "[config][settings]") {
  Read r("severity = { KL303 = \"fatal\" }\nfail-on = \"warn\"\n");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].code == "KL009");
  CHECK(r.findings[0].message == "unknown severity `fatal`");
  CHECK(r.text_of(r.findings[0]) == "\"fatal\"");
  CHECK(r.findings[1].message == "unknown severity `warn`");
  CHECK(r.settings.severity.empty());
  CHECK(r.settings.fail_on == core::Severity::Warning);
}

TEST_CASE("settings: unknown rule codes are KL004 with the closest code", "[config][settings]") {
  Read r(
      "select = [\"KL3001\"]\nignore = [\"missing-catalog-entyr\"]\nextend-select = [\"KL9\"]\n"
      "severity = { KL999 = \"error\", KL3 = \"note\" }\nper-file-ignores = { \"a/**\" = [\"XX1\"] }\n");
  std::vector<std::string> codes, texts;
  for (const auto& f : r.findings) {
    codes.push_back(f.code);
    texts.emplace_back(r.text_of(f));
  }
  CHECK(codes == std::vector<std::string>(6, "KL004"));
  REQUIRE(r.findings.size() == 6);
  CHECK(r.findings[0].message == "unknown rule `KL3001`");
  CHECK(texts[0] == "\"KL3001\"");
  CHECK(r.findings[1].help == std::optional<std::string>("Did you mean `missing-catalog-entry`?"));
  CHECK(r.line_of(r.findings[2]) == 4);  // KL9 is not a prefix of any rule
  // severity takes exact codes or names only, no prefixes; the span is the key.
  CHECK(texts[3] == "KL999");
  CHECK(texts[4] == "KL3");
  CHECK(r.line_of(r.findings[5]) == 6);
  CHECK(r.settings.select.empty());  // the unknown code is dropped
}

TEST_CASE("settings: [tool.kedrolint.deploy] options", "[config][settings]") {
  Read r("deploy = { target = \"vertexai\", pipeline = \"training\", untagged = \"singleton\" }\n");
  CHECK(r.findings.empty());
  CHECK(r.settings.deploy.enabled);
  CHECK(r.settings.deploy.target == "vertexai");
  CHECK(r.settings.deploy.pipeline == "training");
  CHECK(r.settings.deploy.untagged_singletons);
  Read bad("deploy = { target = \"airflw\", mapping = \"2:2\", pipline = \"x\", untagged = \"no\" }\n");
  std::vector<std::string> messages;
  for (const auto& f : bad.findings) {
    CHECK(f.code == "KL009");
    messages.push_back(f.message);
  }
  CHECK(messages == std::vector<std::string>{"unknown deployment target `airflw`",
                                             "`mapping` must be \"1:1\", \"M:1\" or \"M:N\"",
                                             "unknown option `pipline` in `[tool.kedrolint.deploy]`",
                                             "`untagged` must be \"error\" or \"singleton\""});
  CHECK(bad.findings[2].help == std::optional<std::string>("Did you mean `pipeline`?"));
}

TEST_CASE("settings: [tool.kedrolint.artifacts] options", "[config][settings]") {
  Read r(
      "[tool.kedrolint.artifacts]\ndataset-kinds = { \"my.OnnxDataset\" = \"model\", \"x.Y\" = \"modle\" }\n"
      "typekinds = {}\n");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].code == "KL009");
  CHECK(r.findings[0].message == "unknown kind `modle`");
  CHECK(r.findings[1].message == "unknown option `typekinds` in `[tool.kedrolint.artifacts]`");
  REQUIRE(r.settings.artifacts.dataset_kinds.size() == 1);
  CHECK(r.settings.artifacts.dataset_kinds[0].first == "my.OnnxDataset");
}

TEST_CASE("settings: every documented option key is accepted", "[config][settings]") {
  // Each key of option_docs(), written as its documented example (dotted keys
  // for the sub-tables), must be read without KL009 "unknown option".
  std::string body;
  for (const auto& doc : config::option_docs()) body += std::string(doc.example) + "\n";
  Read r(body);
  for (const auto& f : r.findings) {
    INFO(f.message);
    CHECK(f.message.find("unknown option") == std::string::npos);
  }
}
