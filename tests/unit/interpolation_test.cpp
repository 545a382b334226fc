// resolve_interpolations: OmegaConf's `${...}` resolution within one
// environment folder, with its errors as KL312 findings.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "config/interpolation.hpp"
#include "parse/yaml_source.hpp"

using namespace kedrolint;

namespace {

struct Resolved {
  core::SourceFile file;
  std::vector<core::Finding> findings;
  config::ConfigPtr value;
  explicit Resolved(std::string text, std::string key = "parameters")
      : file(0, "/p/parameters.yml", "parameters.yml", std::move(text)) {
    const auto yaml = parse::parse_yaml(file);
    REQUIRE_FALSE(yaml.error);
    value = config::resolve_interpolations(config::from_yaml(*yaml.root), config::ResolverContext{key, nullptr, {}, false},
                                           findings);
  }
  const config::ConfigValue& at(std::initializer_list<std::string_view> path) const {
    const config::ConfigValue* cur = value.get();
    for (const auto part : path) {
      REQUIRE(cur);
      cur = cur->get(part);
    }
    REQUIRE(cur);
    return *cur;
  }
  std::string messages() const {
    std::string out;
    for (const auto& f : findings) out += f.code + " " + f.message + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("interpolation: keys, nested keys, list indexes and concatenation", "[config][interpolation]") {
  Resolved r("a: 1\nb:\n  c: x\nl: [p, q]\nd: ${b.c}-${a}\ne: ${b}\nf: ${l[1]}\ng: ${l.0}\n");
  CHECK(r.findings.empty());
  CHECK(r.at({"d"}).text == "x-1");
  CHECK(r.at({"e"}).is_map());
  CHECK(r.at({"e", "c"}).text == "x");
  CHECK(r.at({"f"}).text == "q");
  CHECK(r.at({"g"}).text == "p");
}

TEST_CASE("interpolation: a cycle is OmegaConf's \"Recursive interpolation detected\"", "[config][interpolation]") {
  Resolved r("a: ${b}\nb: ${a}\nc: x${c}\nok: 1\n");
  INFO(r.messages());
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].code == "KL312");
  CHECK(r.findings[0].message.find("Recursive interpolation detected") != std::string::npos);
  CHECK(r.findings[1].message.find("Recursive interpolation detected") != std::string::npos);
  CHECK(r.at({"a"}).symbolic);
  CHECK(r.at({"b"}).symbolic);
  CHECK(r.at({"ok"}).text == "1");
}

TEST_CASE("interpolation: a reference to an enclosing node is refused", "[config][interpolation]") {
  Resolved r("a:\n  b: ${a}\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message.find("Interpolation to parent node detected") != std::string::npos);
}

TEST_CASE("interpolation: a missing key is reported once, dependents are not", "[config][interpolation]") {
  Resolved r("a: ${nope}\nb: ${a}/x\nc: ${a}\n");
  INFO(r.messages());
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message.find("`${nope}` refers to a key that does not exist") != std::string::npos);
  CHECK(r.at({"b"}).symbolic);
  CHECK(r.at({"b"}).text == "${a}/x");
}

TEST_CASE("interpolation: a doubling bomb resolves each key once and stops at 10 MB", "[config][interpolation]") {
  std::string text = "p0: xxxxxxxxxx\n";
  for (int i = 1; i <= 40; ++i) {
    text += "p" + std::to_string(i) + ": \"${p" + std::to_string(i - 1) + "}${p" + std::to_string(i - 1) + "}\"\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Resolved r(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5.0);
  INFO(r.messages());
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message.find("longer than 10 MB") != std::string::npos);
  CHECK(r.at({"p20"}).text.size() == 10u << 20);
  CHECK(r.at({"p40"}).symbolic);
}

TEST_CASE("interpolation: a doubling bomb of maps stops at a million copied nodes", "[config][interpolation]") {
  std::string text = "m0: {a: 1, b: 2}\n";
  for (int i = 1; i <= 40; ++i) {
    text += "m" + std::to_string(i) + ":\n  x: ${m" + std::to_string(i - 1) + "}\n  y: ${m" + std::to_string(i - 1) +
            "}\n";
  }
  Resolved r(text);
  INFO(r.messages());
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message.find("more than 1000000 nodes") != std::string::npos);
}

TEST_CASE("interpolation: run-time resolvers stay as written", "[config][interpolation]") {
  Resolved r("a: ${runtime_params:x, 1}\nb: ${a}\nc: d/${custom:z}\n");
  CHECK(r.findings.empty());
  CHECK(r.at({"a"}).symbolic);
  CHECK(r.at({"b"}).symbolic);
  CHECK(r.at({"c"}).text == "d/${custom:z}");
}

TEST_CASE("interpolation: relative keys go up one level per extra dot", "[config][interpolation]") {
  Resolved r(
      "m:\n  lr: 0.1\n  rel: ${.lr}\n  up: ${..g}\n  deep:\n    x: ${..lr}\n    y: ${...g}\n"
      "g: ${m.lr}\nl:\n  - p\n  - ${.0}\n  - ${..g}\n");
  INFO(r.messages());
  CHECK(r.findings.empty());
  CHECK(r.at({"m", "rel"}).text == "0.1");
  CHECK(r.at({"m", "up"}).text == "0.1");
  CHECK(r.at({"m", "deep", "x"}).text == "0.1");
  CHECK(r.at({"m", "deep", "y"}).text == "0.1");
  const auto& l = r.at({"l"});
  REQUIRE(l.items.size() == 3);
  CHECK(l.items[1]->text == "p");
  CHECK(l.items[2]->text == "0.1");
}

TEST_CASE("interpolation: relative keys that leave the root or miss are reported", "[config][interpolation]") {
  Resolved r("a:\n  b: ${...x}\n  c: ${.nope}\nx: 3\n");
  INFO(r.messages());
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].message.find("Error resolving key '...x'") != std::string::npos);
  CHECK(r.findings[1].message.find("`${.nope}` refers to a key that does not exist") != std::string::npos);
}

TEST_CASE("interpolation: oc.env outside credentials is an error unless registered", "[config][interpolation]") {
  core::SourceFile file(0, "/p/catalog.yml", "catalog.yml", "a:\n  filepath: ${oc.env:HOME}/a.csv\n");
  const auto yaml = parse::parse_yaml(file);
  const auto value = config::from_yaml(*yaml.root);
  auto run = [&](config::ResolverContext context) {
    std::vector<core::Finding> findings;
    const auto out = config::resolve_interpolations(value, context, findings);
    CHECK(out->get("a")->get("filepath")->symbolic);
    return findings.size();
  };
  CHECK(run(config::ResolverContext{"catalog", nullptr, {}, false}) == 1);
  CHECK(run(config::ResolverContext{"credentials", nullptr, {}, false}) == 0);
  CHECK(run(config::ResolverContext{"catalog", nullptr, {"oc.env"}, false}) == 0);
  CHECK(run(config::ResolverContext{"catalog", nullptr, {"other"}, false}) == 1);
  CHECK(run(config::ResolverContext{"catalog", nullptr, {}, true}) == 0);
}
