// RewriteRefsInHead: a head key, value or argument that needs evaluation (a ref or a
// comprehension) is bound to a generated var in the body, so heads hold only vars and
// values: p[{"foo": data.foo[i]}] if { i < 100 } becomes
// p[__local0__] if { i < 100; __local0__ = {"foo": data.foo[i]} }.
#include "compiler/stages/requires_eval.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

void lift(VarGenerator& gen, ast::Term& t, ast::Body& body) {
  if (!requires_eval(t)) return;
  runtime::Location loc = t.loc;
  ast::Term v = ast::make_var(gen.next(), loc);
  append(body, make_eq(ast::clone(v), std::move(t), loc));
  t = std::move(v);
}

}  // namespace

void rewrite_refs_in_head(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    if (r.head.key) lift(*ctx.gen, *r.head.key, r.body);
    if (r.head.value) lift(*ctx.gen, *r.head.value, r.body);
    for (auto& a : r.head.args) lift(*ctx.gen, a, r.body);
    return false;
  });
}

}  // namespace arcane::compiler::stages
