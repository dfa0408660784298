// The order in which OPA's evaluator runs the rules of a group. OPA looks rules up in a
// trie built over their equality tests on input and data refs (v1/ast/index.go) and runs
// them in the order its traversal meets them, not in source order: rules it cannot
// index first, then, ref by ref, those that do not test the ref, those that only need it
// defined, and those that test its value. That order is visible: a conflict between two
// complete rules is reported at the second rule to produce a value, and errors and
// print() output come in that order. The traversal visits trie nodes in one fixed
// depth-first order whatever the input (it only skips branches), so the order is
// computed once, at plan time.
#pragma once

#include <cstddef>
#include <vector>

#include "compiler/compile/program.h"

namespace arcane::compiler::plan {

// A permutation of `rules` (indices into it): OPA's evaluation order. Default rules keep
// their place (the planner runs them last anyway); an else chain moves as one.
std::vector<size_t> opa_rule_order(const CompiledProgram& program, const std::vector<RuleEntry>& rules);

}  // namespace arcane::compiler::plan
