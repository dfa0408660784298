// RewriteDynamicTerms (OPA's rewriteDynamics): refs and comprehensions used as operands
// are evaluated eagerly into generated vars, right before the expression (with its `with`
// modifiers): `count(data.bar, n)` becomes `__local0__ = data.bar; count(__local0__, n)`,
// and dynamic parts of refs are bound first (`x[y.z]` reads `__local1__ = y.z` first).
// Afterwards call operands are vars or values of vars and constants; a unification keeps
// refs on either side, with dynamic parts bound.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

class Dynamics {
 public:
  explicit Dynamics(VarGenerator& gen) : gen_(gen) {}

  ast::Body body(ast::Body in) {
    ast::Body out;
    for (auto& e : in) expr(std::move(e), out);
    return out;
  }

 private:
  void expr(ast::Expr e, ast::Body& out) {
    const auto& with = e.with;
    if (is_call_to(e, "eq")) {
      auto& call = std::get<ast::Call>(e.terms);
      if (call.terms.size() == 3) {
        in_term(with, call.terms[1], out);
        in_term(with, call.terms[2], out);
      }
    } else if (auto* call = std::get_if<ast::Call>(&e.terms)) {
      for (size_t i = 1; i < call->terms.size(); ++i) one(with, call->terms[i], out);
    } else if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      one(with, *ev->domain, out);
      ev->body = body(std::move(ev->body));
    } else if (auto* t = std::get_if<ast::Term>(&e.terms)) {
      in_term(with, *t, out);
    } else if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
      op->lhs = body(std::move(op->lhs));
      op->rhs = body(std::move(op->rhs));
    } else if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) {
      nb->body = body(std::move(nb->body));
    }
    append(out, std::move(e));
  }

  static bool comprehension_body(ast::Term& t, ast::Body*& b) {
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) b = &c->body;
    if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) b = &s->body;
    if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) b = &o->body;
    return b != nullptr;
  }

  void in_term(const std::vector<ast::With>& with, ast::Term& t, ast::Body& out) {
    ast::Body* b = nullptr;
    if (auto* r = std::get_if<ast::Ref>(&t.value)) {
      for (size_t i = 1; i < r->parts.size(); ++i) one(with, r->parts[i], out);
    } else if (comprehension_body(t, b)) {
      *b = body(std::move(*b));
    } else {
      one(with, t, out);
    }
  }

  void bind(const std::vector<ast::With>& with, ast::Term& t, ast::Body& out) {
    runtime::Location loc = t.loc;
    ast::Term v = ast::make_var(gen_.next(), loc);
    ast::Expr eq = make_eq(ast::clone(v), std::move(t), loc);
    for (const auto& w : with) eq.with.push_back(ast::With{w.loc, ast::clone(w.target), ast::clone(w.value)});
    append(out, std::move(eq));
    t = std::move(v);
  }

  void one(const std::vector<ast::With>& with, ast::Term& t, ast::Body& out) {
    ast::Body* b = nullptr;
    if (auto* r = std::get_if<ast::Ref>(&t.value)) {
      for (size_t i = 1; i < r->parts.size(); ++i) one(with, r->parts[i], out);
      bind(with, t, out);
    } else if (auto* a = std::get_if<ast::Array>(&t.value)) {
      for (auto& x : a->items) one(with, x, out);
    } else if (auto* o = std::get_if<ast::Object>(&t.value)) {
      for (auto& it : o->items) {
        one(with, it.key, out);
        one(with, it.value, out);
      }
    } else if (auto* s = std::get_if<ast::Set>(&t.value)) {
      for (auto& x : s->items) one(with, x, out);
    } else if (comprehension_body(t, b)) {
      *b = body(std::move(*b));
      bind(with, t, out);
    }
  }

  VarGenerator& gen_;
};

}  // namespace

void rewrite_dynamic_terms(CompiledProgram& p, StageContext& ctx) {
  Dynamics d(*ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    r.body = d.body(std::move(r.body));
    return false;
  });
}

void rewrite_dynamic_terms_in_query(ast::Body& q, StageContext&) {
  VarGenerator gen = query_generator(q);
  q = Dynamics(gen).body(std::move(q));
}

}  // namespace arcane::compiler::stages
