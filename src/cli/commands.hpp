#pragma once
#include <CLI/CLI.hpp>

namespace kedrolint::cli {

/// Each command registers its subcommand and returns a function that runs it
/// and gives the process exit code.
using Runner = std::function<int()>;
Runner add_check_command(CLI::App& app);
Runner add_rule_command(CLI::App& app);
Runner add_docs_command(CLI::App& app);
Runner add_export_command(CLI::App& app);
Runner add_catalog_command(CLI::App& app);
Runner add_profile_command(CLI::App& app);
Runner add_groups_command(CLI::App& app);
Runner add_artifacts_command(CLI::App& app);
Runner add_lsp_command(CLI::App& app);
Runner add_graph_command(CLI::App& app);
Runner add_deps_command(CLI::App& app);

}  // namespace kedrolint::cli
