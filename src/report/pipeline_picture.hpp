#pragma once
// `kedrolint graph --format mermaid|dot`: a picture of one registered
// pipeline. Nodes are boxes, datasets cylinders coloured by artifact kind
// (dashed when kept in memory, solid when persisted), parameters notes;
// namespaces are nested clusters. Output is deterministic: nodes in Kedro's
// order, datasets in order of first use, clusters by name.
#include <ostream>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace kedrolint::report {

struct PictureOptions {
  bool parameters = true;  ///< draw `params:` and `parameters` inputs
};

/// What is drawn, independent of the language.
struct Picture {
  struct Item {
    std::string id;     ///< an identifier safe in both languages: n<i>, d<i>, p<i>
    std::string label;  ///< as written (escaped by each writer)
    std::string kind;   ///< datasets: the artifact kind
    bool persisted = false;
    std::string cluster;  ///< the namespace it is drawn in, "" for none
  };
  std::vector<Item> nodes, datasets, parameters;
  std::vector<std::pair<std::string, std::string>> edges;  ///< (from id, to id), in drawing order
  std::vector<std::string> clusters;  ///< every namespace and its prefixes, sorted
};

Picture build_picture(const model::Project& project, const model::RegisteredPipeline& pipeline,
                      const PictureOptions& options);

void write_picture_mermaid(const Picture& picture, std::ostream& out);
void write_picture_dot(const Picture& picture, std::ostream& out);

/// A label inside a Mermaid `["..."]`: quotes, `<`, `>`, `&`, `#` and
/// backticks become entity codes, line breaks spaces.
std::string mermaid_label(std::string_view text);
/// A DOT double-quoted string's content: `"` and `\` escaped, `&` as `&amp;`
/// (Graphviz decodes entities in labels), line breaks `\n`.
std::string dot_label(std::string_view text);

}  // namespace kedrolint::report
