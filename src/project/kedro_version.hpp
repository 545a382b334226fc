#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/span.hpp"

namespace kedrolint::project {

/// The Kedro version a project targets; semantics (node names, namespacing,
/// config loading) are chosen by it.
struct KedroVersion {
  int major = 1;
  int minor = 5;
  int patch = 0;
  std::string text = "1.5.0";
  std::string origin = "default";  ///< "kedro_init_version", "requirements.txt", ...
  core::Span span;                 ///< where it was read, if anywhere

  [[nodiscard]] bool at_least(int ma, int mi, int pa = 0) const {
    if (major != ma) return major > ma;
    if (minor != mi) return minor > mi;
    return patch >= pa;
  }
  [[nodiscard]] bool is_1x() const { return major >= 1; }
  [[nodiscard]] std::string short_text() const { return std::to_string(major) + "." + std::to_string(minor); }
};

/// Parses "0.19.3", "1.0.0rc1", "0.18": the leading numeric parts.
std::optional<KedroVersion> parse_kedro_version(std::string_view text);

/// The newest Kedro release whose semantics kedrolint knows.
KedroVersion latest_known_kedro();

}  // namespace kedrolint::project
