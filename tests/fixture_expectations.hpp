#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kedrolint::testing {

/// One inline assertion of a fixture (see docs/testing.md):
///   `# expect: KL301`, `# expect: KL301 "text in the message or the help"`, `# expect: KL301@14`,
///   `# expect-none: KL303` (must not be reported), `# expect-todo: KL303`
///   (a known false negative). A trailing comment applies to its own line;
///   own-line comments apply to the next line that is not an expectation.
struct Expectation {
  enum class Kind { Expect, None, Todo };
  Kind kind = Kind::Expect;
  std::string file;  ///< relative to the fixture root, '/' separated
  std::uint32_t line = 0;
  std::string code;
  std::optional<std::string> contains;
  std::optional<std::uint32_t> column;
  std::uint32_t written_on = 0;  ///< the line of the comment itself
};

std::vector<Expectation> read_expectations(const std::filesystem::path& root);
/// Parses the expectations of one file's text.
std::vector<Expectation> parse_expectations(const std::string& file, const std::string& text);

}  // namespace kedrolint::testing
