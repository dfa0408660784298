// Flag locals the planner needs no more, on a finished (untraced) function.
//
// The planner writes a negation as OPA's evaluator runs it, with a flag:
//
//     reset -> f
//     block { <body>  assign true -> f  break 0 }
//     isundefined f
//
// When f is mentioned nowhere else, that is `not { <body> }`: the body leaving early
// makes the negation hold, the body running to its end makes it fail. The IR's `not`
// says so in one jump where the flag costs a reset, an assignment and a test. Breaks in
// the body keep their targets: a `not` has one block, as the `block` had.
//
// Then a `reset` of a local that no statement reads (planners reset each rule body's
// locals; copies, inlining and the above leave many unread) is dropped.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void drop_flags(ir::Function& fn);

}  // namespace arcane::compiler::plan
