#include "lsp/json_rpc.hpp"

#include <cctype>

namespace kedrolint::lsp {
using nlohmann::json;

std::optional<json> JsonRpc::read() {
  std::size_t length = 0;
  bool has_length = false, any_header = false;
  std::string line;
  while (std::getline(in_, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any_header) break;
      continue;  // stray blank lines between messages
    }
    any_header = true;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "content-length") continue;
    try {
      length = std::stoull(line.substr(colon + 1));
      has_length = true;
    } catch (const std::exception&) {
      has_length = false;
    }
  }
  if (!in_) return std::nullopt;
  if (!has_length) return json();  // answered with ParseError; the next header block resynchronises
  if (length > kMaxMessageBytes) {
    in_.ignore(static_cast<std::streamsize>(length));
    return json();
  }
  std::string body(length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in_.gcount()) != length) return std::nullopt;
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) return json();
  return message;
}

void JsonRpc::send(const json& message) {
  // Invalid UTF-8 in a message (from a file's text) must not abort the server.
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard lock(write_mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

void JsonRpc::respond(const json& id, const json& result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

void JsonRpc::respond_error(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void JsonRpc::notify(const std::string& method, const json& params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

}  // namespace kedrolint::lsp
