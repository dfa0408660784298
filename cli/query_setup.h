// The prepared query of `arcane eval` and `arcane bench`: an engine built from the -d and
// -b paths, and the query prepared in the engine's Rego version.
#pragma once

#include <string>
#include <vector>

#include "arcane/engine.h"

namespace arcane::cli {

// With `metrics`, the loading, parsing and compiling phases are timed into it; with
// `trace`, the query is planned with trace points (arcane/trace.h).
Result<PreparedQuery> prepare_cli_query(const EngineOptions& options, const std::vector<std::string>& data,
                                        const std::vector<std::string>& bundles, const std::string& query,
                                        Metrics* metrics = nullptr, bool trace = false);

}  // namespace arcane::cli
