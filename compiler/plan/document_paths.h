// Paths into the documents looked up once per function, on a finished (untraced) rule or
// plan.
//
// Rules read the same parts of the input and the data in many bodies: `input.agent.id`
// in three bodies of `deny`, `input.task.workflow` in `allow` and in `review` once both
// are copied into `decision` (inline.h). Sibling bodies do not dominate each other, so
// shared_lookups.h cannot share these. A lookup cannot fail with an error and changes
// nothing, so it may run where it was not asked for: a path (a chain of `dot`s from the
// input or the data, each key a constant or another such path) looked up in two places or
// more, outside any `with`, is looked up once in a block of its own before the
// function's first body:
//
//     block { isdefined h1  dot h1, "id" -> h2 }
//
// and each of its lookups becomes `isdefined h2`, its readers reading h2. An `isdefined`
// of a path right before one of a path that extends it (its parent, or its key) is
// dropped: the longer one being defined says the shorter one is.
//
// Only rules and plans, which run once per evaluation: a Rego function may run many
// times, and would look its paths up on each call whether its bodies need them or not.
#pragma once

#include "ir/ir.h"

namespace arcane::compiler::plan {

void look_up_document_paths_once(ir::Function& fn);

}  // namespace arcane::compiler::plan
