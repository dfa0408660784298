// CheckKeywordOverrides: in modules that follow v1's rules (v1, or v0 with `import
// rego.v1`), nothing may shadow the root documents: no rule named `data` or `input`, no
// argument and no `:=` target spelled so. OPA's checkRootDocumentOverrides, with its
// messages and locations (the rule, the argument, the expression).
#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

void check_rule(const ast::Rule& rule, StageContext& ctx) {
  const auto* name = ast::get_if<ast::Var>(rule.head.ref.at(0));
  if (name != nullptr && is_root_name(name->name)) {
    ctx.error(kCompileErr, "rules must not shadow " + name->name + " (use a different rule name)", rule.loc);
  }
  for (const auto& a : rule.head.args) {
    if (is_root_ref(a)) {
      ctx.error(kCompileErr, "args must not shadow " + ast::to_string(a) + " (use a different variable name)", a.loc);
    }
  }
}

}  // namespace

void check_keyword_overrides(CompiledProgram& p, StageContext& ctx) {
  for (auto& m : p.modules) {
    if (m.module.version == ast::RegoVersion::V0) continue;
    for (const auto& rule : m.module.rules) check_rule(rule, ctx);
    for (auto& rule : m.module.rules) {
      for (ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
        walk_exprs(r->body, [&ctx](const ast::Expr& e) {
          if (!is_call_to(e, "assign")) return false;
          const auto& call = std::get<ast::Call>(e.terms);
          if (call.terms.size() < 2) return false;
          std::string name = ast::to_string(call.terms[1]);
          if (is_root_name(name)) {
            ctx.error(kCompileErr, "variables must not shadow " + name + " (use a different variable name)", e.loc);
          }
          return false;
        });
      }
    }
  }
}

}  // namespace arcane::compiler::stages
