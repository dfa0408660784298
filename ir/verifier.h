// The plan's invariants, checked after lowering from the AST (in debug and test builds)
// and after loading a plan from bytes or text.
//
// Structure: every statement has its kind's shape (input/output/block counts); constant,
// built-in, function and file indices are in range; a `break N` stays within the blocks
// that enclose it in its function; call arities match the callee (plan functions always,
// built-ins when the table declares an arity); only plans add result rows and only other
// functions return; `with` paths are constants; locals 0 and 1 (input, data) are never
// written; parameters are distinct locals >= 2; CallDynamic paths are unique.
//
// Dataflow: a local is assigned before it is read along every path. The analysis follows
// the structured control flow exactly (undefined = leave the block, break N, scans that
// may run zero times, not-blocks whose bindings do not escape, isdefined as a guard), so
// it has no false alarms on the planner's patterns. Reads that are meant to see an
// undefined local are exempt: isdefined, isundefined, return, and assignonce's target.
#pragma once

#include <vector>

#include "ir/ir.h"
#include "runtime/diagnostic.h"

namespace arcane::ir {

inline constexpr uint32_t kMaxLocals = 1u << 18;  // per function; the VM sizes frames by it

struct VerifyOptions {
  bool definite_assignment = true;
  size_t max_errors = 20;
};

// Empty when the policy is well formed. Diagnostics have code "ir_verify_error", the
// statement's location and a message naming the function: "g0.data.p: break 2 leaves
// the function (1 enclosing block)".
std::vector<runtime::Diagnostic> verify_policy(const Policy& p, const VerifyOptions& options = {});

}  // namespace arcane::ir
