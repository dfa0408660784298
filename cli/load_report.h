// How the CLI reports diagnostics, in the exact shapes the opa CLI uses: pretty
// ("1 error occurred during loading: file:row: code: message" / "N errors occurred:" and
// one per line) or JSON ({"errors": [...]}, indented two spaces).
//
// Two sources of errors: the compiler's own diagnostics (parse, check), which point into a
// SourceSet, and the embedding API's self-contained arcane::Error values (eval, test).
#pragma once

#include <string>

#include "arcane/error.h"
#include "runtime/diagnostic.h"

namespace arcane::cli {

enum class Phase { kLoading, kCompiling };

std::string format_errors(const runtime::Diagnostics& diags, const runtime::SourceSet& sources,
                          const std::string& format, Phase phase);

// One API error as OPA's Error() prints it: `file:row: code: message`, then for a parse
// error the source line (leading tabs dropped) and a caret under the column, and any notes.
std::string error_text(const Error& error);
// `1 error occurred[ during loading]: ...` or `N errors occurred[ during loading]:` and one
// error per line; no trailing newline.
std::string errors_text(const Errors& errors, Phase phase);
// Whether OPA would report these as loading errors (file, data and parse errors) rather
// than compile errors.
bool is_loading_failure(const Errors& errors);

}  // namespace arcane::cli
