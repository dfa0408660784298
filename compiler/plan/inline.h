// Rule calls replaced by the rule's body, on a finished (untraced) policy.
//
// A call to a rule function costs a frame, a memo lookup and store, and a return: more
// than the whole body of a small rule such as `finance if { input.type == "x" }`. This
// pass copies the body of a rule (a function without parameters) into its caller, with
// fresh locals, where doing so cannot make evaluation repeat work the memo would have
// saved:
//   - the call is not inside a loop of the caller (a scan body), so it runs at most once
//     per activation of the caller; and
//   - the caller is a rule or a plan, evaluated at most once per evaluation (and `with`
//     scope), not a Rego function; and
//   - either the rule is small and straight-line (no loops, calls or `with`, no built-in
//     with an effect such as `print`), so running it twice costs less than a memoised
//     call; or this is the only call of the rule one evaluation can run (an evaluation
//     runs one plan, so calls in other plans do not count: the rule a decision plan
//     returns is inlined into it, and into the query plan too).
// Rules are processed callees first, so a body is copied with its own inlined calls.
//
// The copy is a `block` whose blocks are the rule's; a `return` becomes an assignment to
// the call's target and a `break` out of the copy. The rule's function stays in the
// policy (other call sites and dynamic calls use it).
#pragma once

#include <string_view>

#include "ir/ir.h"

namespace arcane::compiler::plan {

// `decision_plan`: the name of the plan PreparedQuery::decide runs (empty: none), into
// which a rule it calls once is copied whatever its length, when its locals are few.
void inline_rules(ir::Policy& policy, std::string_view decision_plan = {});

}  // namespace arcane::compiler::plan
