#pragma once
// Deployment groups: which nodes run together in one orchestrator task, and
// the data that crosses between tasks (containers share no memory and, unless
// configured, no disk).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/node.hpp"

namespace kedrolint::model {

struct Project;

/// `[tool.kedrolint.deploy]`, after the `target` preset was applied.
struct DeployConfig {
  bool enabled = false;
  std::string target;              ///< airflow, kubeflow, vertexai, ... or empty
  std::string mapping = "M:N";     ///< "1:1" (a task per node), "M:1" (one task), "M:N" (groups)
  std::string groups;              ///< namespace | tags:<prefix> | pipelines | memory | memory:kedro-airflow | file
  std::vector<std::string> group_pipelines;  ///< for `pipelines`
  std::string groups_file;         ///< for `file`, relative to the project root
  std::string pipeline = "__default__";  ///< the registered pipeline that is deployed
  /// `tags:`: an untagged node is its own group (unset: the target's default, else no).
  std::optional<bool> untagged_singletons;
  std::vector<std::string> shared_prefixes;  ///< storage every task can reach (s3://, /mnt/shared, ...)
  core::Span span;                 ///< the [tool.kedrolint.deploy] table, for messages
  core::Span groups_span;          ///< the `groups` value
};

/// The storage prefixes and default mapping of each deployment target.
struct TargetPreset {
  std::string_view name;
  std::string_view mapping;
  std::string_view groups;
  std::vector<std::string_view> shared_prefixes;
  bool untagged_singletons;  ///< the plugin runs an untagged node alone (kedro-vertexai's TagNodeGrouper)
};
const std::vector<TargetPreset>& target_presets();
const TargetPreset* find_target(std::string_view name);

struct DeployGroup {
  std::string name;
  std::vector<NodePtr> nodes;  ///< in the deployed pipeline's order
  core::Span origin;           ///< where the group is defined, when it is written somewhere
};

/// A dataset produced in one group and consumed in another.
struct Crossing {
  std::string dataset;
  NodePtr producer, consumer;
  std::size_t from = 0, to = 0;  ///< group indices
  core::Span produced_at, consumed_at;
};

struct Deployment {
  DeployConfig config;
  std::string pipeline;  ///< registered name
  std::vector<NodePtr> nodes;
  std::vector<DeployGroup> groups;
  std::map<std::string, std::vector<std::size_t>> membership;  ///< node name -> group indices
  std::vector<Crossing> crossings;
  /// A node named like a group key of other nodes. Namespace grouping: a
  /// node without namespace named like a top-level namespace, which Kedro
  /// merges into that namespace's group. Tag grouping (kedro-vertexai): a
  /// node named like a tag group, which the plugin merges into that group
  /// (an untagged node) or mixes up with it (a tagged one).
  struct Collision {
    NodePtr node;
    std::string namespace_;  ///< the namespace, or the tag group's name
    NodePtr namespaced_node;  ///< a node of that namespace or tag group
    enum class Kind { Namespace, Tag } kind = Kind::Namespace;
  };
  std::vector<Collision> collisions;
  /// Filters of a groups file that select nodes the pipeline does not have.
  std::vector<core::Finding> problems;

  [[nodiscard]] const std::vector<std::size_t>& groups_of(const std::string& node) const;
};

/// Computes the groups of the deployed pipeline and the crossings. Returns
/// nullopt when deployment checks are not configured or the pipeline is not
/// registered (a KL009 finding says so).
std::optional<Deployment> build_deployment(const Project& project, const DeployConfig& config,
                                           std::vector<core::Finding>& findings);

/// Memberships and crossings of `groups` on the deployed `nodes`.
Deployment assemble_deployment(const DeployConfig& config, const std::string& pipeline, std::vector<NodePtr> nodes,
                               std::vector<DeployGroup> groups);

/// Groups computed by a named strategy on the deployed pipeline (`kedrolint
/// groups --by` and `--suggest`).
std::vector<DeployGroup> groups_by(const Project& project, const std::vector<NodePtr>& nodes,
                                   const DeployConfig& config, std::vector<core::Finding>& findings,
                                   std::vector<Deployment::Collision>* collisions = nullptr);

/// Suggestions of `kedrolint groups --suggest`: memory (connected by
/// in-memory data), persistence (connected by data not on shared storage),
/// branches (chains between branch points); each then merged along cycles
/// until the groups form a DAG.
std::vector<DeployGroup> suggest_groups(const Project& project, const std::vector<NodePtr>& nodes,
                                        const DeployConfig& config, const std::string& how);

/// Whether a dataset's storage is reachable from every task: kept in memory,
/// on a path of one container's disk, on remote storage that the target does
/// not list as shared (an `s3://` bucket seen from Vertex AI: reachable only
/// with credentials the tasks may lack), shared, or only known at run time.
enum class Storage { Memory, Local, Remote, Shared, Unknown };
Storage storage_of(const Project& project, const std::string& dataset, const DeployConfig& config);
/// Where a persisted dataset is stored (`filepath`, `path` or `filename`), if written in its entry.
std::optional<std::string> storage_location(const Project& project, const std::string& dataset);
std::string_view to_string(Storage s);

/// One shortest cycle among the groups (crossings as edges), as the list of
/// crossings that close it; empty when the groups form a DAG.
std::vector<const Crossing*> shortest_group_cycle(const Deployment& d);

}  // namespace kedrolint::model
