// RewriteComprehensionTerms: a comprehension's term (or key and value) that needs
// evaluation moves into its body: [x[0] | x = y[_]] becomes
// [__local0__ | x = y[_]; __local0__ = x[0]]. Afterwards a comprehension's term is a var
// or a value built of vars and constants. Outer comprehensions are rewritten first.
#include "compiler/stages/requires_eval.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

class ComprehensionTerms {
 public:
  explicit ComprehensionTerms(VarGenerator& gen) : gen_(gen) {}

  void body(ast::Body& b) {
    for (auto& e : b) expr(e);
  }

  void term(ast::Term& t) {
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
      lift(*c->term, c->body);
      term(*c->term);
      body(c->body);
    } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
      lift(*s->term, s->body);
      term(*s->term);
      body(s->body);
    } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
      lift(*o->key, o->body);
      lift(*o->value, o->body);
      term(*o->key);
      term(*o->value);
      body(o->body);
    } else {
      children(t);
    }
  }

 private:
  void lift(ast::Term& t, ast::Body& b) {
    if (!requires_eval(t)) return;
    runtime::Location loc = t.loc;
    ast::Term v = ast::make_var(gen_.next(), loc);
    append(b, make_eq(ast::clone(v), std::move(t), loc));
    t = std::move(v);
  }

  void children(ast::Term& t) {
    std::visit(
        [this](auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::Ref>) {
            for (auto& p : x.parts) term(p);
          } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
            for (auto& p : x.items) term(p);
          } else if constexpr (std::is_same_v<T, ast::Object>) {
            for (auto& it : x.items) {
              term(it.key);
              term(it.value);
            }
          } else if constexpr (std::is_same_v<T, ast::Call>) {
            for (auto& p : x.terms) term(p);
          } else if constexpr (std::is_same_v<T, ast::TemplateString>) {
            for (auto& p : x.parts) {
              if (p.expr) expr(*p.expr);
            }
          }
        },
        t.value);
  }

  void expr(ast::Expr& e) {
    std::visit(
        [this](auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::Term>) {
            term(x);
          } else if constexpr (std::is_same_v<T, ast::Call>) {
            for (auto& t : x.terms) term(t);
          } else if constexpr (std::is_same_v<T, ast::SomeDecl>) {
            for (auto& t : x.symbols) term(t);
          } else if constexpr (std::is_same_v<T, ast::Every>) {
            if (x.key) term(*x.key);
            term(*x.value);
            term(*x.domain);
            body(x.body);
          } else if constexpr (std::is_same_v<T, ast::LogicalOp>) {
            body(x.lhs);
            body(x.rhs);
          } else {
            body(x.body);
          }
        },
        e.terms);
    for (auto& w : e.with) {
      term(w.target);
      term(w.value);
    }
  }

  VarGenerator& gen_;
};

}  // namespace

void rewrite_comprehension_terms(CompiledProgram& p, StageContext& ctx) {
  ComprehensionTerms rw(*ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    for (auto& t : r.head.ref) rw.term(t);
    for (auto& t : r.head.args) rw.term(t);
    if (r.head.key) rw.term(*r.head.key);
    if (r.head.value) rw.term(*r.head.value);
    rw.body(r.body);
    return false;
  });
}

void rewrite_comprehension_terms_in_query(ast::Body& q, StageContext&) {
  VarGenerator gen = query_generator(q);
  ComprehensionTerms(gen).body(q);
}

}  // namespace arcane::compiler::stages
