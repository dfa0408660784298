// Rule building: heads shaped as OPA's parseHead and parseRules do, bodies, else chains,
// v0's extra bodies and default rules (see RuleBuilder in builder.h).
#include "compiler/ast/ast_string.h"
#include "compiler/parse/builder.h"

namespace arcane::compiler::parse {

using ast::Head;
using ast::Rule;
using ast::Term;

ast::Body RuleBuilder::true_body(runtime::Location at) {
  ast::Body body;
  body.push_back(ast::Expr{at, 0, false, false, ast::make_boolean(true, at), {}});
  return body;
}

// A head's ref, args, and key or value, before the rule's body is known.
Head RuleBuilder::head(P::RuleHeadContext* ctx, bool is_default) {
  Head h;
  h.loc = b_.loc(ctx);
  h.ref.push_back(b_.var(ctx->var()));
  for (auto* part : ctx->headRefArg()) {
    if (part->DOT() != nullptr) {
      antlr4::Token* name = part->IDENT()->getSymbol();
      h.ref.push_back(ast::make_string(std::string(b_.text(name)), b_.loc(name)));
    } else {
      h.ref.push_back(b_.term_infix(part->termInfix()));
    }
  }
  if (h.ref.size() == 1) h.name = std::get<ast::Var>(h.ref[0].value).name;
  if (ctx->LPAREN() != nullptr) h.args = b_.arg_list(ctx->argList());
  if (ctx->headValue() != nullptr) head_value(ctx->headValue(), h);
  if (!h.value && !h.key && (h.ref.size() != 2 || !h.args.empty()) && !is_default) {
    h.value = std::make_unique<Term>(ast::make_boolean(true, h.loc));
    h.generated_value = true;
  }
  return h;
}

void RuleBuilder::head_value(P::HeadValueContext* ctx, Head& h) {
  if (auto* c = dynamic_cast<P::ContainsValueContext*>(ctx)) {
    if (!h.args.empty()) {
      std::string name = ast::to_string(h.ref);
      b_.error("unexpected contains keyword: the contains keyword can only be used with multi-value rule "
               "definitions (e.g., " + name + " contains <VALUE> { ... })",
               b_.loc(c->KW_CONTAINS()->getSymbol()));
    }
    h.key = std::make_unique<Term>(b_.term_infix(c->termInfix()));
    h.has_contains = true;
    return;
  }
  auto* a = static_cast<P::AssignValueContext*>(ctx);
  h.assign = a->ASSIGN() != nullptr;
  h.value = std::make_unique<Term>(b_.term_infix(a->termInfix()));
}

// What parseRules does to a two-part head once it knows whether `if` follows:
// `p[x] if` keeps the ref and makes x the key; `p[x] { }` (v0) is a partial set rule.
void RuleBuilder::shape_head(Head& h, bool has_if) {
  if (h.has_contains || h.ref.size() != 2) return;
  const auto* head_var = ast::get_if<ast::Var>(h.ref[0]);
  if (has_if) {
    const Term& k = h.ref[1];
    if ((!is_ground(k) || ast::get_if<ast::Ref>(k) != nullptr) && h.args.empty()) {
      h.key = std::make_unique<Term>(ast::clone(k));
    }
    if (!h.value) {
      h.value = std::make_unique<Term>(ast::make_boolean(true, h.loc));
      h.generated_value = true;
    } else if (head_var != nullptr) {
      h.name = head_var->name;
    }
    return;
  }
  if (!h.args.empty() || head_var == nullptr) return;
  h.name = head_var->name;
  h.key = std::make_unique<Term>(ast::clone(h.ref[1]));
  if (!h.value) h.ref.resize(1);
}

// A copy of a head for an else branch or an extra body: wildcard arguments get fresh
// names, and how the original was written (keywords) is not copied, as in OPA.
Head RuleBuilder::copy_head(const Head& h) {
  Head c = ast::clone(h);
  for (auto& a : c.args) {
    const auto* v = ast::get_if<ast::Var>(a);
    if (v != nullptr && !v->name.empty() && v->name[0] == '$') a = b_.fresh_wildcard(a.loc);
  }
  c.has_if = false;
  c.has_contains = false;
  return c;
}

ast::Body RuleBuilder::if_body(P::BodyContext* body, P::LiteralContext* literal) {
  if (body != nullptr) return b_.body(body);
  ast::Body out;
  out.push_back(b_.literal(literal));
  return out;
}

// ------------------------------------------------------------------------- rules

// A head with no body: OPA parses these statements as a body and turns the single
// expression into a rule (ParseRuleFromExpr), which shapes a few heads differently.
Rule RuleBuilder::body_less(Head h, runtime::Location at) {
  Rule r;
  r.loc = at;
  r.generated_body = true;
  bool bare = h.generated_value || (!h.value && !h.key);
  if (bare && h.args.empty() && h.ref.size() == 1) b_.error("var cannot be used for rule name", h.ref[0].loc);
  if (!h.value && !h.key && h.ref.size() == 2) shape_head(h, false);  // `p[x]`: a partial set rule
  if (!h.args.empty() && h.generated_value) h.generated_value = false;  // `f(x)` has value true
  if (h.value && !h.generated_value && !h.has_contains && h.ref.size() == 2 && h.args.empty()) {
    shape_head(h, false);  // `p[k] = v`: name p, key k
  }
  r.body = true_body(at);
  r.head = std::move(h);
  return r;
}

std::vector<Rule> RuleBuilder::plain_rule(P::PlainRuleContext* ctx) {
  std::vector<Rule> out;
  Head h = head(ctx->ruleHead(), false);
  if (ctx->ruleBody() == nullptr) {
    out.push_back(body_less(std::move(h), b_.loc(ctx)));
    return out;
  }
  Rule rule;
  auto* if_ctx = dynamic_cast<P::IfBodyContext*>(ctx->ruleBody());
  h.has_if = if_ctx != nullptr;
  shape_head(h, h.has_if);
  if (if_ctx != nullptr) {
    rule.body = if_body(if_ctx->body(), if_ctx->literal());
  } else {
    rule.body = b_.body(static_cast<P::BraceBodyContext*>(ctx->ruleBody())->body());
  }
  rule.head = std::move(h);
  runtime::Location end = b_.loc(ctx->ruleBody());
  auto elses = ctx->ruleTail()->elseClause();
  if (!elses.empty()) end = b_.loc(elses.back());
  rule.loc = span(rule.head.loc, end);
  else_chain(rule, ctx->ruleTail(), rule.head);
  out.push_back(std::move(rule));
  for (auto* extra : ctx->ruleTail()->body()) {
    if (!elses.empty()) {
      b_.error("expected else keyword", b_.loc(extra->getStart()));
      break;
    }
    Rule next;
    next.loc = b_.loc(extra);
    next.head = copy_head(out.front().head);
    next.head.has_if = out.front().head.has_if;  // chained bodies keep the head's keywords
    next.head.has_contains = out.front().head.has_contains;
    next.head.loc = next.loc;
    next.body = b_.body(extra);
    out.push_back(std::move(next));
  }
  return out;
}

void RuleBuilder::else_chain(Rule& rule, P::RuleTailContext* tail, const Head& original) {
  auto elses = tail->elseClause();
  if (elses.empty()) return;
  runtime::Location at = b_.loc(elses[0]->KW_ELSE()->getSymbol());
  bool ground = true;
  for (size_t i = 1; i < original.ref.size(); ++i) ground = ground && is_ground(original.ref[i]);
  if (original.ref.size() > 1 && !ground) {
    b_.error("else keyword cannot be used on rules with variables in head", at);
    return;
  }
  if (original.key) {
    b_.error("else keyword cannot be used on multi-value rules", at);
    return;
  }
  Rule* last = &rule;
  for (auto* e : elses) {
    last->else_rule = std::make_unique<Rule>(else_rule(e, original));
    last = last->else_rule.get();
  }
}

Rule RuleBuilder::else_rule(P::ElseClauseContext* ctx, const Head& original) {
  Rule r;
  r.loc = b_.loc(ctx);
  r.head = copy_head(original);
  r.head.loc = b_.loc(ctx->KW_ELSE()->getSymbol());
  r.head.generated_value = false;
  if (ctx->termInfix() != nullptr) {
    r.head.assign = ctx->ASSIGN() != nullptr;
    r.head.value = std::make_unique<Term>(b_.term_infix(ctx->termInfix()));
  } else {
    r.head.value = std::make_unique<Term>(ast::make_boolean(true, r.head.loc));
    r.head.generated_value = true;
  }
  if (ctx->KW_IF() != nullptr) {
    r.head.has_if = true;
    r.body = if_body(ctx->body(), ctx->literal());
  } else if (ctx->body() != nullptr) {
    r.body = b_.body(ctx->body());
  } else {
    r.body = true_body(r.loc);
    r.generated_body = true;
  }
  return r;
}

// ------------------------------------------------------------------------- default

void RuleBuilder::check_default_value(const Term& t, runtime::Location at, bool& reported) {
  if (reported) return;
  const auto& v = t.value;
  if (std::holds_alternative<ast::ArrayComprehension>(v) || std::holds_alternative<ast::SetComprehension>(v) ||
      std::holds_alternative<ast::ObjectComprehension>(v)) {
    return;  // comprehensions are closures: their vars are their own
  }
  if (std::holds_alternative<ast::Var>(v) || std::holds_alternative<ast::Ref>(v) || std::holds_alternative<ast::Call>(v)) {
    b_.error(std::string("illegal default rule (value cannot contain ") + value_name(v) + ")", at);
    reported = true;
    return;
  }
  if (const auto* a = ast::get_if<ast::Array>(t)) {
    for (const auto& x : a->items) check_default_value(x, at, reported);
  } else if (const auto* s = ast::get_if<ast::Set>(t)) {
    for (const auto& x : s->items) check_default_value(x, at, reported);
  } else if (const auto* o = ast::get_if<ast::Object>(t)) {
    for (const auto& it : o->items) {
      check_default_value(it.key, at, reported);
      check_default_value(it.value, at, reported);
    }
  }
}

void RuleBuilder::check_default_args(const Head& h, runtime::Location at) {
  std::vector<std::string> seen;
  for (const auto& a : h.args) {
    const auto* v = ast::get_if<ast::Var>(a);
    if (v == nullptr) {
      b_.error(std::string("illegal default rule (arguments cannot contain ") + value_name(a.value) + ")", at);
      return;
    }
    for (const auto& s : seen) {
      if (s == v->name) {
        b_.error("illegal default rule (arguments cannot be repeated " + v->name + ")", at);
        return;
      }
    }
    seen.push_back(v->name);
  }
}

Rule RuleBuilder::default_rule(P::DefaultRuleContext* ctx) {
  Rule r;
  r.loc = b_.loc(ctx);
  r.is_default = true;
  r.head = head(ctx->ruleHead(), true);
  if (!r.head.value) {
    b_.error("illegal default rule (must have a value)", r.loc);
  } else {
    bool reported = false;
    check_default_value(*r.head.value, r.loc, reported);
  }
  check_default_args(r.head, r.loc);
  r.body = true_body(r.loc);
  return r;
}

}  // namespace arcane::compiler::parse
