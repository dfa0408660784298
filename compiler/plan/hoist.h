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
//
// A call of a rule (memoised: one value per evaluation) moves too when it is the first
// statement of the body once the statements above have moved: `some scope in
// input.scopes; not scope in granted` calls `granted` once, before the loop, where the
// inliner can then copy it. It may fail with an error, so it must run exactly when the
// loop's first iteration would have reached it: a guard in front of it leaves the block
// unless the collection is one the loop iterates (not a string: `len` counts those too)
// with at least one element.
#pragma once

#include <cstdint>
#include <optional>

#include "ir/ir.h"

namespace arcane::compiler::plan {

// One per policy: the guard's constant 0 is interned once, whatever the number of
// functions.
class LoopInvariants {
 public:
  explicit LoopInvariants(ir::Policy& policy) : policy_(policy) {}
  void hoist(ir::Function& fn);

 private:
  friend class Hoister;
  uint32_t zero();

  ir::Policy& policy_;
  std::optional<uint32_t> zero_;
};

}  // namespace arcane::compiler::plan
