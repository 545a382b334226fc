// The formatters on hand-made diagnostics: columns in code points, empty
// spans, escaping in GitHub workflow commands, URIs in SARIF, related
// locations in JSON. The golden-file test covers whole reports; this one pins
// the details.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/source_map.hpp"
#include "report/report.hpp"

using namespace kedrolint;

namespace {

struct Reports {
  core::SourceMap sources{"/proj"};
  std::vector<core::Diagnostic> diagnostics;

  std::string text(bool summary = true) {
    std::ostringstream out;
    report::write_text(diagnostics, report::Context{sources, "9.9.9", false, summary}, out);
    return out.str();
  }
  nlohmann::json json() {
    std::ostringstream out;
    report::write_json(diagnostics, report::Context{sources, "9.9.9", false, true}, out);
    return nlohmann::json::parse(out.str());
  }
  nlohmann::json sarif() {
    std::ostringstream out;
    report::write_sarif(diagnostics, report::Context{sources, "9.9.9", false, true}, out);
    return nlohmann::json::parse(out.str());
  }
  std::string github() {
    std::ostringstream out;
    report::write_github(diagnostics, report::Context{sources, "9.9.9", false, true}, out);
    return out.str();
  }
};

core::Diagnostic diag(std::string code, core::Severity sev, std::string message, core::Span span) {
  return core::Diagnostic{std::move(code), sev, std::move(message), span, {}, {}, {}};
}

}  // namespace

TEST_CASE("report: columns are code points, also after emoji", "[report][formats]") {
  Reports r;
  const std::string line = "x = \"\xC3\xA9\xF0\x9F\x98\x80\" + missing\n";
  const auto& f = r.sources.add("/proj/src/a.py", line);
  const auto begin = static_cast<std::uint32_t>(line.find("missing"));
  r.diagnostics.push_back(diag("KL301", core::Severity::Error, "`missing` is missing", f.span(begin, begin + 7)));
  const auto range = report::display_range(r.sources, r.diagnostics[0].primary);
  CHECK(range.start.column == 12);
  CHECK(range.end.column == 19);
  CHECK(r.text().rfind("src/a.py:1:12: error: `missing` is missing [KL301]\n", 0) == 0);
  const auto text = r.text();
  // The caret line lines up with code points: 11 spaces, then 7 carets.
  CHECK(text.find("\n  | " + std::string(11, ' ') + "^^^^^^^\n") != std::string::npos);
  const auto j = r.json();
  CHECK(j[0]["location"] == nlohmann::json({{"row", 1}, {"column", 12}}));
  CHECK(j[0]["end_location"] == nlohmann::json({{"row", 1}, {"column", 19}}));
  const auto s = r.sarif();
  const auto& region = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == 12);
  CHECK(region["endColumn"] == 19);
  CHECK(r.github().find(",line=1,col=12,endLine=1,endColumn=19,") != std::string::npos);
}

TEST_CASE("report: an empty span is widened to one character, except at a line end", "[report][formats]") {
  Reports r;
  const std::string text = "ab\xC3\xA9\ncd\n";
  const auto& f = r.sources.add("/proj/c.yml", text);
  const auto mid = report::display_range(r.sources, f.span(2, 2));  // before é
  CHECK(mid.start.column == 3);
  CHECK(mid.end.column == 4);
  CHECK(mid.end.line == 1);
  const auto eol = report::display_range(r.sources, f.span(4, 4));  // at '\n'
  CHECK(eol.start.column == 4);
  CHECK(eol.end.column == 4);
  const auto eof = report::display_range(r.sources, f.span(static_cast<std::uint32_t>(text.size()), 99));
  CHECK(eof.start.line == 3);
  CHECK(eof.end.line == 3);
}

TEST_CASE("report: text summary counts and the clean message", "[report][formats]") {
  Reports r;
  CHECK(r.text() == "All checks passed.\n");
  CHECK(r.text(false).empty());
  const auto& a = r.sources.add("/proj/a.py", "x\ny\n");
  const auto& b = r.sources.add("/proj/b.yml", "k: v\n");
  r.diagnostics.push_back(diag("KL101", core::Severity::Error, "e1", a.span(0, 1)));
  r.diagnostics.push_back(diag("KL308", core::Severity::Warning, "w1", a.span(2, 3)));
  r.diagnostics.push_back(diag("KL303", core::Severity::Note, "n1", b.span(0, 1)));
  r.diagnostics.push_back(diag("KL303", core::Severity::Note, "n2", b.span(3, 4)));
  const auto out = r.text();
  CHECK(out.find("Found 1 error, 1 warning and 2 notes in 2 files.\n") != std::string::npos);
  CHECK(out.find("a.py:2:1: warning: w1 [KL308]") != std::string::npos);
  CHECK(out.find("b.yml:1:4: note: n2 [KL303]") != std::string::npos);
  CHECK(r.text(false).find("Found") == std::string::npos);
}

TEST_CASE("report: GitHub workflow commands escape data and properties", "[report][formats]") {
  Reports r;
  const auto& f = r.sources.add("/proj/conf/base/a,b:c%.yml", "k: v\n");
  auto d = diag("KL304", core::Severity::Warning, "100% unused:\nsecond line\r", f.span(0, 1));
  d.help = "Remove it, or use it.";
  r.diagnostics.push_back(d);
  r.diagnostics.push_back(diag("KL303", core::Severity::Note, "a note", f.span(3, 4)));
  const auto out = r.github();
  CHECK(out ==
        "::warning file=conf/base/a%2Cb%3Ac%25.yml,line=1,col=1,endLine=1,endColumn=2,title=KL304::100%25 unused:%0A"
        "second line%0D%0ARemove it, or use it.\n"
        "::notice file=conf/base/a%2Cb%3Ac%25.yml,line=1,col=4,endLine=1,endColumn=5,title=KL303::a note\n");
}

TEST_CASE("report: SARIF URIs are percent-encoded and relative to %SRCROOT%", "[report][formats]") {
  Reports r;
  const auto& f = r.sources.add("/proj/conf/base/caf\xC3\xA9 data#1.yml", "k: v\n");
  const auto& outside = r.sources.add("/elsewhere/x.yml", "k: v\n");
  r.diagnostics.push_back(diag("KL304", core::Severity::Warning, "unused", f.span(0, 1)));
  r.diagnostics.push_back(diag("KL304", core::Severity::Warning, "unused?", outside.span(0, 1)));
  const auto s = r.sarif();
  const auto& run = s["runs"][0];
  const auto& a0 = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(a0["uri"] == "conf/base/caf%C3%A9%20data%231.yml");
  CHECK(a0["uriBaseId"] == "%SRCROOT%");
  const auto& a1 = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  // A file outside the root keeps its absolute path (a path or a file: URI).
  const auto uri = a1["uri"].get<std::string>();
  CHECK(uri.size() >= 16);
  CHECK(uri.substr(uri.size() - 16) == "/elsewhere/x.yml");
  CHECK_FALSE(a1.contains("uriBaseId"));
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///proj/");
  // Messages are sentences.
  CHECK(run["results"][0]["message"]["text"] == "unused.");
  CHECK(run["results"][1]["message"]["text"] == "unused?");
  CHECK(run["tool"]["driver"]["version"] == "9.9.9");
  CHECK(run["results"][0]["level"] == "warning");
  CHECK(run["results"][0]["partialFingerprints"].contains("primaryLocationLineHash"));
}

TEST_CASE("report: related locations in JSON and SARIF", "[report][formats]") {
  Reports r;
  const auto& py = r.sources.add("/proj/src/p.py", "node(f, 'a', 'b')\n");
  const auto& yml = r.sources.add("/proj/conf/base/catalog.yml", "b:\n  type: x\n");
  auto d = diag("KL105", core::Severity::Error, "dup", py.span(13, 16));
  d.related.push_back({yml.span(0, 1), "the catalog entry"});
  d.flow.push_back({py.span(0, 4), "step one"});
  d.related.push_back({py.span(0, 4), "step one"});
  r.diagnostics.push_back(d);
  const auto j = r.json();
  REQUIRE(j[0]["related"].size() == 2);
  CHECK(j[0]["related"][0]["message"] == "the catalog entry");
  CHECK(j[0]["related"][0]["filename"] == "conf/base/catalog.yml");
  CHECK(j[0]["related"][0]["location"] == nlohmann::json({{"row", 1}, {"column", 1}}));
  CHECK(j[0]["help"].is_null());
  CHECK(j[0]["url"] == "https://github.com/kedrolint/kedrolint/blob/main/docs/rules/KL105.md");
  const auto s = r.sarif();
  const auto& result = s["runs"][0]["results"][0];
  REQUIRE(result["relatedLocations"].size() == 2);
  CHECK(result["relatedLocations"][0]["id"] == 1);
  CHECK(result["relatedLocations"][1]["id"] == 2);
  CHECK(result["relatedLocations"][0]["message"]["text"] == "the catalog entry.");
  const auto& steps = result["codeFlows"][0]["threadFlows"][0]["locations"];
  REQUIRE(steps.size() == 1);
  CHECK(steps[0]["location"]["message"]["text"] == "step one.");
}

TEST_CASE("report: SARIF rule descriptors come from the registry", "[report][formats]") {
  Reports r;
  const auto s = r.sarif();
  const auto& rules = s["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() > 40);
  for (const auto& rule : rules) {
    INFO(rule["id"]);
    CHECK(rule["helpUri"] ==
          "https://github.com/kedrolint/kedrolint/blob/main/docs/rules/" + rule["id"].get<std::string>() + ".md");
    CHECK(rule["fullDescription"]["markdown"].get<std::string>().rfind("## What it does", 0) == 0);
    const auto level = rule["defaultConfiguration"]["level"].get<std::string>();
    CHECK((level == "error" || level == "warning" || level == "note"));
  }
  CHECK(s["runs"][0]["results"].empty());
}
