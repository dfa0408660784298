// CheckSafetyRuleHeads: every var in a rule's head (args, key, value, ref) must occur in
// its body outside closures, or in its arguments: `p[x] if { y := 1 }` is "var x is
// unsafe" (rego_unsafe_var_error), located at the rule. Generated vars are not reported.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

void check_safety_rule_heads(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    if (!head_may_have_vars(r.head)) return false;
    VarSet bound = vars_of(r.body, kSafetyParams);
    for (const auto& a : r.head.args) collect_vars(a, bound);
    VarSet head;
    for (const auto& a : r.head.args) collect_vars(a, head);
    if (r.head.key) collect_vars(*r.head.key, head);
    if (r.head.value) collect_vars(*r.head.value, head);
    for (size_t i = 1; i < r.head.ref.size(); ++i) collect_vars(r.head.ref[i], head);
    for (const auto& v : diff(head, bound)) {
      std::string name = ctx.source_name(v);
      if (!is_generated(name) && !ctx.error(kUnsafeVarErr, "var " + name + " is unsafe", r.loc)) return true;
    }
    return false;
  });
}

}  // namespace arcane::compiler::stages
