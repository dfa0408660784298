// CheckDeprecatedBuiltins: modules that follow v1's rules may not call deprecated
// built-ins (any, all, re_match, set_diff, cast_*, net.cidr_overlap):
// "deprecated built-in function calls in expression: re_match" (rego_type_error). v0
// modules may, as in OPA without strict mode.
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

void check_deprecated_builtins(CompiledProgram& p, StageContext& ctx) {
  for (auto& m : p.modules) {
    if (m.module.version == ast::RegoVersion::V0) continue;
    for (auto& rule : m.module.rules) {
      for (ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
        walk_exprs(r->body, [&ctx](const ast::Expr& e) {
          const auto* call = std::get_if<ast::Call>(&e.terms);
          if (call == nullptr) return false;
          std::string name = operator_name(*call);
          const BuiltinSignature* b = ctx.builtins.find(name);
          if (b != nullptr && b->deprecated) {
            ctx.error(kTypeErr, "deprecated built-in function calls in expression: " + name, e.loc);
          }
          return false;
        });
      }
    }
  }
}

}  // namespace arcane::compiler::stages
