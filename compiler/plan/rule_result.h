// One-body rules assign their result directly, on a planned (untraced) function.
//
// A complete rule or function is planned as
//   { reset l3; <body>; assignonce v -> l3 }  { isdefined l3; assignonce l3 -> l2 }  ...  { return l2 }
// so that several bodies can each produce a value into l3 and be checked against the
// others in l2. With one body, l3 is only a detour: the body assigns l2 itself, and the
// reset and the copy (three instructions on every evaluation) go. A conflict inside the
// body (a loop assigning different values) is still an `assignonce` conflict.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void assign_rule_results_directly(ir::Function& fn);

}  // namespace arcane::compiler::plan
