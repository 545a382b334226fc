#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kedrolint::report {

/// GitHub code scanning's `primaryLocationLineHash` for every line of a file,
/// computed as github/codeql-action's fingerprints.ts does: a rolling hash
/// (base 37, modulo 2^64) over the next 100 UTF-16 code units from the start
/// of each line, skipping spaces and tabs, line endings normalised to '\n',
/// an EOF marker and zero padding at the end, rendered as unsigned hex plus
/// ":<occurrence of that hash so far in the file>". Index 0 is line 1.
std::vector<std::string> line_hashes(std::string_view utf8_text);

}  // namespace kedrolint::report
