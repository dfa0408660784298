// JSON string quoting shared by every writer of JSON text (values, diagnostics, AST dumps).
// Escapes as Go's encoding/json does, which is what OPA prints: ", \, control characters,
// and <, >, & as \u003c, \u003e, \u0026 (HTML-safe), U+2028 and U+2029.
#pragma once

#include <string>
#include <string_view>

namespace arcane::runtime {

void append_json_quoted(std::string& out, std::string_view s, bool html_safe = true);
std::string json_quote(std::string_view s, bool html_safe = true);

}  // namespace arcane::runtime
