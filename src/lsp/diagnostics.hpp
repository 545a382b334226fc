#pragma once
#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/source_map.hpp"

namespace kedrolint::lsp {

/// A finding as an LSP `Diagnostic`: 0-based lines, UTF-16 characters (the
/// protocol's default position encoding), the rule code with a link to its
/// page, the fix hint on a second line, related locations as
/// relatedInformation.
nlohmann::json to_lsp_diagnostic(const core::Diagnostic& d, const core::SourceMap& sources);
/// An LSP Range for a span.
nlohmann::json to_lsp_range(const core::SourceMap& sources, core::Span span);

}  // namespace kedrolint::lsp
