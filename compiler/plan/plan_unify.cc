// Unification, resolved at plan time (OPA's planUnify*): a variable seen before is
// compared, an unseen one is assigned; arrays and objects unify element-wise against a
// value of the same shape and size; anything else is evaluated and compared.
#include "compiler/ast/ast_string.h"
#include "compiler/ast/compare.h"
#include "compiler/plan/planner_impl.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::plan {

using ir::StmtKind;

namespace {

bool is_scalar_like(const ast::Term& t) {
  return !ast::get_if<ast::Var>(t) && !ast::get_if<ast::Array>(t) && !ast::get_if<ast::Object>(t);
}

}  // namespace

void Planner::plan_unify(const ast::Term& a, const ast::Term& b, const Iter& iter) {
  if (failed()) return;
  if (const auto* va = ast::get_if<ast::Var>(a)) return plan_unify_var(va->name, b, iter);
  if (is_scalar_like(a)) {
    plan_term(a, [&] { plan_unify_local(f_.ltarget, b, iter); });
    return;
  }
  if (const auto* vb = ast::get_if<ast::Var>(b)) return plan_unify_var(vb->name, a, iter);
  if (const auto* aa = ast::get_if<ast::Array>(a)) {
    if (const auto* ab = ast::get_if<ast::Array>(b)) {
      if (aa->items.size() != ab->items.size()) {
        // Never unifies: the expression is undefined.
        emit(stmt(StmtKind::kEqual, {ir::Operand::boolean(true), ir::Operand::boolean(false)}, {}));
        return;
      }
      std::function<void(size_t)> rec = [&](size_t i) {
        if (i == aa->items.size()) return iter();
        plan_unify(aa->items[i], ab->items[i], [&, i] { rec(i + 1); });
      };
      rec(0);
      return;
    }
    plan_term(b, [&] { plan_unify_local_array(f_.ltarget, *aa, iter); });
    return;
  }
  if (const auto* oa = ast::get_if<ast::Object>(a)) {
    if (const auto* ob = ast::get_if<ast::Object>(b)) {
      // Objects of constant keys: unify values key by key (keys must match exactly).
      if (oa->items.size() != ob->items.size()) {
        emit(stmt(StmtKind::kEqual, {ir::Operand::boolean(true), ir::Operand::boolean(false)}, {}));
        return;
      }
      std::vector<std::pair<const ast::Term*, const ast::Term*>> pairs;
      for (const auto& ia : oa->items) {
        const ast::Term* match = nullptr;
        for (const auto& ib : ob->items) {
          if (ast::compare(ia.key, ib.key) == 0) match = &ib.value;
        }
        if (match == nullptr) {
          // Keys that are not literally equal: compare both objects as values.
          plan_term(a, [&] { plan_unify_local(f_.ltarget, b, iter); });
          return;
        }
        pairs.emplace_back(&ia.value, match);
      }
      std::function<void(size_t)> rec = [&](size_t i) {
        if (i == pairs.size()) return iter();
        plan_unify(*pairs[i].first, *pairs[i].second, [&, i] { rec(i + 1); });
      };
      rec(0);
      return;
    }
    plan_term(b, [&] { plan_unify_local_object(f_.ltarget, *oa, iter); });
    return;
  }
  fail("cannot unify " + ast::to_string(a) + " with " + ast::to_string(b), a.loc);
}

void Planner::plan_unify_var(const std::string& name, const ast::Term& b, const Iter& iter) {
  if (auto l = lookup_var(name)) return plan_unify_local(ir::Operand::local(*l), b, iter);
  if (const auto* vb = ast::get_if<ast::Var>(b); vb && !lookup_var(vb->name)) {
    return fail("unsafe unification of " + name + " and " + vb->name, b.loc);
  }
  plan_term(b, [&] {
    // Planning b may have bound the variable itself (`x = xs[x]` scans with x as key).
    if (auto bound = lookup_var(name)) {
      emit(stmt(StmtKind::kEqual, {ir::Operand::local(*bound), f_.ltarget}, {}));
      return iter();
    }
    ir::Local target = new_local();
    emit(stmt(StmtKind::kAssignVar, {f_.ltarget}, {target}));
    bind_var(name, target);
    iter();
  });
}

void Planner::plan_unify_local(ir::Operand a, const ast::Term& b, const Iter& iter) {
  if (failed()) return;
  if (const auto* vb = ast::get_if<ast::Var>(b)) {
    if (vb->name == "data" || vb->name == "input") {
      plan_term(b, [&, a] {
        emit(stmt(StmtKind::kEqual, {a, f_.ltarget}, {}));
        iter();
      });
      return;
    }
    if (auto l = lookup_var(vb->name)) {
      emit(stmt(StmtKind::kEqual, {a, ir::Operand::local(*l)}, {}));
      return iter();
    }
    ir::Local l = new_local();
    emit(stmt(StmtKind::kAssignVar, {a}, {l}));
    bind_var(vb->name, l);
    return iter();
  }
  if (const auto* arr = ast::get_if<ast::Array>(b)) return plan_unify_local_array(a, *arr, iter);
  if (const auto* obj = ast::get_if<ast::Object>(b)) return plan_unify_local_object(a, *obj, iter);
  plan_term(b, [&, a] {
    emit(stmt(StmtKind::kEqual, {a, f_.ltarget}, {}));
    iter();
  });
}

void Planner::plan_unify_local_array(ir::Operand a, const ast::Array& b, const Iter& iter) {
  {
    runtime::ArrayBuilder all(b.items.size());
    bool ground = true;
    for (const auto& item : b.items) {
      auto c = constant_of(item);
      if (!c) {
        ground = false;
        break;
      }
      all.push_back(std::move(*c));
    }
    if (ground) {
      emit(stmt(StmtKind::kEqual, {a, constant(all.build())}, {}));
      return iter();
    }
  }
  emit(stmt(StmtKind::kIsArray, {a}, {}));
  ir::Local n = new_local();
  emit(stmt(StmtKind::kLen, {a}, {n}));
  emit(stmt(StmtKind::kEqual, {ir::Operand::local(n), constant(runtime::Value::integer(static_cast<int64_t>(b.items.size())))}, {}));
  std::function<void(size_t)> rec = [&, a](size_t i) {
    if (i == b.items.size()) return iter();
    ir::Local elem = new_local();
    emit(stmt(StmtKind::kDot, {a, constant(runtime::Value::integer(static_cast<int64_t>(i)))}, {elem}));
    plan_unify_local(ir::Operand::local(elem), b.items[i], [&, i] { rec(i + 1); });
  };
  rec(0);
}

void Planner::plan_unify_local_object(ir::Operand a, const ast::Object& b, const Iter& iter) {
  emit(stmt(StmtKind::kIsObject, {a}, {}));
  ir::Local n = new_local();
  emit(stmt(StmtKind::kLen, {a}, {n}));
  emit(stmt(StmtKind::kEqual, {ir::Operand::local(n), constant(runtime::Value::integer(static_cast<int64_t>(b.items.size())))}, {}));
  std::function<void(size_t)> rec = [&, a](size_t i) {
    if (i == b.items.size()) return iter();
    plan_term(b.items[i].key, [&, a, i] {
      ir::Local value = new_local();
      emit(stmt(StmtKind::kDot, {a, f_.ltarget}, {value}));
      plan_unify_local(ir::Operand::local(value), b.items[i].value, [&, i] { rec(i + 1); });
    });
  };
  rec(0);
}

}  // namespace arcane::compiler::plan
