// The Language Server's pieces: LSP framing, file URIs, applying edits at
// UTF-16 positions, and a whole session over in-memory streams.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/server.hpp"
#include "lsp/uri.hpp"

using namespace kedrolint;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string frame(const json& message) {
  const std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<json> unframe(const std::string& stream) {
  std::istringstream in(stream);
  std::ostringstream sink;
  lsp::JsonRpc rpc(in, sink);
  std::vector<json> out;
  while (auto m = rpc.read()) out.push_back(*m);
  return out;
}

}  // namespace

TEST_CASE("lsp: Content-Length framing, other headers and bad messages", "[lsp]") {
  const std::string stream = frame({{"id", 1}}) + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                             "content-length: 9\r\n\r\n{\"id\": 2}" + "Content-Length: 3\r\n\r\n{x}" +
                             frame({{"id", 4}});
  const auto messages = unframe(stream);
  REQUIRE(messages.size() == 4);
  CHECK(messages[0]["id"] == 1);
  CHECK(messages[1]["id"] == 2);
  CHECK(messages[2].is_null());  // not JSON: the server answers ParseError and goes on
  CHECK(messages[3]["id"] == 4);
  // A truncated body is the end of the stream.
  CHECK(unframe("Content-Length: 50\r\n\r\n{\"id\": 1}").empty());
}

TEST_CASE("lsp: file URIs and paths", "[lsp]") {
  CHECK(lsp::path_of_uri("file:///home/u/my%20project/p.py") == fs::path("/home/u/my project/p.py"));
  CHECK(lsp::path_of_uri("file://localhost/a/b.yml") == fs::path("/a/b.yml"));
  CHECK(lsp::path_of_uri("file:///a/donn%C3%A9es.yml") == fs::path("/a/données.yml"));
  CHECK_FALSE(lsp::path_of_uri("untitled:Untitled-1").has_value());
  CHECK_FALSE(lsp::path_of_uri("file://otherhost/a.py").has_value());
  CHECK(lsp::uri_of_path("/a/my project/données.py") == "file:///a/my%20project/donn%C3%A9es.py");
  CHECK(lsp::path_of_uri(lsp::uri_of_path("/x/#y%.py")) == fs::path("/x/#y%.py"));
}

TEST_CASE("lsp: edits at UTF-16 positions", "[lsp]") {
  const std::string text = "a😀b\nsecond\n";  // 😀 is two UTF-16 units, four bytes
  CHECK(lsp::Documents::offset_of(text, 0, 1) == 1);
  CHECK(lsp::Documents::offset_of(text, 0, 3) == 5);
  CHECK(lsp::Documents::offset_of(text, 0, 99) == 6);  // clamped to the line's end
  CHECK(lsp::Documents::offset_of(text, 1, 2) == 9);
  lsp::Documents docs;
  docs.open("/p/f.py", text);
  REQUIRE(docs.change("/p/f.py", json::array({{{"range", {{"start", {{"line", 0}, {"character", 3}}},
                                                          {"end", {{"line", 1}, {"character", 3}}}}},
                                               {"text", "B\nSEC"}}})));
  CHECK(docs.all().at("/p/f.py") == "a😀B\nSECond\n");
  REQUIRE(docs.change("/p/f.py", json::array({{{"text", "whole"}}})));
  CHECK(docs.all().at("/p/f.py") == "whole");
  CHECK_FALSE(docs.change("/p/unknown.py", json::array()));
}

TEST_CASE("lsp: a session publishes findings from the open buffer and clears them", "[lsp]") {
  const fs::path root = fs::temp_directory_path() / ("kedrolint-lsp-unit-" + std::to_string(::getpid()));
  fs::create_directories(root / "conf/base");
  fs::create_directories(root / "conf/local");
  fs::create_directories(root / "src/demo");
  std::ofstream(root / "pyproject.toml")
      << "[tool.kedro]\npackage_name = \"demo\"\nproject_name = \"Demo\"\nkedro_init_version = \"1.5.0\"\n";
  std::ofstream(root / "src/demo/__init__.py");
  std::ofstream(root / "conf/base/catalog.yml");
  const std::string bad = "from kedro.pipeline import node, pipeline\n\ndef f(x):\n    return x\n\n"
                          "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"a\", \"a\")])}\n";
  std::ofstream(root / "src/demo/pipeline_registry.py") << bad;
  const std::string uri = lsp::uri_of_path(root / "src/demo/pipeline_registry.py");
  std::string fixed = bad;
  fixed.replace(fixed.find("\"a\")])"), 3, "\"b\"");

  std::string input = frame({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "shutdown"}});  // before initialize
  input += frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  input += frame({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                  {"params", {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", bad}}}}}});
  input += frame({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                  {"params", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                              {"contentChanges", json::array({{{"text", fixed}}})}}}});
  input += frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/hover"}, {"params", json::object()}});
  input += frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}});
  input += frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::istringstream in(input);
  std::ostringstream out;
  lsp::JsonRpc rpc(in, out);
  lsp::Server server(rpc);
  CHECK(server.run() == 0);
  const auto replies = unframe(out.str());
  REQUIRE(replies.size() >= 6);
  CHECK(replies[0]["error"]["code"] == lsp::JsonRpc::kServerNotInitialized);
  CHECK(replies[1]["result"]["capabilities"]["textDocumentSync"]["change"] == 1);
  std::vector<json> published;
  for (const auto& r : replies) {
    if (r.value("method", "") == "textDocument/publishDiagnostics" && r["params"]["uri"] == uri) published.push_back(r);
  }
  REQUIRE(published.size() == 2);
  auto kl111 = [](const json& diagnostics) {
    for (const auto& d : diagnostics) {
      if (d["code"] == "KL111") return d;
    }
    return json();
  };
  const json first = kl111(published[0]["params"]["diagnostics"]);
  REQUIRE_FALSE(first.is_null());
  CHECK(first["range"]["start"]["line"] == 6);
  CHECK(first["source"] == "kedrolint");
  CHECK(kl111(published[1]["params"]["diagnostics"]).is_null());  // fixed in the buffer, never saved
  bool method_not_found = false;
  for (const auto& r : replies) method_not_found |= r.value("id", -1) == 2 && r["error"]["code"] == -32601;
  CHECK(method_not_found);
  fs::remove_all(root);
}
