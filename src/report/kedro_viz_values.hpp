#pragma once
// The values Kedro-Viz reads from the loaded catalog, parameters and
// functions, taken from the model instead (kedro_viz/models/, data_access/).
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/project.hpp"

namespace kedrolint::report::viz {

using Json = nlohmann::ordered_json;

/// Kedro-Viz's `_hash`: the first 8 hex digits of the SHA-1 of the text.
std::string viz_hash(std::string_view text);
/// `_hash_input_output`: the id of a dataset, parameters included, by its
/// transcoding-stripped name.
std::string dataset_id(std::string_view name);
/// `is_dataset_param`: `params:...` (any case) or `parameters`.
bool is_parameter(std::string_view name);

/// `jsonable_encoder` of a configuration value: what a parameter loads as.
/// A value only known at run time keeps its interpolation text.
Json config_json(const config::ConfigValue& value);
/// What the dataset `parameters` or `params:a.b` loads; null when it is
/// missing (Kedro-Viz logs a warning and shows None).
Json parameter_value(const model::Project& project, const std::string& dataset);

/// `get_dataset_type`: the last two parts of the class's module and its
/// name (`pandas.csv_dataset.CSVDataset`); for a class that cannot be loaded,
/// Kedro-Viz's stand-in `integrations.utils.UnavailableDataset`.
std::string dataset_type(const model::Project& project, const std::string& dataset);
/// Kedro-Viz's `layers_mapping`: the `metadata: kedro-viz: layer:` of each
/// dataset's catalog entry or factory pattern (placeholders filled in), by
/// transcoding-stripped name.
std::map<std::string, Json> dataset_layers(const model::Project& project);
/// The `filepath` (or `path`) a dataset describes, made absolute under the
/// project root like KedroContext does, without its protocol; nullopt when
/// the dataset has none.
std::optional<std::string> dataset_filepath(const model::Project& project, const std::string& dataset);

/// `inspect.getsource` of a node's function (the one a decorator wraps; null
/// for partials and functions outside the project), and the file of the
/// function object (a decorator's wrapper) relative to the folder above the
/// project root, where `kedro viz` runs from.
Json function_code(const model::Project& project, const model::FuncInfo& func);
Json function_file(const model::Project& project, const model::FuncInfo& func);

}  // namespace kedrolint::report::viz
