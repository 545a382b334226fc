#pragma once
#include <vector>

#include "config/config_value.hpp"
#include "core/diagnostic.hpp"

namespace kedrolint::config {

/// TemplatedConfigLoader's `_format_object` (kedro-0.18.14/kedro/config/
/// templated_config.py): every `${path}` or `${path|default}` in keys and
/// string values is replaced by the value at the dotted `path` of `globals`
/// (JMESPath on plain keys). A whole-string placeholder takes the value with
/// its type; inside a longer string it is the scalar's `str()`. A path that
/// is missing (or null) without a default is Kedro's ValueError, reported as
/// KL312; the value stays as written (symbolic, with no finding, when
/// `globals_unknown`: some globals could not be read).
ConfigPtr format_templated(const ConfigPtr& value, const ConfigPtr& globals, bool globals_unknown,
                           std::vector<core::Finding>& findings);

}  // namespace kedrolint::config
