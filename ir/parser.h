// Reads the IR listing (printer.h) back into a Policy.
//
// This is how VM tests are written: a listing in, rows and errors out, no compiler in
// between. Beyond what the printer writes, the parser accepts what makes hand-written
// listings pleasant: `#` comments, any spacing, built-ins used without a `builtin` line
// (their arity is taken from the first call), and functions called before they are
// defined. It checks syntax and names only; run the verifier for the plan's invariants.
#pragma once

#include <string_view>

#include "ir/ir.h"
#include "runtime/result.h"

namespace arcane::ir {

// Errors have code "ir_parse_error" and a message "line:col: what".
runtime::Result<Policy> parse_policy(std::string_view text);

}  // namespace arcane::ir
