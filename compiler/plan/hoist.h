// Loop-invariant statements out of loops, on a planned function.
//
// The planner plans each expression where it stands, so a body such as
//   some role in data.users[input.user]; some grant in data.grants[role]; grant.action == input.action
// looks `input.action` up once per grant of every role. This pass moves such statements
// (a `dot`, `len` or `assign` whose operands the loop never writes) in front of the loop,
// from the innermost loop outwards, so they run once.
//
// Why it is safe: a statement is moved only from the head of a loop body in which every
// statement before it is free of effects (no calls, no errors, no writes outside), only
// out of a loop that is the last statement of its block, and only when its result is
// used nowhere but inside that loop. Its value is the same in every iteration; if it is
// undefined, every iteration fails at it, and failing before the loop leaves the same
// block with the same (empty) outcome.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void hoist_invariants(ir::Function& fn);

}  // namespace arcane::compiler::plan
