#include "lsp/server.hpp"

#include "cli/version.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/uri.hpp"
#include "project/layout.hpp"

namespace kedrolint::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string text_of(const json& params, const char* key) {
  const auto doc = params.value("textDocument", json::object());
  return doc.is_object() && doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
}

}  // namespace

int Server::run() {
  while (auto message = rpc_.read()) {
    if (message->is_null()) {
      rpc_.respond_error(nullptr, JsonRpc::kParseError, "the message is not JSON, or has no Content-Length");
      continue;
    }
    if (message->is_object() && message->value("method", "") == "exit") return shutting_down_ ? 0 : 1;
    handle(*message);
  }
  return 1;  // the client went away without `exit`
}

void Server::handle(const json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    if (message.is_object() && message.contains("id")) {
      rpc_.respond_error(message["id"], JsonRpc::kInvalidRequest, "not a JSON-RPC request");
    }
    return;  // a response to a request of ours, or garbage
  }
  const std::string method = message["method"].get<std::string>();
  const json params = message.value("params", json::object());
  if (message.contains("id")) {
    handle_request(message["id"], method, params);
  } else {
    handle_notification(method, params);
  }
}

void Server::handle_request(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    initialized_ = true;
    rpc_.respond(id, initialize(params));
    return;
  }
  if (!initialized_) {
    rpc_.respond_error(id, JsonRpc::kServerNotInitialized, "`initialize` must come first");
    return;
  }
  if (shutting_down_) {
    rpc_.respond_error(id, JsonRpc::kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutting_down_ = true;
    rpc_.respond(id, nullptr);
    return;
  }
  rpc_.respond_error(id, JsonRpc::kMethodNotFound, "kedrolint does not handle `" + method + "`");
}

json Server::initialize(const json& params) {
  const auto caps = params.value("capabilities", json::object());
  if (caps.is_object()) {
    const auto watched = caps.value("workspace", json::object()).value("didChangeWatchedFiles", json::object());
    watch_files_ = watched.is_object() && watched.value("dynamicRegistration", false);
  }
  const auto init = params.value("initializationOptions", json::object());
  if (init.is_object() && init.contains("env") && init["env"].is_string()) options_.env = init["env"].get<std::string>();
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}}}},
          {"serverInfo", {{"name", "kedrolint"}, {"version", std::string(cli::kVersion)}}}};
}

void Server::handle_notification(const std::string& method, const json& params) {
  if (!initialized_ || shutting_down_) return;
  const std::string uri = text_of(params, "uri");
  const auto path = path_of_uri(uri);
  if (method == "textDocument/didOpen" && path) {
    documents_.open(*path, text_of(params, "text"));
  } else if (method == "textDocument/didChange" && path) {
    if (!documents_.change(*path, params.value("contentChanges", json::array()))) return;
  } else if (method == "textDocument/didClose" && path) {
    documents_.close(*path);
  } else if (method == "textDocument/didSave" && path) {
    // the buffer already holds the saved text
  } else if (method == "workspace/didChangeWatchedFiles") {
    analyse_all();
    return;
  } else if (method == "initialized") {
    // Files kedrolint reads change outside the editor too (git checkout, a
    // generated catalog): ask the client to tell us.
    if (watch_files_) {
      const json watchers = json::array({{{"globPattern", "**/*.{py,yml,yaml,json,toml}"}}});
      rpc_.send({{"jsonrpc", "2.0"}, {"id", "kedrolint-watch"}, {"method", "client/registerCapability"},
                 {"params", {{"registrations", json::array({{{"id", "kedrolint-watch"},
                                                              {"method", "workspace/didChangeWatchedFiles"},
                                                              {"registerOptions", {{"watchers", watchers}}}}})}}}});
    }
    return;
  } else {
    return;  // initialized, $/cancelRequest, didChangeConfiguration...
  }
  if (const auto root = project_of(uri)) analyse(*root);
}

std::optional<fs::path> Server::project_of(const std::string& uri) {
  const auto path = path_of_uri(uri);
  if (!path) return std::nullopt;
  auto root = project::find_project_root(path->parent_path());
  if (!root) return std::nullopt;
  roots_.insert(*root);
  return root;
}

void Server::analyse_all() {
  for (const auto& root : roots_) analyse(root);
}

void Server::analyse(const fs::path& root) {
  core::SourceMap sources(root);
  for (const auto& [path, text] : documents_.all()) {
    const auto rel = path.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") sources.add(path, text);
  }
  const auto result = engine::check_project(root, options_, sources);
  std::map<std::string, json> by_uri;
  for (const auto& d : result.diagnostics) {
    if (!d.primary.valid()) continue;
    auto& list = by_uri[uri_of_path(sources.get(d.primary.file).path())];
    if (list.is_null()) list = json::array();
    list.push_back(to_lsp_diagnostic(d, sources));
  }
  auto& before = published_[root];
  for (const auto& uri : before) {
    if (!by_uri.count(uri)) rpc_.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  }
  before.clear();
  for (const auto& [uri, list] : by_uri) {
    rpc_.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", list}});
    before.insert(uri);
  }
}

}  // namespace kedrolint::lsp
