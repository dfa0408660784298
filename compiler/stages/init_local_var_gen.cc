// InitLocalVarGen: the generator of `__localN__` names for the module stages. It skips
// every var of every module (OPA's newLocalVarGeneratorForModuleSet walks the modules with
// a VarVisitor: heads by their ref, args, values, bodies, else chains), so a generated
// name never captures a variable the user wrote.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

void rule_vars(const ast::Rule& r, VarSet& out) {
  for (const auto& t : r.head.ref) collect_vars(t, out);
  if (r.head.ref.empty() && r.head.key) collect_vars(*r.head.key, out);
  for (const auto& a : r.head.args) collect_vars(a, out);
  if (r.head.value) collect_vars(*r.head.value, out);
  collect_vars(r.body, out);
  if (r.else_rule) rule_vars(*r.else_rule, out);
}

}  // namespace

void init_local_var_gen(CompiledProgram& p, StageContext& ctx) {
  VarSet used;
  for (const auto& m : p.modules) {
    for (const auto& r : m.module.rules) rule_vars(r, used);
  }
  ctx.gen = std::make_unique<VarGenerator>("__local", std::move(used));
}

VarGenerator query_generator(const ast::Body& q) {
  return VarGenerator("__localq", vars_of(q));
}

}  // namespace arcane::compiler::stages
