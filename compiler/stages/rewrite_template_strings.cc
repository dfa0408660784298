// RewriteTemplateStrings: a template string becomes a call of internal.template_string on
// an array of its parts, each embedded expression captured in a set comprehension (so an
// undefined part renders instead of failing the rule): $"a{x}b" becomes
// internal.template_string(["a", {__local0__ | __local0__ = x}, "b"]). An embedded
// expression may read only vars bound by the enclosing body ("var x is undeclared"), and
// may not call a relation (walk), which could yield several values.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/safety.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

class TemplateRewriter {
 public:
  TemplateRewriter(StageContext& ctx, VarGenerator& gen)
      : ctx_(ctx), gen_(gen), arity_([&ctx](const std::vector<ast::Term>& r) { return ctx.arity(r); }) {}

  // Rewrites a body; returns the vars it binds plus the globals.
  VarSet body(const VarSet& globals, ast::Body& b) {
    VarSet safe = output_vars_for_body(b, arity_, globals);
    update(safe, globals);
    for (auto& e : b) expr(e, safe);
    return safe;
  }

  void term(ast::Term& t, const VarSet& safe) {
    walk_terms(t, [&](ast::Term& x) { return visit(x, safe); });
  }

 private:
  void expr(ast::Expr& e, const VarSet& safe) {
    if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      term(*ev->domain, safe);
      VarSet s = safe;
      if (ev->key) collect_vars(*ev->key, s);
      collect_vars(*ev->value, s);
      body(s, ev->body);
    } else if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
      body(safe, op->lhs);
      body(safe, op->rhs);
    } else if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) {
      body(safe, nb->body);
    } else if (auto* t = std::get_if<ast::Term>(&e.terms)) {
      term(*t, safe);
    } else if (auto* c = std::get_if<ast::Call>(&e.terms)) {
      for (auto& x : c->terms) term(x, safe);
    }
    for (auto& w : e.with) {
      term(w.target, safe);
      term(w.value, safe);
    }
  }

  bool visit(ast::Term& t, const VarSet& safe) {
    if (auto* ts = std::get_if<ast::TemplateString>(&t.value)) {
      rewrite(t, *ts, safe);
      return false;
    }
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
      term(*c->term, body(safe, c->body));
    } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
      term(*s->term, body(safe, s->body));
    } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
      VarSet inner = body(safe, o->body);
      term(*o->key, inner);
      term(*o->value, inner);
    } else {
      return false;
    }
    return true;
  }

  // The part's expression as one term: a call, or the term itself.
  bool part_term(ast::Expr& part, ast::Term& out) {
    if (auto* call = std::get_if<ast::Call>(&part.terms)) {
      const auto* parts = ref_parts(call->terms[0]);
      const BuiltinSignature* b = parts != nullptr ? ctx_.builtins.find(ast::to_string(*parts)) : nullptr;
      if (b != nullptr && b->relation) {
        ctx_.error(kCompileErr, "illegal call to relation built-in '" + b->name + "' that may cause multiple outputs",
                   part.loc);
        return false;
      }
      out = ast::Term{part.loc, std::move(*call)};
      return true;
    }
    if (auto* t = std::get_if<ast::Term>(&part.terms)) {
      out = std::move(*t);
      return true;
    }
    ctx_.error(kCompileErr, "unexpected template-string expression type", part.loc);
    return false;
  }

  void rewrite(ast::Term& t, ast::TemplateString& ts, const VarSet& safe) {
    size_t before = ctx_.errors();
    ast::Array items;
    if (ts.parts.empty()) items.items.push_back(ast::make_string("", t.loc));
    for (auto& p : ts.parts) {
      if (p.term) {
        items.items.push_back(std::move(*p.term));
        continue;
      }
      ast::Term value;
      if (!part_term(*p.expr, value)) continue;
      for (const auto& v : diff(vars_of(value, kSafetyParams), safe)) {
        ctx_.error(kCompileErr, "var " + ctx_.source_name(v) + " is undeclared", value.loc);
      }
      runtime::Location loc = value.loc;
      ast::Term x = ast::make_var(gen_.next(), loc);
      ast::Expr capture = make_eq(ast::clone(x), std::move(value), loc, false);
      capture.with = std::move(p.expr->with);
      ast::SetComprehension sc;
      sc.term = std::make_unique<ast::Term>(std::move(x));
      append(sc.body, std::move(capture));
      items.items.push_back(ast::Term{loc, std::move(sc)});
    }
    if (ctx_.errors() != before) return;
    ast::Call call;
    call.terms.push_back(ast::make_operator("internal.template_string", t.loc));
    call.terms.push_back(ast::Term{t.loc, std::move(items)});
    t.value = std::move(call);
  }

  StageContext& ctx_;
  VarGenerator& gen_;
  ArityFn arity_;
};

VarSet reserved() {
  return VarSet{"data", "input"};
}

}  // namespace

void rewrite_template_strings(CompiledProgram& p, StageContext& ctx) {
  TemplateRewriter rw(ctx, *ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    VarSet safe = reserved();
    for (const auto& a : r.head.args) collect_vars(a, safe);
    VarSet inner = rw.body(safe, r.body);
    for (auto& t : r.head.ref) rw.term(t, inner);
    for (auto& t : r.head.args) rw.term(t, inner);
    if (r.head.key) rw.term(*r.head.key, inner);
    if (r.head.value) rw.term(*r.head.value, inner);
    return false;
  });
}

void rewrite_template_strings_in_query(ast::Body& q, StageContext& ctx) {
  VarGenerator gen = query_generator(q);
  TemplateRewriter rw(ctx, gen);
  rw.body(reserved(), q);
}

}  // namespace arcane::compiler::stages
