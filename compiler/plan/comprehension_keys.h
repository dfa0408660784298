// Which comprehensions are indexed, and on which variables: OPA's compiler decision
// (buildComprehensionIndices / getComprehensionIndex in ast/compile.go), taken over the
// rewritten AST.
//
// A comprehension in `x = [t | body]` whose body closes over variables of the
// enclosing query is evaluated once per binding of those variables; when the body is safe
// on its own and binds them itself, it can instead run once, with the variables free,
// and its results be grouped by their values ("keys"). Each later evaluation is then a
// lookup: O(outer + inner) instead of O(outer * inner). OPA indexes a comprehension when
//  - it is one side of a unification (`=`, or `:=` once rewritten) whose other side is a
//    variable, in an expression that is neither negated nor has `with`;
//  - every variable of its body is an output of the body (safe without the outer query);
//  - no ref in the body iterates over a key variable before the body binds it, nor is one
//    `walk`'s output (grouping would turn a lookup into a scan);
//  - no comprehension nested in its body closes over a candidate variable;
//  - some candidate variable (one that occurs in an expression before it, in this body
//    or an enclosing one) is an output of the body: those are the keys, sorted by name.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/stages/safety.h"

namespace arcane::compiler::plan {

// Comprehension term -> its key variables, sorted by name.
using ComprehensionKeys = std::unordered_map<const ast::Term*, std::vector<std::string>>;

// The body of an array, set or object comprehension term; null for any other term.
const ast::Body* comprehension_body(const ast::Term& t);

// Adds the indexed comprehensions of a rule (its head, body and else chain), or of a
// query, to `out`.
void find_comprehension_keys(const ast::Rule& rule, const stages::ArityFn& arity, ComprehensionKeys& out);
void find_comprehension_keys(const ast::Body& query, const stages::ArityFn& arity, ComprehensionKeys& out);

}  // namespace arcane::compiler::plan
