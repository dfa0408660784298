// RewritePrintCalls. With print statements disabled (OPA's default compiler, and the
// conformance runner), every `print(...)` expression is erased (a body left empty becomes
// `true`). Enabled, `print(a, b)` becomes internal.print([{__local0__ | __local0__ = a},
// {__local1__ | __local1__ = b}]): each operand is evaluated in a set comprehension, so an
// undefined operand prints as <undefined> instead of failing the body. An operand may only
// read vars bound before the print ("var x is undeclared").
#include "compiler/stages/safety.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

bool is_print_call(const ast::Expr& e) {
  return is_call_to(e, "print");
}

bool contains_print(const ast::Body& b) {
  bool found = false;
  walk_exprs(b, [&found](const ast::Expr& e) {
    found = found || is_print_call(e);
    return found;
  });
  return found;
}

void erase_in_expr(ast::Expr& e);

void erase_in_body(ast::Body& b) {
  if (!contains_print(b)) return;
  runtime::Location at = b.empty() ? runtime::Location{} : b[0].loc;
  ast::Body out;
  for (auto& e : b) {
    erase_in_expr(e);
    if (!is_print_call(e)) append(out, std::move(e));
  }
  if (out.empty()) append(out, ast::Expr{at, 0, false, false, ast::make_boolean(true, at), {}});
  b = std::move(out);
}

// Erases print calls in the bodies nested in an expression (comprehensions, every, ...).
void erase_in_expr(ast::Expr& e) {
  if (auto* ev = std::get_if<ast::Every>(&e.terms)) erase_in_body(ev->body);
  if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
    erase_in_body(op->lhs);
    erase_in_body(op->rhs);
  }
  if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) erase_in_body(nb->body);
  walk_terms(e, [](ast::Term& t) {
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) erase_in_body(c->body);
    if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) erase_in_body(s->body);
    if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) erase_in_body(o->body);
    return false;
  });
}

void erase_in_term(ast::Term& t) {
  walk_terms(t, [](ast::Term& x) {
    if (auto* c = std::get_if<ast::ArrayComprehension>(&x.value)) erase_in_body(c->body);
    if (auto* s = std::get_if<ast::SetComprehension>(&x.value)) erase_in_body(s->body);
    if (auto* o = std::get_if<ast::ObjectComprehension>(&x.value)) erase_in_body(o->body);
    return false;
  });
}

class PrintRewriter {
 public:
  PrintRewriter(StageContext& ctx, VarGenerator& gen)
      : ctx_(ctx), gen_(gen), arity_([&ctx](const std::vector<ast::Term>& r) { return ctx.arity(r); }) {}

  bool body(const VarSet& globals, ast::Body& b) {
    for (size_t i = 0; i < b.size(); ++i) {
      if (!closures(globals, b, i)) return false;
    }
    for (size_t i = 0; i < b.size(); ++i) {
      if (is_print_call(b[i]) && !rewrite(globals, b, i)) return false;
    }
    return true;
  }

 private:
  VarSet safe_before(const VarSet& globals, const ast::Body& b, size_t i) {
    VarSet safe = globals;
    for (size_t k = 0; k < i; ++k) update(safe, output_vars_for_expr(b[k], arity_, safe));
    return safe;
  }

  bool closures(const VarSet& globals, ast::Body& b, size_t i) {
    VarSet safe = safe_before(globals, b, i);
    bool ok = true;
    ast::Expr& e = b[i];
    if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      if (ev->key) collect_vars(*ev->key, safe);
      collect_vars(*ev->value, safe);
      return body(safe, ev->body);
    }
    walk_terms(e, [&](ast::Term& t) {
      if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
        ok = body(safe, c->body) && ok;
      } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
        ok = body(safe, s->body) && ok;
      } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
        ok = body(safe, o->body) && ok;
      } else {
        return false;
      }
      return true;
    });
    return ok;
  }

  bool rewrite(const VarSet& globals, ast::Body& b, size_t i) {
    VarSet safe = safe_before(globals, b, i);
    for (size_t k = 0; k < i; ++k) {
      for (const auto& v : vars_of(b[k])) {
        if (is_generated(v)) safe.insert(v);
      }
    }
    auto& call = std::get<ast::Call>(b[i].terms);
    bool ok = true;
    for (size_t j = 1; j < call.terms.size(); ++j) {
      for (const auto& v : diff(vars_of(call.terms[j], kSafetyParams), safe)) {
        ok = false;
        ctx_.error(kCompileErr, "var " + v + " is undeclared", call.terms[j].loc);
      }
    }
    if (!ok) return false;
    ast::Array captures;
    for (size_t j = 1; j < call.terms.size(); ++j) {
      runtime::Location loc = call.terms[j].loc;
      ast::Term x = ast::make_var(gen_.next(), loc);
      ast::SetComprehension sc;
      append(sc.body, make_eq(ast::clone(x), std::move(call.terms[j]), loc, false));
      sc.term = std::make_unique<ast::Term>(std::move(x));
      captures.items.push_back(ast::Term{loc, std::move(sc)});
    }
    runtime::Location at = b[i].loc;
    ast::Call print;
    print.terms.push_back(ast::make_operator("internal.print", at));
    print.terms.push_back(ast::Term{at, std::move(captures)});
    b[i] = ast::Expr{at, static_cast<uint32_t>(i), false, false, std::move(print), {}};
    return true;
  }

  StageContext& ctx_;
  VarGenerator& gen_;
  ArityFn arity_;
};

}  // namespace

void rewrite_print_calls(CompiledProgram& p, StageContext& ctx) {
  if (!ctx.enable_print) {
    walk_rules(p, ctx, [](ast::Rule& r, uint32_t) {
      erase_in_body(r.body);
      if (r.head.value) erase_in_term(*r.head.value);
      if (r.head.key) erase_in_term(*r.head.key);
      return false;
    });
    return;
  }
  PrintRewriter rw(ctx, *ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    VarSet safe{"data", "input"};
    for (const auto& a : r.head.args) collect_vars(a, safe);
    rw.body(safe, r.body);
    return false;
  });
}

void rewrite_print_calls_in_query(ast::Body& q, StageContext& ctx) {
  if (!ctx.enable_print) {
    erase_in_body(q);
    return;
  }
  VarGenerator gen = query_generator(q);
  PrintRewriter(ctx, gen).body(VarSet{"data", "input"}, q);
}

}  // namespace arcane::compiler::stages
