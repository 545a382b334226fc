#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "engine/engine.hpp"
#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"

namespace kedrolint::lsp {

/// `kedrolint lsp`: a Language Server that publishes kedrolint's findings.
/// Every change re-analyses the whole project the file belongs to, from the
/// open buffers where there are some and from disk elsewhere, so that
/// editing catalog.yml updates what is shown in pipeline.py.
class Server {
 public:
  explicit Server(JsonRpc& rpc) : rpc_(rpc) {}
  /// Serves until `exit`; returns the process exit code (0 after shutdown).
  int run();

 private:
  void handle(const nlohmann::json& message);
  void handle_request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void handle_notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  /// The project of a document URI, remembered for later re-analyses.
  std::optional<std::filesystem::path> project_of(const std::string& uri);
  void analyse(const std::filesystem::path& root);
  void analyse_all();

  JsonRpc& rpc_;
  Documents documents_;
  engine::CheckOptions options_;
  std::set<std::filesystem::path> roots_;
  /// URIs that were last published with findings, per project, so that a
  /// fixed file gets its diagnostics cleared.
  std::map<std::filesystem::path, std::set<std::string>> published_;
  bool watch_files_ = false;  ///< the client registers file watchers on request
  bool initialized_ = false;
  bool shutting_down_ = false;
};

}  // namespace kedrolint::lsp
