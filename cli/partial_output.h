// `arcane eval --partial`: the partial branch of the eval verb and its output formats, as
// `opa eval --partial` prints them (OPA's internal/presentation):
//   json    {"partial": {"queries": [...], "support": [...]}} in OPA's AST JSON
//   source  `# Query N` and the query as Rego, a blank line; `# Module N` and the module
//   pretty  a table, one row per query (`Query N`) and per support module (`Support N`);
//           `undefined` when there is no query
// Errors are printed as for a plain eval (stdout, exit 2).
#pragma once

#include <optional>
#include <string>

#include "arcane/engine.h"
#include "arcane/partial.h"
#include "cli/commands.h"

namespace arcane::cli {

int run_partial_eval(const EvalCommand& cmd, const EngineOptions& options, std::optional<Value> input);

std::string format_partial(const PartialResult& result, const std::string& format);

}  // namespace arcane::cli
