// How the CLI reports diagnostics, in the exact shapes the opa CLI uses: pretty
// ("1 error occurred during loading: file:row: code: message" / "N errors occurred:" and
// one per line) or JSON ({"errors": [...]}, indented two spaces).
#pragma once

#include <string>

#include "runtime/diagnostic.h"

namespace arcane::cli {

enum class Phase { kLoading, kCompiling };

std::string format_errors(const runtime::Diagnostics& diags, const runtime::SourceSet& sources,
                          const std::string& format, Phase phase);

}  // namespace arcane::cli
