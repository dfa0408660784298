// AST builder, expressions: bodies, literals (`some`, `every`, `not`, `with`), the
// experimental `and`/`or` forms and expressions inside template strings (see builder.h).
#include "compiler/parse/builder.h"

namespace arcane::compiler::parse {

using ast::Expr;
using ast::Term;

ast::Body AstBuilder::query(P::QueryContext* ctx) {
  DepthGuard guard(*this, loc(ctx->getStart()));
  ast::Body out;
  if (!guard.ok()) return out;
  auto lits = ctx->literal();
  out.reserve(lits.size());
  for (auto* lit : lits) {
    out.push_back(literal(lit));
    out.back().index = static_cast<uint32_t>(out.size() - 1);
  }
  return out;
}

ast::Body AstBuilder::body(P::BodyContext* ctx) { return query(ctx->query()); }

Expr AstBuilder::literal(P::LiteralContext* ctx) {
  if (auto* some = dynamic_cast<P::SomeLiteralContext*>(ctx)) return some_literal(some);
  if (auto* every = dynamic_cast<P::EveryLiteralContext*>(ctx)) return every_literal(every);
  auto* lit = static_cast<P::ExprLiteralContext*>(ctx);
  Expr e = logical_or(lit->logicalOr());
  if (lit->withMods() != nullptr) e.with = with_mods(lit->withMods());
  e.loc = loc(ctx);
  return e;
}

std::vector<ast::With> AstBuilder::with_mods(P::WithModsContext* ctx) {
  std::vector<ast::With> out;
  for (auto* w : ctx->withMod()) {
    Term target = term(w->term());
    if (ast::get_if<ast::Ref>(target) == nullptr && ast::get_if<ast::Var>(target) == nullptr) {
      error(std::string("unexpected ") + value_name(target.value) + " token: expected with target path", target.loc);
    }
    Term value = term_infix(w->termInfix());
    out.push_back(ast::With{loc(w), std::move(target), std::move(value)});
  }
  return out;
}

// ------------------------------------------------------------------------- some, every

Expr AstBuilder::some_literal(P::SomeLiteralContext* ctx) {
  ast::SomeDecl decl;
  decl.loc = loc(ctx);
  if (auto* in = dynamic_cast<P::SomeInContext*>(ctx->someDecl())) {
    decl.symbols.push_back(in_expr(in->inExpr()));
  } else {
    for (auto* v : static_cast<P::SomeVarsContext*>(ctx->someDecl())->var()) decl.symbols.push_back(var(v));
  }
  Expr e{loc(ctx), 0, false, false, std::move(decl), {}};
  if (ctx->withMods() != nullptr) e.with = with_mods(ctx->withMods());
  return e;
}

Expr AstBuilder::every_literal(P::EveryLiteralContext* ctx) {
  Term call_term = in_expr(ctx->inExpr());
  auto& terms = std::get<ast::Call>(call_term.value).terms;
  ast::Every every;
  every.loc = loc(ctx);
  if (terms.size() == 4) {
    if (ast::get_if<ast::Var>(terms[1]) == nullptr) error("unexpected term: expected key to be a variable", terms[1].loc);
    every.key = std::make_unique<Term>(std::move(terms[1]));
  }
  Term& value = terms[terms.size() - 2];
  if (ast::get_if<ast::Var>(value) == nullptr) error("unexpected term: expected value to be a variable", value.loc);
  every.value = std::make_unique<Term>(std::move(value));
  every.domain = std::make_unique<Term>(std::move(terms.back()));
  every.body = body(ctx->body());
  Expr e{loc(ctx), 0, false, false, std::move(every), {}};
  if (ctx->withMods() != nullptr) e.with = with_mods(ctx->withMods());
  return e;
}

// ------------------------------------------------------------------------- logical

namespace {

ast::Body single(Expr e) {
  e.index = 0;
  ast::Body b;
  b.push_back(std::move(e));
  return b;
}

using Operand = AstBuilder::Operand;

Operand join(ast::LogicalOp::Kind kind, Operand lhs, Operand rhs) {
  runtime::Location at = span(lhs.loc, rhs.loc);
  ast::LogicalOp op;
  op.loc = at;
  op.kind = kind;
  op.explicit_lhs = lhs.is_explicit;
  op.explicit_rhs = rhs.is_explicit;
  op.lhs = lhs.is_explicit ? std::move(lhs.body) : single(std::move(lhs.expr));
  op.rhs = rhs.is_explicit ? std::move(rhs.body) : single(std::move(rhs.expr));
  return Operand{Expr{at, 0, false, false, std::move(op), {}}, {}, false, at};
}

}  // namespace

// An explicit body stands only next to `and`/`or` (the grammar's predicate ensures it).
Expr AstBuilder::as_expr(Operand o) {
  if (!o.is_explicit) return std::move(o.expr);
  error("unexpected { token: expected and or or after explicit body", o.loc);
  return Expr{o.loc, 0, false, false, ast::NotBody{o.loc, std::move(o.body), true}, {}};
}

// `a or b or c` folds to the left, or(or(a, b), c), as OPA's parser does; `and` binds
// tighter than `or`.
Expr AstBuilder::logical_or(P::LogicalOrContext* ctx) {
  auto ands = ctx->logicalAnd();
  Operand acc = logical_and(ands[0]);
  for (size_t i = 1; i < ands.size(); ++i) acc = join(ast::LogicalOp::Kind::Or, std::move(acc), logical_and(ands[i]));
  return as_expr(std::move(acc));
}

Operand AstBuilder::logical_and(P::LogicalAndContext* ctx) {
  auto unaries = ctx->unary();
  Operand acc = unary(unaries[0]);
  for (size_t i = 1; i < unaries.size(); ++i) acc = join(ast::LogicalOp::Kind::And, std::move(acc), unary(unaries[i]));
  return acc;
}

// `not x` negates the expression; `not { ... }` is a NotBody (future.keywords.not).
Operand AstBuilder::unary(P::UnaryContext* ctx) {
  if (auto* plain = dynamic_cast<P::PlainUnaryContext*>(ctx)) return operand(plain->operand());
  auto* neg = static_cast<P::NotUnaryContext*>(ctx);
  Operand o = operand(neg->operand());
  runtime::Location at = loc(ctx);
  if (o.is_explicit) {
    return Operand{Expr{at, 0, false, false, ast::NotBody{at, std::move(o.body), true}, {}}, {}, false, at};
  }
  o.expr.negated = true;
  o.expr.loc = at;
  o.loc = at;
  return o;
}

Operand AstBuilder::operand(P::OperandContext* ctx) {
  runtime::Location at = loc(ctx);
  if (auto* b = dynamic_cast<P::BodyOperandContext*>(ctx)) return Operand{Expr{}, query(b->query()), true, at};
  if (auto* g = dynamic_cast<P::GroupOperandContext*>(ctx)) {
    DepthGuard guard(*this, loc(ctx->getStart()));
    if (!guard.ok()) return Operand{Expr{at, 0, false, false, Term{at, ast::Null{}}, {}}, {}, false, at};
    Expr e = logical_or(g->logicalOr());
    if (g->withMods() != nullptr) e.with = with_mods(g->withMods());
    return Operand{std::move(e), {}, false, at};
  }
  return Operand{expr(static_cast<P::ExprOperandContext*>(ctx)->expr()), {}, false, at};
}

// ------------------------------------------------------------------------- expressions

Expr AstBuilder::expr_from_term(Term t) {
  runtime::Location at = t.loc;
  if (auto* call = std::get_if<ast::Call>(&t.value)) {
    // A top-level call is the expression itself (OPA evaluates no call terms).
    return Expr{at, 0, false, false, std::move(*call), {}};
  }
  return Expr{at, 0, false, false, std::move(t), {}};
}

Expr AstBuilder::expr(P::ExprContext* ctx) {
  auto sides = ctx->termInfix();
  Term lhs = term_infix(sides[0]);
  if (sides.size() == 1) {
    Expr e = expr_from_term(std::move(lhs));
    e.loc = loc(ctx);
    return e;
  }
  antlr4::Token* op = ctx->ASSIGN() != nullptr ? ctx->ASSIGN()->getSymbol() : ctx->UNIFY()->getSymbol();
  Term rhs = term_infix(sides[1]);
  ast::Call call;
  call.terms.push_back(ast::make_operator(ctx->ASSIGN() != nullptr ? "assign" : "eq", loc(op)));
  call.terms.push_back(std::move(lhs));
  call.terms.push_back(std::move(rhs));
  return Expr{loc(ctx), 0, false, false, std::move(call), {}};
}

// ------------------------------------------------------------------------- templates

namespace {

bool is_call_to(const Expr& e, const char* name) {
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr || call->terms.empty()) return false;
  const auto* ref = ast::get_if<ast::Ref>(call->terms[0]);
  if (ref == nullptr || ref->parts.size() != 1) return false;
  const auto* v = ast::get_if<ast::Var>(ref->parts[0]);
  return v != nullptr && v->name == name;
}

bool is_constant_scalar(const Expr& e) {
  const auto* t = std::get_if<Term>(&e.terms);
  if (t == nullptr || !e.with.empty() || e.negated) return false;
  const auto& v = t->value;
  return std::holds_alternative<ast::Null>(v) || std::holds_alternative<ast::Boolean>(v) ||
         std::holds_alternative<ast::Number>(v) || std::holds_alternative<ast::String>(v);
}

}  // namespace

void AstBuilder::template_literal(P::LiteralContext* ctx, ast::TemplateString& out) {
  Expr e = literal(ctx);
  const char* problem = nullptr;
  if (e.negated) {
    problem = "unexpected negation ('not') in template-string expression";
  } else if (is_call_to(e, "eq")) {
    problem = "unexpected unification ('=') in template-string expression";
  } else if (is_call_to(e, "assign")) {
    problem = "unexpected assignment (':=') in template-string expression";
  } else if (std::holds_alternative<ast::Every>(e.terms)) {
    problem = "unexpected 'every' in template-string expression";
  } else if (std::holds_alternative<ast::SomeDecl>(e.terms)) {
    problem = "unexpected 'some' in template-string expression";
  }
  if (problem != nullptr) error(problem, e.loc);
  ast::TemplatePart part;
  if (is_constant_scalar(e)) {
    part.term = std::make_unique<Term>(std::move(std::get<Term>(e.terms)));
  } else {
    part.expr = std::make_unique<Expr>(std::move(e));
  }
  out.parts.push_back(std::move(part));
}

}  // namespace arcane::compiler::parse
