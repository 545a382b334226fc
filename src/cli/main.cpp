#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/version.hpp"

int main(int argc, char** argv) {
  using namespace kedrolint;
  CLI::App app{"kedrolint: static analysis for Kedro projects, without running Python.", "kedrolint"};
  app.set_version_flag("--version", std::string("kedrolint ") + std::string(cli::kVersion));
  app.require_subcommand(1);
  std::map<const CLI::App*, cli::Runner> runners;
  auto add = [&](cli::Runner runner) { runners[app.get_subcommands({}).back()] = std::move(runner); };
  add(cli::add_artifacts_command(app));
  add(cli::add_catalog_command(app));
  add(cli::add_check_command(app));
  add(cli::add_deps_command(app));
  add(cli::add_export_command(app));
  add(cli::add_graph_command(app));
  add(cli::add_groups_command(app));
  add(cli::add_lsp_command(app));
  add(cli::add_profile_command(app));
  add(cli::add_rule_command(app));
  add(cli::add_docs_command(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const auto& [sub, runner] : runners) {
    if (sub->parsed()) {
      try {
        return runner();
      } catch (const std::exception& e) {
        std::cerr << "kedrolint: internal error: " << e.what() << "\n";
        return 2;
      }
    }
  }
  return 2;
}
