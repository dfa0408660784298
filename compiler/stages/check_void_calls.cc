// CheckVoidCalls: a built-in that returns nothing (print) can only be an expression of its
// own; used as a value (`x := print(1)`) it is "print(1) used as value" (rego_type_error).
#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

template <typename Node>
void check(Node& node, StageContext& ctx) {
  walk_terms(node, [&ctx](const ast::Term& t) {
    const auto* call = ast::get_if<ast::Call>(t);
    if (call == nullptr) return false;
    const BuiltinSignature* b = ctx.builtins.find(operator_name(*call));
    if (b != nullptr && !b->has_result) ctx.error(kTypeErr, ast::to_string(t) + " used as value", t.loc);
    return false;
  });
}

}  // namespace

void check_void_calls(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    for (auto& t : r.head.ref) check(t, ctx);
    for (auto& t : r.head.args) check(t, ctx);
    if (r.head.key) check(*r.head.key, ctx);
    if (r.head.value) check(*r.head.value, ctx);
    check(r.body, ctx);
    return false;
  });
}

void check_void_calls_in_query(ast::Body& q, StageContext& ctx) {
  check(q, ctx);
}

}  // namespace arcane::compiler::stages
