#include <iostream>

#include "cli/commands.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/server.hpp"

namespace kedrolint::cli {

Runner add_lsp_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("lsp", "Run the Language Server (JSON-RPC over stdin/stdout) for editors.");
  (void)cmd;
  return [] {
    std::ios::sync_with_stdio(false);
    lsp::JsonRpc rpc(std::cin, std::cout);
    lsp::Server server(rpc);
    return server.run();
  };
}

}  // namespace kedrolint::cli
