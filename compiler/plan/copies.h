// Copies between locals removed from a planned function.
//
// The planner binds every variable through `assign` (`some grant in xs` copies the scan's
// value into the variable's own local), so a loop body starts with copies that cost an
// instruction per iteration and hold nothing new. `assign a -> b` goes, and b's uses
// read a, when b has no other writer and is used only after the copy in its block, and
// a has a single writer that has already run wherever the copy runs (an enclosing
// `scan`, or an earlier statement of an enclosing block), so a is defined there and
// unchanged while b would be. A copy whose target is never read just goes.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void remove_copies(ir::Function& fn);

}  // namespace arcane::compiler::plan
