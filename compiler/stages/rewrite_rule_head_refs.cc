// RewriteRuleHeadRefs: the rule tree and the planner only deal with scalars and vars in
// head refs, so any other term there (a ref, a collection, a call) is bound to a
// generated var in the body: `p.q.r[y.z] if {...}` becomes `p.q.r[__local0__] if {...;
// __local0__ = y.z}`. A key equal to the rewritten term follows it. Else branches share
// the head and are not visited.
#include "compiler/ast/compare.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

void rewrite_rule_head_refs(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& rule, uint32_t) {
    auto& ref = rule.head.ref;
    for (size_t i = 1; i < ref.size(); ++i) {
      if (std::holds_alternative<ast::Var>(ref[i].value) || is_scalar(ref[i].value)) continue;
      runtime::Location loc = ref[i].loc;
      ast::Term var = ast::make_var(ctx.gen->next(), loc);
      if (i + 1 == ref.size() && rule.head.key && ast::compare(*rule.head.key, ref[i]) == 0) {
        *rule.head.key = ast::clone(var);
      }
      ast::Term old = std::move(ref[i]);
      ref[i] = ast::clone(var);
      append(rule.body, make_eq(std::move(var), std::move(old), loc));
    }
    return true;
  });
}

}  // namespace arcane::compiler::stages
