// Generic walks over the AST, mutable or const, for the stages.
//
// walk_terms(node, f) calls f on every term under node, outermost first (an expression's
// operator and operands, `with` targets and values, the parts of refs and collections,
// comprehension terms and bodies, `every` domains and bodies, template-string parts);
// f returns true to skip the term's children. walk_exprs(node, f) calls f on every
// expression, nested ones included (comprehension, `every`, `and`/`or`, `not { }` and
// template-string bodies); f returns true to skip the expressions nested in that one.
// These are OPA's WalkTerms and WalkExprs. T may be const or not; f receives the same
// constness.
#pragma once

#include <type_traits>
#include <variant>

#include "compiler/ast/ast.h"

namespace arcane::compiler::stages {

template <typename T, typename F>
void walk_terms(T& node, F&& f);
template <typename T, typename F>
void walk_exprs(T& node, F&& f);

namespace detail {

template <typename V, typename F>
void walk_value_terms(V& v, F& f) {
  using X = std::remove_const_t<V>;
  if constexpr (std::is_same_v<X, ast::Ref>) {
    for (auto& t : v.parts) walk_terms(t, f);
  } else if constexpr (std::is_same_v<X, ast::Array> || std::is_same_v<X, ast::Set>) {
    for (auto& t : v.items) walk_terms(t, f);
  } else if constexpr (std::is_same_v<X, ast::Object>) {
    for (auto& it : v.items) {
      walk_terms(it.key, f);
      walk_terms(it.value, f);
    }
  } else if constexpr (std::is_same_v<X, ast::Call>) {
    for (auto& t : v.terms) walk_terms(t, f);
  } else if constexpr (std::is_same_v<X, ast::ArrayComprehension> || std::is_same_v<X, ast::SetComprehension>) {
    walk_terms(*v.term, f);
    walk_terms(v.body, f);
  } else if constexpr (std::is_same_v<X, ast::ObjectComprehension>) {
    walk_terms(*v.key, f);
    walk_terms(*v.value, f);
    walk_terms(v.body, f);
  } else if constexpr (std::is_same_v<X, ast::TemplateString>) {
    for (auto& p : v.parts) {
      if (p.term) walk_terms(*p.term, f);
      if (p.expr) walk_terms(*p.expr, f);
    }
  }
}

template <typename X, typename F>
void walk_expr_terms(X& x, F& f) {
  using U = std::remove_const_t<X>;
  if constexpr (std::is_same_v<U, ast::Term>) {
    walk_terms(x, f);
  } else if constexpr (std::is_same_v<U, ast::Call>) {
    for (auto& t : x.terms) walk_terms(t, f);
  } else if constexpr (std::is_same_v<U, ast::SomeDecl>) {
    for (auto& t : x.symbols) walk_terms(t, f);
  } else if constexpr (std::is_same_v<U, ast::Every>) {
    if (x.key) walk_terms(*x.key, f);
    walk_terms(*x.value, f);
    walk_terms(*x.domain, f);
    walk_terms(x.body, f);
  } else if constexpr (std::is_same_v<U, ast::LogicalOp>) {
    walk_terms(x.lhs, f);
    walk_terms(x.rhs, f);
  } else {
    walk_terms(x.body, f);
  }
}

// Walks the expressions in a term's own bodies (comprehensions, template-string parts);
// true when the term has such bodies, so the term walk does not descend into it again.
template <typename T, typename F>
bool walk_term_bodies(T& t, F& f) {
  static_assert(std::is_same_v<std::remove_const_t<T>, ast::Term>);
  if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
    walk_exprs(c->body, f);
  } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
    walk_exprs(s->body, f);
  } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
    walk_exprs(o->body, f);
  } else if (auto* ts = std::get_if<ast::TemplateString>(&t.value)) {
    for (auto& p : ts->parts) {
      if (p.expr) walk_exprs(*p.expr, f);  // term parts are constants
    }
  } else {
    return false;
  }
  return true;
}

// The expressions nested in the terms of an expression (not the expression itself).
template <typename E, typename F>
void walk_nested_exprs(E& e, F& f) {
  auto in_terms = [&f](auto& t) { return walk_term_bodies(t, f); };
  std::visit(
      [&](auto& x) {
        using U = std::remove_const_t<std::remove_reference_t<decltype(x)>>;
        if constexpr (std::is_same_v<U, ast::Every>) {
          walk_terms(*x.domain, in_terms);
          walk_exprs(x.body, f);
        } else if constexpr (std::is_same_v<U, ast::LogicalOp>) {
          walk_exprs(x.lhs, f);
          walk_exprs(x.rhs, f);
        } else if constexpr (std::is_same_v<U, ast::NotBody>) {
          walk_exprs(x.body, f);
        } else {
          walk_expr_terms(x, in_terms);
        }
      },
      e.terms);
  for (auto& w : e.with) {
    walk_terms(w.target, in_terms);
    walk_terms(w.value, in_terms);
  }
}

}  // namespace detail

template <typename T, typename F>
void walk_terms(T& node, F&& f) {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, ast::Term>) {
    if (f(node)) return;
    std::visit([&f](auto& v) { detail::walk_value_terms(v, f); }, node.value);
  } else if constexpr (std::is_same_v<U, ast::Expr>) {
    std::visit([&f](auto& x) { detail::walk_expr_terms(x, f); }, node.terms);
    for (auto& w : node.with) {
      walk_terms(w.target, f);
      walk_terms(w.value, f);
    }
  } else {
    static_assert(std::is_same_v<U, ast::Body>);
    for (auto& e : node) walk_terms(e, f);
  }
}

template <typename T, typename F>
void walk_exprs(T& node, F&& f) {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, ast::Expr>) {
    if (f(node)) return;
    detail::walk_nested_exprs(node, f);
  } else if constexpr (std::is_same_v<U, ast::Body>) {
    for (auto& e : node) walk_exprs(e, f);
  } else {
    static_assert(std::is_same_v<U, ast::Term>);
    walk_terms(node, [&f](auto& t) { return detail::walk_term_bodies(t, f); });
  }
}

}  // namespace arcane::compiler::stages
