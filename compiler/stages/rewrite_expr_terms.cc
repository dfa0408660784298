// RewriteExprTerms (OPA's rewriteExprTermsInHead/Body): calls nested in terms are lifted
// into expressions of their own with a generated output var, innermost first:
//
//   x = count(split(s, ","))   =>  split(s, ",", __local0__); count(__local0__, __local1__); x = __local1__
//   p := f(x) if {...}         =>  p := __local2__ if {...; f(x, __local2__)}
//   [1, 2][i]                  =>  __local3__ = [1, 2]; __local3__[i]   (a ref's head must be a var)
//
// Lifted expressions inherit the expression's `with` modifiers. An `every` domain is bound
// to a var first. Comprehension terms are expanded into the comprehension's body.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

class Expander {
 public:
  explicit Expander(VarGenerator& gen) : gen_(gen) {}

  // With `import future.keywords.not`, `not e` negates e together with everything e
  // needs evaluated first: it becomes `not { ...; e }`, so an undefined operand makes the
  // negation true instead of failing the body.
  bool negate_bodies = false;

  ast::Body body(ast::Body in) {
    ast::Body out;
    for (auto& e : in) {
      for (auto& x : expr(std::move(e))) append(out, std::move(x));
    }
    return out;
  }

  // Expands a term in place; returns the expressions that must run before it.
  std::vector<ast::Expr> term(ast::Term& t) {
    std::vector<ast::Expr> support;
    if (auto* call = std::get_if<ast::Call>(&t.value)) {
      for (size_t i = 1; i < call->terms.size(); ++i) move_into(support, term(call->terms[i]));
      ast::Term out = ast::make_var(gen_.next(), t.loc);
      call->terms.push_back(ast::clone(out));
      support.push_back(ast::Expr{t.loc, 0, false, true, std::move(*call), {}});
      t = std::move(out);
    } else if (auto* r = std::get_if<ast::Ref>(&t.value)) {
      for (auto& x : r->parts) move_into(support, term(x));
      if (needs_var_head(r->parts[0])) {
        runtime::Location loc = r->parts[0].loc;
        ast::Term v = ast::make_var(gen_.next(), loc);
        support.push_back(make_eq(ast::clone(v), std::move(r->parts[0]), loc));
        r->parts[0] = std::move(v);
      }
    } else if (auto* a = std::get_if<ast::Array>(&t.value)) {
      for (auto& x : a->items) move_into(support, term(x));
    } else if (auto* o = std::get_if<ast::Object>(&t.value)) {
      for (auto& it : o->items) {
        move_into(support, term(it.key));
        move_into(support, term(it.value));
      }
    } else if (auto* s = std::get_if<ast::Set>(&t.value)) {
      for (auto& x : s->items) move_into(support, term(x));
    } else if (auto* ac = std::get_if<ast::ArrayComprehension>(&t.value)) {
      comprehension(ac->body, {ac->term.get()});
    } else if (auto* sc = std::get_if<ast::SetComprehension>(&t.value)) {
      comprehension(sc->body, {sc->term.get()});
    } else if (auto* oc = std::get_if<ast::ObjectComprehension>(&t.value)) {
      comprehension(oc->body, {oc->key.get(), oc->value.get()});
    }
    return support;
  }

 private:
  static void move_into(std::vector<ast::Expr>& to, std::vector<ast::Expr> from) {
    for (auto& e : from) to.push_back(std::move(e));
  }

  static bool needs_var_head(const ast::Term& head) {
    const auto& v = head.value;
    return std::holds_alternative<ast::Array>(v) || std::holds_alternative<ast::Object>(v) ||
           std::holds_alternative<ast::Set>(v) || std::holds_alternative<ast::ArrayComprehension>(v) ||
           std::holds_alternative<ast::SetComprehension>(v) || std::holds_alternative<ast::ObjectComprehension>(v) ||
           std::holds_alternative<ast::Call>(v);
  }

  void comprehension(ast::Body& b, std::initializer_list<ast::Term*> terms) {
    for (ast::Term* t : terms) {
      for (auto& e : term(*t)) append(b, std::move(e));
    }
    b = body(std::move(b));
  }

  static void inherit_with(std::vector<ast::Expr>& extras, const ast::Expr& e) {
    for (auto& x : extras) {
      x.with.clear();
      for (const auto& w : e.with) x.with.push_back(ast::With{w.loc, ast::clone(w.target), ast::clone(w.value)});
    }
  }

  std::vector<ast::Expr> expr(ast::Expr e) {
    std::vector<ast::Expr> out;
    if (negate_bodies && e.negated) {
      runtime::Location loc = e.loc;
      uint32_t index = e.index;
      e.negated = false;
      ast::Body inner;
      inner.push_back(std::move(e));
      ast::Expr wrapped{loc, index, false, false, ast::NotBody{loc, std::move(inner), false}, {}};
      return expr(std::move(wrapped));
    }
    for (auto& w : e.with) move_into(out, term(w.value));
    if (auto* t = std::get_if<ast::Term>(&e.terms)) {
      auto extras = term(*t);
      if (!e.with.empty()) inherit_with(extras, e);
      move_into(out, std::move(extras));
    } else if (auto* c = std::get_if<ast::Call>(&e.terms)) {
      for (size_t i = 1; i < c->terms.size(); ++i) {
        auto extras = term(c->terms[i]);
        if (!e.with.empty()) inherit_with(extras, e);
        move_into(out, std::move(extras));
      }
    } else if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      runtime::Location loc = ev->domain->loc;
      ast::Term v = ast::make_var(gen_.next(), loc);
      ast::Expr eq = make_eq(ast::clone(v), std::move(*ev->domain), loc);
      for (const auto& w : e.with) eq.with.push_back(ast::With{w.loc, ast::clone(w.target), ast::clone(w.value)});
      *ev->domain = std::move(v);
      move_into(out, expr(std::move(eq)));
      ev->body = body(std::move(ev->body));
    } else if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
      op->lhs = body(std::move(op->lhs));
      op->rhs = body(std::move(op->rhs));
    } else if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) {
      nb->body = body(std::move(nb->body));
    }
    out.push_back(std::move(e));
    return out;
  }

  VarGenerator& gen_;
};

bool imports_not_keyword(const CompiledModule& m) {
  for (const auto& i : m.imports) {
    const auto* r = ast::get_if<ast::Ref>(i.path);
    if (r == nullptr || r->parts.size() < 2) continue;
    const auto* head = ast::get_if<ast::Var>(r->parts[0]);
    const auto* second = ast::get_if<ast::String>(r->parts[1]);
    if (!head || head->name != "future" || !second || second->value != "keywords") continue;
    if (r->parts.size() == 2) return true;
    const auto* third = ast::get_if<ast::String>(r->parts[2]);
    if (third && third->value == "not") return true;
  }
  return false;
}

void rewrite_rule(Expander& x, ast::Rule& r) {
  std::vector<ast::Expr> support;
  for (auto& a : r.head.args) {
    for (auto& e : x.term(a)) support.push_back(std::move(e));
  }
  if (r.head.key) {
    for (auto& e : x.term(*r.head.key)) support.push_back(std::move(e));
  }
  if (r.head.value) {
    for (auto& e : x.term(*r.head.value)) support.push_back(std::move(e));
  }
  for (auto& e : support) append(r.body, std::move(e));
  r.body = x.body(std::move(r.body));
}

}  // namespace

void rewrite_expr_terms(CompiledProgram& p, StageContext& ctx) {
  Expander x(*ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t m) {
    x.negate_bodies = imports_not_keyword(p.modules[m]);
    rewrite_rule(x, r);
    return false;
  });
}

void rewrite_expr_terms_in_query(ast::Body& q, StageContext&) {
  VarGenerator gen = query_generator(q);
  q = Expander(gen).body(std::move(q));
}

}  // namespace arcane::compiler::stages
