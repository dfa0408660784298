// The type checker's ref checks (OPA's refChecker): each ref operand of an expression
// must select what the type of its prefix has: a key its object type can have, an index
// of an array, a member of a set. Variables used as keys take the type of the keys they
// range over. Refs into `input`, base documents and what is unknown are always accepted.
#include <algorithm>

#include "compiler/stages/type_checker.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

bool is_var(const ast::Term& t) {
  return std::holds_alternative<ast::Var>(t.value);
}

void sort_unique(std::vector<runtime::Value>& vs) {
  std::sort(vs.begin(), vs.end(), [](const runtime::Value& a, const runtime::Value& b) { return compare(a, b) < 0; });
  vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
}

// getOneOfForNode: the keys below a node of the type tree.
std::vector<runtime::Value> one_of_node(const TypeNode& node) {
  std::vector<runtime::Value> out;
  for (const auto& [key, c] : node.children) {
    if (c->scalar) out.push_back(*c->scalar);
  }
  sort_unique(out);
  return out;
}

// getOneOfForType: the static keys of an object type (of each object in an any<...>).
void collect_one_of(const Type& t, std::vector<runtime::Value>& out) {
  if (is_kind(t, Kind::kObject)) {
    for (const auto& p : t.properties()) out.push_back(p.key);
  } else if (is_kind(t, Kind::kAny)) {
    for (const auto& alt : t.items()) collect_one_of(alt, out);
  }
}

std::vector<runtime::Value> one_of_type(const Type& t) {
  std::vector<runtime::Value> out;
  collect_one_of(t, out);
  sort_unique(out);
  return out;
}

}  // namespace

void TypeChecker::check_refs(TypeEnv& env, const ast::Expr& e, std::vector<TypeError>& errs) const {
  if (const auto* call = std::get_if<ast::Call>(&e.terms)) {
    for (size_t i = 1; i < call->terms.size(); ++i) check_refs_in(env, call->terms[i], errs);
  } else if (const auto* t = std::get_if<ast::Term>(&e.terms)) {
    check_refs_in(env, *t, errs);
  } else if (const auto* some = std::get_if<ast::SomeDecl>(&e.terms)) {
    for (const auto& s : some->symbols) check_refs_in(env, s, errs);
    for (const auto& w : e.with) {
      check_refs_in(env, w.target, errs);
      check_refs_in(env, w.value, errs);
    }
  } else if (const auto* every = std::get_if<ast::Every>(&e.terms)) {
    if (every->key) check_refs_in(env, *every->key, errs);
    check_refs_in(env, *every->value, errs);
    check_refs_in(env, *every->domain, errs);
    for (const auto& x : every->body) check_refs(env, x, errs);
    for (const auto& w : e.with) {
      check_refs_in(env, w.target, errs);
      check_refs_in(env, w.value, errs);
    }
  }
}

// The GenericVisitor walk below an expression's terms: refs are checked (and their
// operands walked in turn); comprehensions are left to checkClosures.
void TypeChecker::check_refs_in(TypeEnv& env, const ast::Term& t, std::vector<TypeError>& errs) const {
  if (std::holds_alternative<ast::ArrayComprehension>(t.value) ||
      std::holds_alternative<ast::SetComprehension>(t.value) ||
      std::holds_alternative<ast::ObjectComprehension>(t.value)) {
    return;
  }
  if (const auto* ref = ast::get_if<ast::Ref>(t)) {
    Type f = env.ref_type(ref->parts);
    if (is_kind(f, Kind::kFunction)) {
      // Functions are not values (OPA's checkApply).
      errs.push_back(ref_unsupported_error(ctx_, ref->parts, static_cast<int>(ref->parts.size()) - 1, f));
      return;
    }
    if (auto err = check_ref(env, env, env.tree(), ref->parts, 0)) errs.push_back(std::move(*err));
  }
  check_refs_in_value(env, t, errs);
}

void TypeChecker::check_refs_in_value(TypeEnv& env, const ast::Term& t, std::vector<TypeError>& errs) const {
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, ast::Ref>) {
          for (const auto& p : v.parts) check_refs_in(env, p, errs);
        } else if constexpr (std::is_same_v<V, ast::Array> || std::is_same_v<V, ast::Set>) {
          for (const auto& x : v.items) check_refs_in(env, x, errs);
        } else if constexpr (std::is_same_v<V, ast::Object>) {
          for (const auto& item : v.items) {
            check_refs_in(env, item.key, errs);
            check_refs_in(env, item.value, errs);
          }
        } else if constexpr (std::is_same_v<V, ast::Call>) {
          for (const auto& x : v.terms) check_refs_in(env, x, errs);
        }
      },
      t.value);
}

std::optional<TypeError> TypeChecker::check_ref(TypeEnv& env, const TypeEnv& curr, const TypeNode& node,
                                                const std::vector<ast::Term>& ref, size_t idx) const {
  if (idx == ref.size()) return std::nullopt;
  const ast::Term& head = ref[idx];
  // Below `data` the first two keys (package or rule names) are strings.
  if ((idx == 1 || idx == 2) && !is_var(head) && !std::holds_alternative<ast::String>(head.value)) {
    return ref_invalid_error(ctx_, ref, static_cast<int>(idx), type_of(env, head), Type::string(), one_of_node(node));
  }
  if (is_var(head) && idx != 0) {
    Type keys = keys_of(env.extent(node));
    Type exist = type_of(env, head);
    if (!exist.is_nil()) {
      if (!unifies(keys, exist)) {
        return ref_invalid_error(ctx_, ref, static_cast<int>(idx), exist, keys, one_of_node(node));
      }
    } else {
      env.put_var(head, keys);
    }
  }
  const TypeNode* child = node.child(type_key(head));
  if (child == nullptr) {
    if (curr.next() != nullptr) return check_ref(env, *curr.next(), curr.next()->tree(), ref, 0);
    if (is_root_var(ref[0])) {
      if (idx != 0) {
        for (const auto& [key, c] : node.children) (void)check_ref(env, curr, *c, ref, idx + 1);
        return std::nullopt;
      }
      return check_ref_leaf(env, Type::any(), ref, 1);
    }
    return check_ref_leaf(env, Type::any(), ref, 0);
  }
  if (child->leaf()) return check_ref_leaf(env, child->value, ref, idx + 1);
  return check_ref(env, curr, *child, ref, idx + 1);
}

std::optional<TypeError> TypeChecker::check_ref_leaf(TypeEnv& env, const Type& tpe, const std::vector<ast::Term>& ref,
                                                     size_t idx) const {
  if (idx == ref.size()) return std::nullopt;
  const ast::Term& head = ref[idx];
  Type keys = keys_of(tpe);
  int pos = static_cast<int>(idx);
  if (keys.is_nil()) return ref_unsupported_error(ctx_, ref, pos - 1, tpe);
  if (is_var(head)) {
    Type exist = type_of(env, head);
    if (!exist.is_nil()) {
      if (!unifies(exist, keys)) return ref_invalid_error(ctx_, ref, pos, exist, keys, one_of_type(tpe));
    } else {
      env.put_var(head, keys);
    }
  } else if (const auto* r = ast::get_if<ast::Ref>(head)) {
    Type exist = env.ref_type(r->parts);
    if (!exist.is_nil() && !unifies(exist, keys)) return ref_invalid_error(ctx_, ref, pos, exist, keys, one_of_type(tpe));
  } else if (std::holds_alternative<ast::Array>(head.value) || std::holds_alternative<ast::Object>(head.value) ||
             std::holds_alternative<ast::Set>(head.value)) {
    if (!unify1(env, head, keys, false)) return ref_invalid_error(ctx_, ref, pos, type_of(env, head), keys, {});
  } else {
    auto key = constant_value(head);
    Type child = key ? select_type(tpe, *key) : Type();
    if (child.is_nil()) return ref_invalid_error(ctx_, ref, pos, Type(), keys, one_of_type(tpe));
    return check_ref_leaf(env, child, ref, idx + 1);
  }
  return check_ref_leaf(env, values_of(tpe), ref, idx + 1);
}

}  // namespace arcane::compiler::stages
