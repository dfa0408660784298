// Verdicts, exactly as OPA's reference runner reaches them (FORMAT.md §3.1):
//   1. want_error: there must be an error, and want_error a substring of its text;
//   2. want_error_code: the error must be an evaluation error with exactly that code;
//   3. an error that neither expected is a failure;
//   4. want_result: the rows must match (§4), even when an error was expected too;
//   5. a case expecting nothing at all fails.
// A case whose modules, query or input cannot be set up fails whatever it expects: OPA's
// runner aborts such a case (every case in the suite compiles in OPA).
#pragma once

#include <optional>
#include <string>

#include "arcane/error.h"
#include "arcane/result_set.h"
#include "conformance/case_file.h"

namespace arcane::conformance {

struct Outcome {
  std::optional<Error> setup_error;  // the case could not be set up...
  std::string setup_stage;           // ...at this stage: "modules", "query", "input_term"
  EvalResult result;                 // otherwise, what evaluation returned
  std::string decide_disagrees;      // how PreparedQuery::decide() disagreed with it, if it did
};

struct Verdict {
  bool pass = false;
  std::string reason;  // why it failed, one line (the first check that failed)
  std::string want;    // for --verbose: what the case expects...
  std::string got;     // ...and what it got
};

Verdict judge(const Case& c, const Outcome& outcome);

}  // namespace arcane::conformance
