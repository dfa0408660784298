// CheckSafetyRuleBodies: each body (closures included) is reordered so that every var is
// bound before it is read (see safety.h); a var that no order can bind is unsafe: "var x is
// unsafe" (rego_unsafe_var_error) at the first expression it is unsafe in. Arguments and
// `data`/`input` are bound from the start. The query compiler's CheckSafety is the same
// with only `data`/`input` bound.
#include "compiler/stages/safety.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

bool check_body(const VarSet& globals, ast::Body& body, StageContext& ctx) {
  ArityFn arity = [&ctx](const std::vector<ast::Term>& r) { return ctx.arity(r); };
  UnsafeVars unsafe = reorder_body_for_safety(arity, globals, body);
  if (unsafe.empty()) return true;
  auto name = [&ctx](const std::string& v) { return ctx.source_name(v); };
  for (auto& e : safety_errors(unsafe, name)) {
    if (!ctx.error(kUnsafeVarErr, std::move(e.message), e.loc)) return false;
  }
  return true;
}

}  // namespace

void check_safety_rule_bodies(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    VarSet safe{"data", "input"};
    for (const auto& a : r.head.args) collect_vars(a, safe);
    check_body(safe, r.body, ctx);
    return false;
  });
}

void check_safety_in_query(ast::Body& q, StageContext& ctx) {
  check_body(VarSet{"data", "input"}, q, ctx);
}

}  // namespace arcane::compiler::stages
