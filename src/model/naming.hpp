#pragma once
#include <string>
#include <vector>

#include "model/node.hpp"
#include "project/kedro_version.hpp"

namespace kedrolint::model {

/// Python's repr of a list of str: `['a', 'b']`.
std::string python_list_repr(const std::vector<DatasetRef>& items);
std::string sha256_hex(std::string_view text);
std::string sha1_hex(std::string_view text);

/// Kedro's `_func_name`: `__name__`, or `<partial>` for a partial object
/// without one.
std::string readable_func_name(const FuncInfo& func);

/// The name Kedro gives a node without `name=`, before the namespace prefix:
///  - 1.x: `<func>__<sha256(key)[:8]>`, key = `<module>.<name>|<inputs>|<outputs>`
///    (`partial(<name>)|...` for partials), lists in Python repr;
///  - 0.19: `str(node)` = `<func>([a;b]) -> [c]`; 0.18 joins with ','.
/// Returns nullopt when it depends on something unknown (the `__module__` of
/// a function outside the project in 1.x).
std::optional<std::string> default_node_name(const Node& node, const project::KedroVersion& version);

/// Kedro's `re.match(r"[\w\.-]+$", text)` for node names and tags: letters,
/// digits, `_`, `.` and `-` only (Unicode letters and digits count).
bool is_valid_kedro_name(std::string_view text);

/// Kedro's `str(node)`: `[<_name>: ]<func>([a;b]) -> [c]`, `None` for falsy
/// raw inputs/outputs, joined with `,` before 0.19 (kedro/pipeline/node.py
/// `Node.__str__`). Kedro-Viz ids task nodes by its sha1.
std::string node_str(const Node& node, const project::KedroVersion& version);

/// `node.name`: explicit or default, prefixed by the node's namespace.
std::optional<std::string> full_node_name(const Node& node, const project::KedroVersion& version);

}  // namespace kedrolint::model
