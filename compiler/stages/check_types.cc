// CheckTypes (OPA's checkTypes / typeChecker.CheckTypes): every rule body is type-checked
// (type_checker.h), dependencies first, and each rule's type is then recorded at its path
// so that the rules and functions that refer to it are checked against it: a function's
// operand and result types, a value's type, a partial set's element type, a partial
// object's key and value types. A rule whose body had errors is recorded as `any`, so one
// mistake is reported once. Errors come out sorted by location, as OPA sorts them.
#include <algorithm>
#include <map>

#include "compiler/stages/stages.h"
#include "compiler/stages/type_checker.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

namespace types = stdlib::types;

// nestedObject: the type of a rule at data.p[k][j] as seen from data.p:
// object[K: object[J: V]].
Type nested_object(const TypeChecker& tc, const TypeEnv& env, const std::vector<ast::Term>& path, size_t from,
                   const Type& value) {
  if (from == path.size()) return value;
  Type inner = nested_object(tc, env, path, from + 1, value);
  if (inner.is_nil()) return {};
  Type key = tc.type_of(env, path[from]);
  if (key.is_nil()) return {};
  return Type::object({}, key, inner);
}

class RuleTypes {
 public:
  RuleTypes(CompiledProgram& p, const StageContext& ctx) : p_(p), tc_(*p.builtins, ctx) {}

  std::shared_ptr<CheckedTypes> run(std::vector<TypeError>& errs) {
    auto checked = std::make_shared<CheckedTypes>();
    checked->builtins = tc_.builtin_env();
    checked->rules = std::make_unique<TypeEnv>(checked->builtins.get());
    env_ = checked->rules.get();
    errs_ = &errs;
    for (uint32_t m = 0; m < p_.modules.size(); ++m) {
      for (auto& rule : p_.modules[m].module.rules) {
        for (const ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) visit(*r, m);
      }
    }
    return checked;
  }

 private:
  // Graph.Sort: the rules a rule refers to are typed before it.
  void visit(const ast::Rule& r, uint32_t m) {
    auto [it, fresh] = state_.try_emplace(&r, 1);
    if (!fresh) return;
    for_each_dependency(r, [this](const RuleEntry& e) {
      for (const ast::Rule* d = e.rule; d != nullptr; d = d->else_rule.get()) visit(*d, e.module);
    });
    check_rule(r, m);
  }

  template <typename F>
  void for_each_dependency(const ast::Rule& r, F&& f) {
    auto on_ref = [&](const ast::Term& t) {
      const auto* parts = ref_parts(t);
      if (parts == nullptr || parts->empty() || !is_root_var((*parts)[0]) || p_.rule_tree == nullptr) return false;
      if (ast::get_if<ast::Var>((*parts)[0])->name != "data") return false;
      const RuleTreeNode* node = p_.rule_tree->child((*parts)[0]);
      for (size_t i = 1; node != nullptr; ++i) {
        for (const auto& e : node->rules) f(e);
        if (i == parts->size() || !std::holds_alternative<ast::String>((*parts)[i].value)) {
          for_subtree(*node, f);
          break;
        }
        node = node->child((*parts)[i]);
      }
      return false;
    };
    for (const auto& t : r.head.ref) walk_terms(t, on_ref);
    for (const auto& t : r.head.args) walk_terms(t, on_ref);
    if (r.head.key) walk_terms(*r.head.key, on_ref);
    if (r.head.value) walk_terms(*r.head.value, on_ref);
    walk_terms(r.body, on_ref);
  }

  template <typename F>
  void for_subtree(const RuleTreeNode& node, F& f) {
    for (const auto& c : node.children) {
      for (const auto& e : c->rules) f(e);
      for_subtree(*c, f);
    }
  }

  void check_rule(const ast::Rule& r, uint32_t m) {
    TypeEnv wrapped(env_);
    auto [body_env, errs] = tc_.check_body(&wrapped, r.body);
    std::vector<ast::Term> path = rule_path(p_.modules[m].module, r);
    if (!errs.empty()) {
      for (auto& e : errs) errs_->push_back(std::move(e));
      env_->tree().put(path, Type::any());
      return;
    }
    TypeEnv& cpy = *body_env;
    const ast::Head& h = r.head;
    Type tpe;
    if (!h.args.empty()) {
      // Arguments the body never mentions can be anything.
      for (const auto& arg : h.args) {
        walk_terms(arg, [&cpy, this](const ast::Term& t) {
          if (std::holds_alternative<ast::Var>(t.value) && tc_.type_of(cpy, t).is_nil()) cpy.put_var(t, Type::any());
          return false;
        });
      }
      types::FunctionType f;
      for (const auto& arg : h.args) f.args.push_back(tc_.type_of(cpy, arg));
      if (h.value) f.result = tc_.type_of(cpy, *h.value);
      tpe = Type::function(std::move(f));
    } else if (h.key && !h.value) {
      Type key = tc_.type_of(cpy, *h.key);
      if (!key.is_nil()) tpe = Type::set_of(key);
    } else if (h.value) {
      Type value = tc_.type_of(cpy, *h.value);
      size_t ground = 1;  // the head (data) is a var; Ref.IsGround skips it
      while (ground < path.size() && is_ground_term(path[ground])) ++ground;
      if (ground < path.size()) {
        tpe = nested_object(tc_, cpy, path, ground, value);
        path.resize(ground);
      } else {
        tpe = value;
      }
    }
    if (!tpe.is_nil()) env_->insert(path, tpe);
  }

  CompiledProgram& p_;
  TypeChecker tc_;
  TypeEnv* env_ = nullptr;
  std::vector<TypeError>* errs_ = nullptr;
  std::map<const ast::Rule*, int> state_;
};

// Errors.Sort: by file, position, then message.
void sort_errors(std::vector<TypeError>& errs, const StageContext& ctx) {
  auto file_name = [&ctx](const runtime::Location& l) -> std::string {
    const runtime::SourceFile* f = ctx.sources != nullptr ? ctx.sources->get(l.file) : nullptr;
    return f != nullptr ? f->name() : std::string();
  };
  std::stable_sort(errs.begin(), errs.end(), [&](const TypeError& a, const TypeError& b) {
    const auto& la = a.diag.location;
    const auto& lb = b.diag.location;
    if (la.file != lb.file) return file_name(la) < file_name(lb);
    if (la.offset != lb.offset) return la.offset < lb.offset;
    return a.diag.message < b.diag.message;
  });
}

void report(std::vector<TypeError>& errs, StageContext& ctx) {
  for (auto& e : errs) {
    if (!ctx.error(std::move(e.diag))) return;
  }
}

}  // namespace

void check_types(CompiledProgram& p, StageContext& ctx) {
  std::vector<TypeError> errs;
  RuleTypes rules(p, ctx);
  p.types = rules.run(errs);
  sort_errors(errs, ctx);
  report(errs, ctx);
}

void check_types_in_query(ast::Body& q, StageContext& ctx) {
  TypeChecker tc(ctx.builtins, ctx);
  TypeEnvPtr fallback;
  const TypeEnv* env = nullptr;
  if (ctx.lookup.types != nullptr) {
    env = ctx.lookup.types->rules.get();
  } else {
    fallback = tc.builtin_env();
    env = fallback.get();
  }
  auto errs = tc.check_body(env, q).second;
  report(errs, ctx);
}

}  // namespace arcane::compiler::stages
