#include "session/analyse.hpp"

#include "core/leave_to_exit.hpp"

namespace kedrolint::session {

namespace {

void append(std::string& out, std::string_view name, const std::vector<std::string>& items) {
  out += name;
  out += '=';
  for (const auto& item : items) {
    out += item;
    out += ',';
  }
  out += ';';
}

}  // namespace

std::string options_key(const engine::CheckOptions& options) {
  std::string key = "env=" + options.env.value_or("") + ";";
  if (options.select) append(key, "select", *options.select);
  append(key, "extend-select", options.extend_select);
  append(key, "ignore", options.ignore);
  key += "fail-on=" + (options.fail_on ? std::string(core::to_string(*options.fail_on)) : std::string()) + ";";
  key += "deploy=" + options.deploy_target + "|" + options.deploy_mapping + "|" + options.deploy_groups + ";";
  key += options.only_selected ? "only-selected;" : "";
  return key;
}

ProjectRun analyse(const std::filesystem::path& root, const engine::CheckOptions& options, core::SourceMap& sources,
                   const ResultCache* cache, Teardown teardown) {
  const std::string key = options_key(options);
  // Files a failed lookup loaded belong to this project's run as well.
  const std::size_t first = sources.size();
  if (cache) {
    if (auto hit = cache->lookup(root, key, sources)) return std::move(*hit);
  }
  auto result = engine::check_project(root, options, sources);
  ProjectRun run;
  run.analysed = result.analysed();
  run.internal_error = result.internal_error;
  run.fail_on = result.settings.fail_on;
  run.diagnostics = std::move(result.diagnostics);
  if (cache && run.analysed) {
    std::vector<core::FileId> files;
    for (std::size_t id = first; id < sources.size(); ++id) files.push_back(static_cast<core::FileId>(id));
    cache->store(root, key, run, sources, files);
  }
  if (teardown == Teardown::AtExit) core::leave_to_exit(std::move(result));
  return run;
}

}  // namespace kedrolint::session
