// A lookup or a rule call made twice is made once, on a finished (untraced) function.
//
// Planning rule by rule, and copying rules into their callers (inline.h), repeats
// lookups: `input.resource.type` and `input.resource.key` both look up
// `input.resource`, and two copies of one rule look up the same paths again. A `dot s, k
// -> t` whose source and key hold the same values as those of an earlier `dot s, k -> u`
// that has run wherever it runs (an earlier statement of an enclosing block) is removed,
// and its readers read u. "The same values" means: s and k are constants, the input or
// data document outside any `with` between the two, or locals written once in the whole
// function; t and u are written once too.
//
// The same holds for a call of a rule (no arguments) dominated by a call of the same
// rule: under one set of documents the memo gives both the same result, so the second is
// removed. This runs before inlining too, so that `count(deny) > 0` followed by
// `sort(deny)` leaves one call of `deny`, which may then be inlined as its only one.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void share_lookups(const ir::Policy& policy, ir::Function& fn);

}  // namespace arcane::compiler::plan
