// Unification in the type checker (OPA's unify1 / unify2): a term meets a type, or two
// terms meet each other; variables not yet typed take the type they meet.
#include "compiler/stages/type_checker.h"

namespace arcane::compiler::stages {

namespace types = stdlib::types;

namespace {

template <typename T>
bool holds(const ast::Term& t) {
  return std::holds_alternative<T>(t.value);
}

}  // namespace

// unify1: can term t have type tpe? With union_, a var's type grows to include tpe
// (an alternative of an any<...>) instead of having to match it.
bool TypeChecker::unify1(TypeEnv& env, const ast::Term& t, const Type& tpe, bool union_) const {
  if (const auto* arr = ast::get_if<ast::Array>(t)) {
    if (is_kind(tpe, Kind::kArray)) {
      if (arr->items.size() != tpe.items().size() && tpe.element().is_nil()) return false;
      for (size_t i = 0; i < arr->items.size(); ++i) {
        Type elem = i < tpe.items().size() ? tpe.items()[i] : tpe.element();
        if (!unify1(env, arr->items[i], elem, union_)) return false;
      }
      return true;
    }
    if (is_kind(tpe, Kind::kAny)) {
      if (tpe.items().empty()) {
        for (const auto& item : arr->items) unify1(env, item, Type::any(), true);
        return true;
      }
      bool ok = false;
      for (const auto& alt : tpe.items()) ok = unify1(env, t, alt, true) || ok;
      return ok;
    }
    return false;
  }
  if (const auto* obj = ast::get_if<ast::Object>(t)) {
    if (is_kind(tpe, Kind::kObject)) {
      if (obj->items.size() != tpe.properties().size() && tpe.dynamic_value().is_nil()) return false;
      for (const auto& item : obj->items) {
        if (auto k = constant_value(item.key)) {
          Type child = select_type(tpe, *k);
          if (child.is_nil() || !unify1(env, item.value, child, union_)) return false;
        } else {
          // The value under a dynamic key could be any of the type's values; OPA types it `any`.
          unify1(env, item.value, Type::any(), union_);
        }
      }
      return true;
    }
    if (is_kind(tpe, Kind::kAny)) {
      if (tpe.items().empty()) {
        for (const auto& item : obj->items) {
          unify1(env, item.key, Type::any(), true);
          unify1(env, item.value, Type::any(), true);
        }
        return true;
      }
      bool ok = false;
      for (const auto& alt : tpe.items()) ok = unify1(env, t, alt, true) || ok;
      return ok;
    }
    return false;
  }
  if (const auto* set = ast::get_if<ast::Set>(t)) {
    if (is_kind(tpe, Kind::kSet)) {
      Type of = values_of(tpe);
      for (const auto& item : set->items) {
        if (!unify1(env, item, of, union_)) return false;
      }
      return true;
    }
    if (is_kind(tpe, Kind::kAny)) {
      if (tpe.items().empty()) {
        for (const auto& item : set->items) unify1(env, item, Type::any(), true);
        return true;
      }
      bool ok = false;
      for (const auto& alt : tpe.items()) ok = unify1(env, t, alt, true) || ok;
      return ok;
    }
    return false;
  }
  if (holds<ast::Var>(t)) {
    if (!union_) {
      Type exist = type_of(env, t);
      if (!exist.is_nil()) return unifies(exist, tpe);
      env.put_var(t, tpe);
    } else {
      env.put_var(t, types::type_or(type_of(env, t), tpe));
    }
    return true;
  }
  return unifies(type_of(env, t), tpe);
}

bool TypeChecker::unify2(TypeEnv& env, const ast::Term& a, const Type& ta, const ast::Term& b, const Type& tb) const {
  bool nil_a = has_nil(ta), nil_b = has_nil(tb);
  if (nil_a && !nil_b) return unify1(env, a, tb, false);
  if (nil_b && !nil_a) return unify1(env, b, ta, false);
  if (!nil_a && !nil_b) return unifies(ta, tb);
  if (holds<ast::Array>(a) || holds<ast::Object>(a)) return unify2_collection(env, a, b);
  if (holds<ast::Var>(a)) {
    if (holds<ast::Var>(b)) return unify1(env, a, Type::any(), false) && unify1(env, b, type_of(env, a), false);
    if (holds<ast::Array>(b) || holds<ast::Object>(b)) return unify2_collection(env, b, a);
  }
  return false;
}

// unify2Array / unify2Object: a is an array or object literal with unknown parts.
bool TypeChecker::unify2_collection(TypeEnv& env, const ast::Term& a, const ast::Term& b) const {
  if (holds<ast::Var>(b)) return unify1(env, a, Type::any(), false) && unify1(env, b, type_of(env, a), false);
  if (const auto* x = ast::get_if<ast::Array>(a)) {
    const auto* y = ast::get_if<ast::Array>(b);
    if (y == nullptr || x->items.size() != y->items.size()) return false;
    for (size_t i = 0; i < x->items.size(); ++i) {
      const auto& l = x->items[i];
      const auto& r = y->items[i];
      if (!unify2(env, l, type_of(env, l), r, type_of(env, r))) return false;
    }
    return true;
  }
  const auto* x = ast::get_if<ast::Object>(a);
  const auto* y = ast::get_if<ast::Object>(b);
  if (x == nullptr || y == nullptr || x->items.size() != y->items.size()) return false;
  // Keys are compared as written; every key of one must be a key of the other.
  for (const auto& l : x->items) {
    const ast::ObjectItem* match = nullptr;
    for (const auto& r : y->items) {
      if (type_key(l.key) == type_key(r.key)) match = &r;
    }
    if (match == nullptr) return false;
    if (!unify2(env, l.value, type_of(env, l.value), match->value, type_of(env, match->value))) return false;
  }
  return true;
}

}  // namespace arcane::compiler::stages
