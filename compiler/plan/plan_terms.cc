// Planning terms: constants go to the pool whole (a ground array or object is one
// constant), variables are locals, collections are built statement by statement, and
// comprehensions collect what their body produces in a block of their own.
#include "compiler/ast/ast_string.h"
#include "compiler/plan/planner_impl.h"
#include "runtime/number.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::plan {

using ir::StmtKind;
using runtime::Value;

std::optional<Value> Planner::constant_of(const ast::Term& t) const {
  return std::visit(
      [&](const auto& x) -> std::optional<Value> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Null>) {
          return Value::null();
        } else if constexpr (std::is_same_v<T, ast::Boolean>) {
          return Value::boolean(x.value);
        } else if constexpr (std::is_same_v<T, ast::Number>) {
          auto n = runtime::Number::from_text(x.text);
          if (!n) return std::nullopt;
          return Value::from_number(std::move(*n));
        } else if constexpr (std::is_same_v<T, ast::String>) {
          return Value::from_string(x.value);
        } else if constexpr (std::is_same_v<T, ast::Array>) {
          runtime::ArrayBuilder b(x.items.size());
          for (const auto& i : x.items) {
            auto v = constant_of(i);
            if (!v) return std::nullopt;
            b.push_back(std::move(*v));
          }
          return b.build();
        } else if constexpr (std::is_same_v<T, ast::Set>) {
          runtime::SetBuilder b(x.items.size());
          for (const auto& i : x.items) {
            auto v = constant_of(i);
            if (!v) return std::nullopt;
            b.insert(std::move(*v));
          }
          return b.build();
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          runtime::ObjectBuilder b(x.items.size());
          for (const auto& i : x.items) {
            auto k = constant_of(i.key);
            if (!k) return std::nullopt;
            auto v = constant_of(i.value);
            if (!v) return std::nullopt;
            b.insert(std::move(*k), std::move(*v));
          }
          return b.build();
        } else {
          return std::nullopt;
        }
      },
      t.value);
}

void Planner::plan_term(const ast::Term& t, const Iter& iter) {
  if (failed()) return;
  if (auto c = constant_of(t)) {
    f_.ltarget = constant(*c);
    return iter();
  }
  if (plan_indexed_comprehension(t, iter)) return;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Var>) {
          plan_var(x.name, iter);
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          plan_ref(t, x, iter);
        } else if constexpr (std::is_same_v<T, ast::Array>) {
          plan_array(x, iter);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          plan_object(x, iter);
        } else if constexpr (std::is_same_v<T, ast::Set>) {
          plan_set(x, iter);
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension>) {
          ir::Local target = new_local();
          emit(stmt(StmtKind::kMakeArray, {}, {target}));
          plan_comprehension(
              x.body,
              [&, target] { plan_term(*x.term, [&, target] { emit(stmt(StmtKind::kArrayAppend, {f_.ltarget}, {target})); }); },
              target, iter);
        } else if constexpr (std::is_same_v<T, ast::SetComprehension>) {
          ir::Local target = new_local();
          emit(stmt(StmtKind::kMakeSet, {}, {target}));
          plan_comprehension(
              x.body,
              [&, target] { plan_term(*x.term, [&, target] { emit(stmt(StmtKind::kSetAdd, {f_.ltarget}, {target})); }); },
              target, iter);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          ir::Local target = new_local();
          emit(stmt(StmtKind::kMakeObject, {}, {target}));
          plan_comprehension(
              x.body,
              [&, target] {
                plan_term(*x.key, [&, target] {
                  ir::Operand key = f_.ltarget;
                  plan_term(*x.value, [&, target, key] {
                    emit(stmt(StmtKind::kObjectInsertOnce, {key, f_.ltarget}, {target}));
                  });
                });
              },
              target, iter);
        } else {
          fail("cannot plan term " + ast::to_string(t), t.loc);
        }
      },
      t.value);
}

void Planner::plan_terms(const std::vector<const ast::Term*>& terms, size_t i, std::vector<ir::Operand>& out,
                         const Iter& iter) {
  if (failed()) return;
  if (i >= terms.size()) return iter();
  plan_term(*terms[i], [&, i] {
    out.push_back(f_.ltarget);
    plan_terms(terms, i + 1, out, iter);
    out.pop_back();
  });
}

void Planner::plan_var(const std::string& name, const Iter& iter) {
  if (name == "data") {
    static const ast::Term data_term = ast::make_var("data", {});
    TermRef ref{&data_term};
    plan_ref_data(program_.rule_tree ? program_.rule_tree->child(data_term) : nullptr,
                  ir::Operand::local(ir::kDataLocal), {}, ref, 1, iter);
    return;
  }
  if (auto l = lookup_var(name)) {
    f_.ltarget = ir::Operand::local(*l);
    return iter();
  }
  fail("unsafe variable " + name, f_.loc);
}

// Arrays, sets and objects: make the collection, then add each planned item in order.
void Planner::plan_collection(StmtKind make, uint32_t capacity, size_t items,
                              const std::function<void(size_t, ir::Local, const Iter&)>& add_item, const Iter& iter) {
  ir::Local target = new_local();
  emit(stmt(make, {}, {target}, capacity));
  std::function<void(size_t)> rec = [&, target](size_t i) {
    if (i == items) {
      f_.ltarget = ir::Operand::local(target);
      return iter();
    }
    add_item(i, target, [&, i] { rec(i + 1); });
  };
  rec(0);
}

void Planner::plan_array(const ast::Array& a, const Iter& iter) {
  plan_collection(StmtKind::kMakeArray, static_cast<uint32_t>(a.items.size()), a.items.size(),
                  [&](size_t i, ir::Local target, const Iter& next) {
                    plan_term(a.items[i], [&, target] {
                      emit(stmt(StmtKind::kArrayAppend, {f_.ltarget}, {target}));
                      next();
                    });
                  },
                  iter);
}

void Planner::plan_set(const ast::Set& s, const Iter& iter) {
  plan_collection(StmtKind::kMakeSet, 0, s.items.size(),
                  [&](size_t i, ir::Local target, const Iter& next) {
                    plan_term(s.items[i], [&, target] {
                      emit(stmt(StmtKind::kSetAdd, {f_.ltarget}, {target}));
                      next();
                    });
                  },
                  iter);
}

void Planner::plan_object(const ast::Object& o, const Iter& iter) {
  plan_collection(StmtKind::kMakeObject, 0, o.items.size(),
                  [&](size_t i, ir::Local target, const Iter& next) {
                    plan_term(o.items[i].key, [&, target, i] {
                      ir::Operand key = f_.ltarget;
                      plan_term(o.items[i].value, [&, target, key] {
                        emit(stmt(StmtKind::kObjectInsert, {key, f_.ltarget}, {target}));
                        next();
                      });
                    });
                  },
                  iter);
}

void Planner::plan_comprehension(const ast::Body& body, const Iter& add, ir::Local target, const Iter& iter) {
  int depth = query_depth_;
  query_depth_ = -1;
  push_vars();
  runtime::Location loc = f_.loc;
  std::vector<ir::Block> blocks;
  blocks.push_back(in_block([&] { plan_body(body, 0, add); }));
  pop_vars();
  f_.loc = loc;
  query_depth_ = depth;
  if (failed()) return;
  emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
  f_.ltarget = ir::Operand::local(target);
  iter();
}

}  // namespace arcane::compiler::plan
