// Constructors and deep copies for the AST (see ast.h). Copies are spelled out per node
// kind: the nodes own their children through unique_ptr, so there is no implicit copy.
#include "compiler/ast/ast.h"

#include <type_traits>

namespace arcane::compiler::ast {

Term make_var(std::string name, Location loc) { return Term{loc, Var{std::move(name)}}; }

Term make_string(std::string value, Location loc) { return Term{loc, String{std::move(value)}}; }

Term make_boolean(bool value, Location loc) { return Term{loc, Boolean{value}}; }

Term make_operator(const std::string& dotted_name, Location loc) {
  Ref ref;
  size_t start = 0;
  while (true) {
    size_t dot = dotted_name.find('.', start);
    std::string part = dotted_name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (ref.parts.empty()) {
      ref.parts.push_back(make_var(part, loc));
    } else {
      ref.parts.push_back(make_string(part, loc));
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return Term{loc, std::move(ref)};
}

namespace {

std::vector<Term> clone_terms(const std::vector<Term>& ts) {
  std::vector<Term> out;
  out.reserve(ts.size());
  for (const auto& t : ts) out.push_back(clone(t));
  return out;
}

TermPtr clone_ptr(const TermPtr& t) { return t ? std::make_unique<Term>(clone(*t)) : nullptr; }

Value clone_value(const Value& v) {
  return std::visit(
      [](const auto& x) -> Value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Ref>) {
          return Ref{clone_terms(x.parts)};
        } else if constexpr (std::is_same_v<T, Array>) {
          return Array{clone_terms(x.items)};
        } else if constexpr (std::is_same_v<T, Set>) {
          return Set{clone_terms(x.items)};
        } else if constexpr (std::is_same_v<T, Call>) {
          return Call{clone_terms(x.terms)};
        } else if constexpr (std::is_same_v<T, Object>) {
          Object o;
          o.items.reserve(x.items.size());
          for (const auto& it : x.items) o.items.push_back(ObjectItem{clone(it.key), clone(it.value)});
          return o;
        } else if constexpr (std::is_same_v<T, ArrayComprehension>) {
          return ArrayComprehension{clone_ptr(x.term), clone(x.body)};
        } else if constexpr (std::is_same_v<T, SetComprehension>) {
          return SetComprehension{clone_ptr(x.term), clone(x.body)};
        } else if constexpr (std::is_same_v<T, ObjectComprehension>) {
          return ObjectComprehension{clone_ptr(x.key), clone_ptr(x.value), clone(x.body)};
        } else if constexpr (std::is_same_v<T, TemplateString>) {
          TemplateString ts;
          ts.multi_line = x.multi_line;
          for (const auto& p : x.parts) {
            TemplatePart part;
            if (p.term) part.term = std::make_unique<Term>(clone(*p.term));
            if (p.expr) part.expr = std::make_unique<Expr>(clone(*p.expr));
            ts.parts.push_back(std::move(part));
          }
          return ts;
        } else {
          return x;  // scalars and vars
        }
      },
      v);
}

ExprTerms clone_expr_terms(const ExprTerms& terms) {
  return std::visit(
      [](const auto& x) -> ExprTerms {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Term>) {
          return clone(x);
        } else if constexpr (std::is_same_v<T, Call>) {
          return Call{clone_terms(x.terms)};
        } else if constexpr (std::is_same_v<T, SomeDecl>) {
          return SomeDecl{x.loc, clone_terms(x.symbols)};
        } else if constexpr (std::is_same_v<T, Every>) {
          return Every{x.loc, clone_ptr(x.key), clone_ptr(x.value), clone_ptr(x.domain), clone(x.body)};
        } else if constexpr (std::is_same_v<T, LogicalOp>) {
          return LogicalOp{x.loc, x.kind, clone(x.lhs), clone(x.rhs), x.explicit_lhs, x.explicit_rhs};
        } else {
          return NotBody{x.loc, clone(x.body), x.explicit_body};
        }
      },
      terms);
}

}  // namespace

Term clone(const Term& t) { return Term{t.loc, clone_value(t.value)}; }

Expr clone(const Expr& e) {
  Expr out{e.loc, e.index, e.negated, e.generated, clone_expr_terms(e.terms), {}};
  for (const auto& w : e.with) out.with.push_back(With{w.loc, clone(w.target), clone(w.value)});
  return out;
}

Body clone(const Body& b) {
  Body out;
  out.reserve(b.size());
  for (const auto& e : b) out.push_back(clone(e));
  return out;
}

Head clone(const Head& h) {
  Head out;
  out.loc = h.loc;
  out.name = h.name;
  out.ref = clone_terms(h.ref);
  out.args = clone_terms(h.args);
  out.key = clone_ptr(h.key);
  out.value = clone_ptr(h.value);
  out.assign = h.assign;
  out.has_if = h.has_if;
  out.has_contains = h.has_contains;
  out.generated_value = h.generated_value;
  return out;
}

Rule clone(const Rule& r) {
  Rule out;
  out.loc = r.loc;
  out.is_default = r.is_default;
  out.head = clone(r.head);
  out.body = clone(r.body);
  if (r.else_rule) out.else_rule = std::make_unique<Rule>(clone(*r.else_rule));
  out.generated_body = r.generated_body;
  return out;
}

Module clone(const Module& m) {
  Module out;
  out.package.loc = m.package.loc;
  for (const auto& t : m.package.path) out.package.path.push_back(clone(t));
  for (const auto& i : m.imports) out.imports.push_back(Import{i.loc, clone(i.path), i.alias});
  for (const auto& r : m.rules) out.rules.push_back(clone(r));
  out.comments = m.comments;
  out.version = m.version;
  return out;
}

std::vector<Term> head_ref(const Head& h) {
  if (!h.ref.empty()) return clone_terms(h.ref);
  std::vector<Term> out;
  out.push_back(make_var(h.name, h.loc));
  return out;
}

}  // namespace arcane::compiler::ast
