// Conditions a finished (untraced) plan already knows to hold, removed.
//
// Planning rule by rule, and then copying rules into their callers (inline.h), leaves
// checks that cannot fail:
//   - `notequal c, d` of two unequal constants (a rule `x := 1 if true`);
//   - `notequal t, false` where every write of t is `true` (a boolean rule's result, as
//     its caller checks it) is the same as `isdefined t`, and is dropped right after one;
//   - an `isdefined t` right after another.
// Each costs an instruction on every evaluation.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void drop_known_conditions(const ir::Policy& policy, ir::Function& fn);

}  // namespace arcane::compiler::plan
