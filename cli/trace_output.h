// Evaluation traces on the command line: `arcane eval --explain=MODE` and the failure
// traces of `arcane test -v`, printed as the opa CLI prints them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arcane/trace.h"

namespace arcane::cli {

// `eval --explain` with --format pretty: OPA's PrettyTraceWithLocation of the events the
// mode keeps (printed before the result).
std::string explain_pretty(const std::vector<TraceEvent>& events, ExplainMode mode);

// `eval --explain` with --format json: the JSON output with OPA's "explanation" array (the
// events the mode keeps) added as its last member.
std::string with_explanation(const std::string& json_output, const std::vector<TraceEvent>& events, ExplainMode mode);

// `test -v`: the events of a failed test's trace that opa test shows (with --explain, the
// mode's; without, notes and fails with their lineage), pretty-printed and indented by two.
std::string test_failure_trace(const std::vector<TraceEvent>& events, std::optional<ExplainMode> mode);

}  // namespace arcane::cli
