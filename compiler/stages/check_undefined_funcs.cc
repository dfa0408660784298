// CheckUndefinedFuncs: every call names a built-in or a user function, and passes its
// arity's operands (or one more: the output). With OPA's messages (rego_type_error):
// "undefined function data.p.f", "count: arity mismatch" for built-ins, "function data.p.f
// has arity 2, got 1 argument" for user functions. A generated call (one RewriteExprTerms
// lifted out) must carry exactly the output operand.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

bool check_expr(const ast::Expr& e, StageContext& ctx) {
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr) return false;
  const auto* ref = ref_parts(call->terms[0]);
  std::string name = ref != nullptr ? ctx.display(*ref) : ast::to_string(call->terms[0]);
  int arity = ref != nullptr ? ctx.arity(*ref) : -1;
  if (arity < 0) {
    ctx.error(kTypeErr, "undefined function " + name, e.loc);
    return true;
  }
  int n = static_cast<int>(call->terms.size()) - 1;
  bool bad = e.generated ? (!is_call_to(e, "eq") && n != arity + 1) : (n != arity && n != arity + 1);
  if (!bad) return false;
  int got = e.generated ? n - 1 : n;
  if (ctx.builtins.find(ast::to_string(*ref)) != nullptr) {
    ctx.error(kTypeErr, name + ": arity mismatch", e.loc);
  } else {
    ctx.error(kTypeErr,
              "function " + name + " has arity " + std::to_string(arity) + ", got " + std::to_string(got) +
                  (got == 1 ? " argument" : " arguments"),
              e.loc);
  }
  return true;
}

template <typename Node>
void check(Node& node, StageContext& ctx) {
  walk_exprs(node, [&ctx](const ast::Expr& e) { return check_expr(e, ctx); });
}

}  // namespace

void check_undefined_funcs(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    for (const auto& t : r.head.args) check(t, ctx);
    if (r.head.key) check(*r.head.key, ctx);
    if (r.head.value) check(*r.head.value, ctx);
    check(r.body, ctx);
    return false;
  });
}

void check_undefined_funcs_in_query(ast::Body& q, StageContext& ctx) {
  check(q, ctx);
}

}  // namespace arcane::compiler::stages
