#pragma once
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

namespace kedrolint::lsp {

/// JSON-RPC 2.0 over a byte stream with LSP's base protocol framing:
/// `Content-Length: N\r\n` (other headers ignored), an empty line, then N
/// bytes of UTF-8 JSON.
class JsonRpc {
 public:
  JsonRpc(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  /// The next message; nullopt at the end of the stream. A message that is
  /// not JSON is returned as a `null` json (the caller answers ParseError).
  std::optional<nlohmann::json> read();
  void send(const nlohmann::json& message);
  void respond(const nlohmann::json& id, const nlohmann::json& result);
  void respond_error(const nlohmann::json& id, int code, const std::string& message);
  void notify(const std::string& method, const nlohmann::json& params);

  static constexpr int kParseError = -32700;
  static constexpr int kInvalidRequest = -32600;
  static constexpr int kMethodNotFound = -32601;
  static constexpr int kServerNotInitialized = -32002;
  /// Largest message accepted (a whole catalog in one didChange fits).
  static constexpr std::size_t kMaxMessageBytes = 64u * 1024u * 1024u;

 private:
  std::istream& in_;
  std::ostream& out_;
  std::mutex write_mutex_;
};

}  // namespace kedrolint::lsp
