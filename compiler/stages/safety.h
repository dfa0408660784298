// Safety analysis: which variables an expression binds ("outputs"), given the variables
// already bound ("safe"), and the reordering of a body so that every variable is bound
// before it is read. This is OPA's reorderBodyForSafety with its helpers
// (outputVarsForExpr, outputVarsForBody, Unify, isRefSafe), used by CheckSafetyRuleBodies,
// by the query compiler's CheckSafety, and by RewriteLocalVars (for `some x in xs`).
//
// A variable is bound by: unification (`x = e`, both ways, through arrays and objects),
// the output operand of a call (`count(xs, n)`: operands past the arity), iterating a
// ref whose head is bound (`xs[i]` binds i), and the domain of `every`. Negated
// expressions, `with` on unbound values and closures (comprehensions, `every` bodies) bind
// nothing; closures may read only variables bound before them.
#pragma once

#include <functional>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/stages/vars.h"
#include "runtime/source.h"

namespace arcane::compiler::stages {

using ArityFn = std::function<int(const std::vector<ast::Term>&)>;

VarSet unify_vars(const VarSet& safe, const ast::Term& a, const ast::Term& b);
bool is_ref_safe(const ast::Ref& ref, const VarSet& safe);
VarSet output_vars_for_terms(const ast::Term& t, const VarSet& safe);
VarSet output_vars_for_eq(const ast::Expr& e, const VarSet& safe);
VarSet output_vars_for_expr(const ast::Expr& e, const ArityFn& arity, const VarSet& safe);
VarSet output_vars_for_body(const ast::Body& b, const ArityFn& arity, const VarSet& safe);

// Unsafe variables, each with the location of an expression it is unsafe in.
struct UnsafeVars {
  struct Entry {
    runtime::Location loc;
    VarSet vars;
  };
  std::vector<Entry> entries;
  bool empty() const { return entries.empty(); }
  void add(runtime::Location loc, const std::string& var);
  void merge(UnsafeVars&& other);
};

// Reorders `body` in place (only when it can be made safe) so that evaluating it left to
// right binds every variable before it is read, given `globals` (bound outside); closures
// are reordered recursively. Returns what could not be made safe.
UnsafeVars reorder_body_for_safety(const ArityFn& arity, const VarSet& globals, ast::Body& body);

// OPA's safetyErrorSlice: "var x is unsafe" per variable (first location), or "expression
// is unsafe" when only generated variables are unsafe. `source_name` maps generated names
// back.
struct SafetyError {
  runtime::Location loc;
  std::string message;
};
std::vector<SafetyError> safety_errors(const UnsafeVars& unsafe,
                                       const std::function<std::string(const std::string&)>& source_name);

// Location order (file, then offset), as OPA compares locations.
bool location_less(runtime::Location a, runtime::Location b);

}  // namespace arcane::compiler::stages
