// Locals reused by sibling blocks get a number per block, on a planned function.
//
// The planner numbers each rule body's locals from the same start, so the bodies of a
// rule group, the branches of an else chain or the alternatives of a `block` reuse l4,
// l5, ... for unrelated values. The passes that follow decide from how many times a local
// is written and read in the whole function (copies.h removes `assign a -> b` only when a
// and b each have one writer), so reuse hides what each body does on its own.
//
// A local that appears only inside sibling blocks (the blocks of the function, or of one
// `block` statement) holds a new value in each block that writes it before anything
// reads it, where that write comes before every other mention in the block's flow (in
// its own block, or nested after it): each such block after the first gets a fresh
// number for it (and a block that reads it first, the number of the block before).
// Nested `block` statements are split the same way. The function's register count grows with
// the locals split, so splitting stops at a bound.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void split_locals(ir::Function& fn);

}  // namespace arcane::compiler::plan
