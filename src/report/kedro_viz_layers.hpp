#pragma once
// Kedro-Viz's layer order (kedro_viz/services/layers.py `sort_layers`).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kedrolint::report::viz {

/// The text a layer value sorts by: a string itself, anything else its JSON.
std::string layer_key(const nlohmann::ordered_json& layer);

/// The layers of `node_layers` (graph node id -> its layer, if any) in the
/// order of the DAG `dependencies` (node id -> the ids that depend on it): a
/// layer comes before every layer some node of it leads to. Ties follow
/// graphlib's order on the sorted layers; empty when the layers form a
/// cycle (Kedro-Viz then disables them).
std::vector<std::string> sort_layers(const std::map<std::string, std::optional<std::string>>& node_layers,
                                     const std::map<std::string, std::set<std::string>>& dependencies);

}  // namespace kedrolint::report::viz
