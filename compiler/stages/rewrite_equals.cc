// RewriteEquals: after the safety check both sides of `a == b` are bound, so the
// expression becomes the unification `a = b` (operator `eq`); a `==` nested as a value
// (`x := a == b`) is a call with an output and stays. Queries keep `==` (OPA does too: a
// caller asking `a == b` expects true/false/undefined back).
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

void rewrite_equals(CompiledProgram& p, StageContext& ctx) {
  auto rewrite = [](ast::Expr& e) {
    if (is_call_to(e, "equal")) {
      auto& call = std::get<ast::Call>(e.terms);
      if (call.terms.size() == 3) call.terms[0] = ast::make_operator("eq", call.terms[0].loc);
    }
    return false;
  };
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    walk_exprs(r.body, rewrite);
    if (r.head.value) walk_exprs(*r.head.value, rewrite);
    return false;
  });
}

}  // namespace arcane::compiler::stages
