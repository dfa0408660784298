// Partial evaluation: OPA's `opa eval --partial` (rego.Partial), on the compiled AST.
//
// A query is evaluated as far as the known documents allow. What depends on an unknown
// (by default all of `input`) is not evaluated but saved, with the bindings known at that
// point plugged in, and the result is a disjunction of queries over the unknowns plus
// "support" modules under `data.partial` for the rules that could not be inlined. Whoever
// later knows the unknowns (a database filter, a second evaluation) evaluates those.
//
// It follows OPA's topdown partial evaluator where it matters for the result:
//   * known refs, rules, comprehensions and built-in calls are evaluated (built-ins run
//     through the stdlib table; nondeterministic ones are saved, as OPA does by default);
//   * an expression with an unknown operand is saved; a var bound by it becomes unknown;
//   * a complete rule without default or else, a partial set or object rule referenced
//     with a key, and a function are inlined: each way their bodies can succeed becomes
//     its own query (hence several queries from several rules);
//   * a rule with a default or an else, or any rule when inlining is disabled, becomes a
//     support rule at data.partial.<path>, referenced from the query;
//   * `not`, comprehensions and `every` over unknowns are saved whole (a negation of
//     several alternatives becomes a support rule, as OPA's __not..__ rules);
//   * saved queries get a copy-propagation pass, so `x = input.a; x > 1` reads
//     `input.a > 1`.
// Where OPA's output is its own internal detail (the numbering of renamed locals) ours may
// differ in names but not in meaning.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/program.h"
#include "runtime/result.h"
#include "runtime/value.h"

namespace arcane::compiler::partial {

struct PartialOptions {
  // Refs whose documents are unknown (`input`, `input.user`, `data.tenants`).
  std::vector<std::vector<ast::Term>> unknowns;
  // OPA's --disable-inlining: every rule the query reaches becomes a support rule.
  bool disable_inlining = false;
  std::string ns = "partial";  // support rules live under data.<ns>
  const runtime::Value* data = nullptr;   // the base documents
  const runtime::Value* input = nullptr;  // the known part of input, if any
  // The compiled query's own vars (compile_query's result_vars): their values are
  // reported as `x = value`; and the names to show them under (`__localq0__` -> `x`).
  std::vector<std::string> query_vars;
  std::map<std::string, std::string> rename;
  // Expressions in flight at once (a body's length plus the bodies it calls): beyond it,
  // an error rather than a stack overflow. The evaluator's stack is sized for the default.
  int max_expr_depth = 40000;
};

struct PartialResult {
  std::vector<ast::Body> queries;     // disjunction; empty: the query is always undefined
  std::vector<ast::Module> support;   // sorted by package
};

// `query` is a query compiled against `program` (compile_query). Errors are evaluation
// errors (conflicts) and `rego_unsupported_error`-style refusals of what is not
// implemented, never a crash.
runtime::Result<PartialResult> partial_eval(const CompiledProgram& program, const ast::Body& query,
                                            const PartialOptions& options);

}  // namespace arcane::compiler::partial
