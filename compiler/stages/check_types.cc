// CheckTypes: the arity part of OPA's type checker (checkExprBuiltin). A call may pass its
// function's declared operands plus one output, no more ("count: too many arguments") and
// no fewer ("count: too few arguments"), for built-ins and user functions alike
// (rego_type_error). Operand and result types are not checked yet.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

void check_expr(const ast::Expr& e, StageContext& ctx) {
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr || is_call_to(e, "eq")) return;
  const auto* ref = ref_parts(call->terms[0]);
  if (ref == nullptr) return;
  int declared = -1;
  int max = -1;
  if (const BuiltinSignature* b = ctx.builtins.find(ast::to_string(*ref))) {
    declared = b->arity;
    max = b->variadic ? -1 : b->arity + (b->has_result ? 1 : 0);
    if (b->variadic) return;
  } else if (const auto* rules = ctx.lookup.rules_exact(*ref)) {
    declared = static_cast<int>(rules->front().rule->head.args.size());
    max = declared + 1;
  } else {
    return;
  }
  int n = static_cast<int>(call->terms.size()) - 1;
  if (n > max) {
    ctx.error(kTypeErr, ctx.display(*ref) + ": too many arguments", e.loc);
  } else if (n < declared) {
    ctx.error(kTypeErr, ctx.display(*ref) + ": too few arguments", e.loc);
  }
}

template <typename Node>
void check(Node& node, StageContext& ctx) {
  walk_exprs(node, [&ctx](const ast::Expr& e) {
    check_expr(e, ctx);
    return false;
  });
}

}  // namespace

void check_types(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    check(r.body, ctx);
    return false;
  });
}

void check_types_in_query(ast::Body& q, StageContext& ctx) {
  check(q, ctx);
}

}  // namespace arcane::compiler::stages
