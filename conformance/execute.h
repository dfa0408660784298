// Running one case through the public Engine API, set up exactly as OPA's runner sets it
// up (FORMAT.md §3): module i is `test-<i>.rego` in the tree's Rego version, the query is
// always Rego v1, `data` is the store, input_term (a Rego term) wins over input, strict
// built-in errors as the case says, rows reported with every top-level variable under its
// compiled name (as OPA's topdown evaluator reports them), env set for the duration.
#pragma once

#include <memory>

#include "api/src/evaluator.h"
#include "conformance/case_file.h"
#include "conformance/judge.h"

namespace arcane::conformance {

struct ExecuteOptions {
  // The evaluator behind the engine; nullptr is the default one (api::default_evaluator).
  std::shared_ptr<const api::Evaluator> evaluator;
};

// Never throws; a failure to set the case up is Outcome::setup_error.
Outcome execute(const Case& c, const ExecuteOptions& options);

}  // namespace arcane::conformance
