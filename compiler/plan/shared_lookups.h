// A lookup made twice is made once, on a finished (untraced) function.
//
// Planning rule by rule, and copying rules into their callers (inline.h), repeats
// lookups: `input.resource.type` and `input.resource.key` both look up
// `input.resource`, and two copies of one rule look up the same paths again. A `dot s, k
// -> t` whose source and key hold the same values as those of an earlier `dot s, k -> u`
// that has run wherever it runs (an earlier statement of an enclosing block) is removed,
// and its readers read u. "The same values" means: s and k are constants, the input or
// data document outside any `with` between the two, or locals written once in the whole
// function; t and u are written once too.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void share_lookups(ir::Function& fn);

}  // namespace arcane::compiler::plan
