#pragma once
#include <set>
#include <string>
#include <vector>

#include "config/config_value.hpp"
#include "core/diagnostic.hpp"

namespace kedrolint::config {

/// What an interpolation may use besides the keys of the configuration it
/// is in.
struct ResolverContext {
  std::string key;             ///< the config key being loaded: "catalog", "parameters", ...
  ConfigPtr globals;           ///< the merged, resolved globals; null when there are none
  /// Names in `CONFIG_LOADER_ARGS["custom_resolvers"]`; they resolve at run time.
  std::set<std::string> custom_resolvers;
  /// `custom_resolvers` could not be read statically: any resolver may exist.
  bool custom_resolvers_unknown = false;
};

/// Resolves every `${...}` of one environment folder's merged configuration,
/// as `OmegaConf.to_container(cfg, resolve=True)` does: absolute keys
/// (`${a.b}`, `${a[0]}`), relative ones (`${.b}`: a sibling, each further dot
/// one level up), `${globals:key[, default]}`. Run-time resolvers
/// (`runtime_params`, `oc.env` in credentials, custom ones) stay as written,
/// marked symbolic. Each key is resolved once. What OmegaConf refuses (a
/// missing key, a cycle, an interpolation to a parent node, an unsupported
/// resolver) is a KL312 finding; so is a result too large to evaluate (a
/// string over 10 MB, more than a million nodes copied by interpolation).
ConfigPtr resolve_interpolations(const ConfigPtr& root, const ResolverContext& context,
                                 std::vector<core::Finding>& findings);

}  // namespace kedrolint::config
