// RewriteLocalVars (OPA's rewriteLocalVars and friends). Every variable introduced with
// `:=`, `some`, `every` or as a function argument gets a generated name unique in the
// program, so later stages and the planner never confuse two scopes' `x`:
//
//   f(x) := y if { y := x + 1 }        =>  f(__local0__) := __local1__ if { __local1__ = plus(__local0__, 1) }
//   some k, v in xs                    =>  v = xs[k] (k and v renamed)
//   every x in xs { ... }              =>  every __local2__, __local3__ in xs { ... }
//
// `:=` becomes `=`. Errors, with OPA's messages: a name assigned, declared or referenced
// above in the same scope ("var x assigned above"), an assignment in a negated expression,
// an assignment to something that is not a var/array/object pattern, calls in arguments,
// a function called through a shadowed name, and `some` declarations left unused.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/declared_vars.h"
#include "compiler/stages/safety.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

struct Err {
  std::string message;
  runtime::Location loc;
};

// Vars declared by `some` in an expression (OPA's declaredVars on the source expression;
// `:=` expressions have been rewritten in place by then and declare nothing).
VarSet some_declared(const ast::Expr& e) {
  VarSet out;
  walk_exprs(e, [&out](const ast::Expr& x) {
    if (const auto* d = std::get_if<ast::SomeDecl>(&x.terms)) {
      for (const auto& s : d->symbols) {
        if (const auto* v = ast::get_if<ast::Var>(s)) out.insert(v->name);
        if (const auto* c = ast::get_if<ast::Call>(s)) {
          if (c->terms.size() == 4) collect_vars(c->terms[2], out);
          if (c->terms.size() >= 3) collect_vars(c->terms[1], out);
        }
      }
    } else if (is_call_to(x, "assign")) {
      const auto& call = std::get<ast::Call>(x.terms);
      if (call.terms.size() == 3) collect_vars(call.terms[1], out);
    }
    return false;
  });
  return out;
}

class LocalVarRewriter {
 public:
  LocalVarRewriter(VarGenerator& gen, bool strict) : gen_(gen), strict_(strict) {}

  std::vector<Err> errs;

  ast::Body body(DeclaredVars& stack, const VarSet& used, ast::Body in) {
    std::vector<VarSet> declared_by;
    for (const auto& e : in) {
      bool decl = std::holds_alternative<ast::SomeDecl>(e.terms) || std::holds_alternative<ast::Every>(e.terms);
      declared_by.push_back(decl ? some_declared(e) : VarSet{});
    }
    std::vector<runtime::Location> locs;
    for (const auto& e : in) locs.push_back(e.loc);
    ast::Body out;
    for (auto& e : in) {
      std::optional<ast::Expr> r;
      if (is_call_to(e, "assign")) {
        stack.assignment = true;
        r = assignment(stack, std::move(e));
      } else if (std::holds_alternative<ast::SomeDecl>(e.terms)) {
        r = some_decl(stack, std::move(e));
      } else if (std::holds_alternative<ast::Every>(e.terms)) {
        r = every(stack, std::move(e));
      } else {
        r = expr_vars(stack, std::move(e));
      }
      if (r) append(out, std::move(*r));
    }
    if (out.empty()) {
      runtime::Location at = locs.empty() ? runtime::Location{} : locs[0];
      append(out, ast::Expr{at, 0, false, false, ast::make_boolean(true, at), {}});
    }
    if (strict_) check_unused_assigned(stack, used, out);
    check_unused_declared(stack, used, out, declared_by, locs);
    return out;
  }

  void term_recursive(DeclaredVars& stack, ast::Term& t) {
    walk_terms(t, [&](ast::Term& x) { return term_step(stack, x); });
  }

  void array_comprehension(DeclaredVars& stack, ast::ArrayComprehension& c) {
    comprehension(stack, vars_of(*c.term), c.body, {c.term.get()});
  }
  void set_comprehension(DeclaredVars& stack, ast::SetComprehension& c) {
    comprehension(stack, vars_of(*c.term), c.body, {c.term.get()});
  }
  void object_comprehension(DeclaredVars& stack, ast::ObjectComprehension& c) {
    VarSet used = vars_of(*c.key);
    collect_vars(*c.value, used);
    comprehension(stack, used, c.body, {c.key.get(), c.value.get()});
  }

  void template_string(DeclaredVars& stack, ast::TemplateString& ts) {
    for (auto& p : ts.parts) {
      if (!p.expr) continue;
      stack.push();
      if (auto r = expr_vars(stack, std::move(*p.expr))) *p.expr = std::move(*r);
      stack.pop();
    }
  }

 private:
  void comprehension(DeclaredVars& stack, const VarSet& used, ast::Body& b, std::initializer_list<ast::Term*> terms) {
    stack.push();
    b = body(stack, used, std::move(b));
    for (ast::Term* t : terms) term_recursive(stack, *t);
    stack.pop();
  }

  void scoped(DeclaredVars& stack, ast::Body& b) {
    stack.push();
    b = body(stack, {}, std::move(b));
    stack.pop();
  }

  std::optional<std::string> declare(DeclaredVars& stack, const std::string& v, Occurrence occ, runtime::Location loc) {
    const char* what = nullptr;
    switch (stack.occurrence(v)) {
      case Occurrence::kSeen: what = "var %s referenced above"; break;
      case Occurrence::kAssigned: what = "var %s assigned above"; break;
      case Occurrence::kDeclared: what = "var %s declared above"; break;
      case Occurrence::kArg: what = "arg %s redeclared"; break;
      case Occurrence::kNew: break;
    }
    if (what != nullptr) {
      std::string msg = what;
      msg.replace(msg.find("%s"), 2, v);
      errs.push_back({msg, loc});
      return std::nullopt;
    }
    std::string gv = gen_.next();
    stack.insert(v, gv, occ);
    return gv;
  }

  // OPA's rewriteDeclaredVarsInTerm: true when the term's children need no visit.
  bool term_step(DeclaredVars& stack, ast::Term& t) {
    if (auto* v = std::get_if<ast::Var>(&t.value)) {
      if (const std::string* gv = stack.declared(v->name)) {
        std::string name = v->name;
        v->name = *gv;
        stack.seen(name);
      } else if (stack.occurrence(v->name) == Occurrence::kNew) {
        stack.insert(v->name, v->name, Occurrence::kSeen);
      }
      return true;
    }
    if (std::holds_alternative<ast::Ref>(t.value)) {
      if (!is_root_ref(t)) return false;
      std::string x = std::get<ast::Var>(std::get<ast::Ref>(t.value).parts[0].value).name;
      auto occ = stack.global_occurrence(x);
      if (occ && *occ != Occurrence::kSeen) t.value = ast::Var{*stack.declared(x)};
      return true;
    }
    if (auto* c = std::get_if<ast::Call>(&t.value)) {
      check_shadowed_call(stack, *c, t.loc);
      return false;
    }
    if (auto* o = std::get_if<ast::Object>(&t.value)) {
      for (auto& it : o->items) {
        term_recursive(stack, it.key);
        term_recursive(stack, it.value);
      }
      return true;
    }
    if (auto* s = std::get_if<ast::Set>(&t.value)) {
      for (auto& x : s->items) term_recursive(stack, x);
      return true;
    }
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
      array_comprehension(stack, *c);
    } else if (auto* sc = std::get_if<ast::SetComprehension>(&t.value)) {
      set_comprehension(stack, *sc);
    } else if (auto* oc = std::get_if<ast::ObjectComprehension>(&t.value)) {
      object_comprehension(stack, *oc);
    } else {
      return false;
    }
    return true;
  }

  void check_shadowed_call(const DeclaredVars& stack, const ast::Call& c, runtime::Location loc) {
    bool shadowed = false;
    walk_terms(c.terms[0], [&](const ast::Term& x) {
      const auto* v = ast::get_if<ast::Var>(x);
      if (v == nullptr || shadowed) return shadowed;
      const std::string* gv = stack.declared(v->name);
      shadowed = gv != nullptr && *gv != v->name;
      return shadowed;
    });
    if (shadowed) errs.push_back({"called function " + ast::to_string(c.terms[0]) + " shadowed", loc});
  }

  void with_recursive(DeclaredVars& stack, ast::With& w) {
    term_recursive(stack, w.target);
    if (const std::string* sdw = stack.declared("input")) {
      if (auto* v = std::get_if<ast::Var>(&w.target.value); v != nullptr && v->name == *sdw) {
        std::vector<ast::Term> parts;
        parts.push_back(ast::make_var("input", w.target.loc));
        w.target.value = ast::Ref{std::move(parts)};
      } else if (auto* r = std::get_if<ast::Ref>(&w.target.value)) {
        auto* head = std::get_if<ast::Var>(&r->parts[0].value);
        if (head != nullptr && head->name == *sdw) head->name = "input";
      }
    }
    term_recursive(stack, w.value);
  }

  std::optional<ast::Expr> expr_vars(DeclaredVars& stack, ast::Expr e) {
    std::visit([&](auto& x) { expr_terms(stack, x); }, e.terms);
    for (auto& w : e.with) with_recursive(stack, w);
    return e;
  }

  void expr_terms(DeclaredVars& stack, ast::Term& t) { term_recursive(stack, t); }
  void expr_terms(DeclaredVars& stack, ast::Call& c) {
    for (auto& t : c.terms) term_recursive(stack, t);
  }
  void expr_terms(DeclaredVars& stack, ast::SomeDecl& d) {
    for (auto& t : d.symbols) term_recursive(stack, t);
  }
  void expr_terms(DeclaredVars& stack, ast::Every& ev) {
    term_recursive(stack, *ev.domain);
    scoped(stack, ev.body);
  }
  void expr_terms(DeclaredVars& stack, ast::LogicalOp& op) {
    scoped(stack, op.lhs);
    scoped(stack, op.rhs);
  }
  void expr_terms(DeclaredVars& stack, ast::NotBody& nb) { scoped(stack, nb.body); }

  std::optional<ast::Expr> assignment(DeclaredVars& stack, ast::Expr e);
  std::optional<ast::Expr> some_decl(DeclaredVars& stack, ast::Expr e);
  std::optional<ast::Expr> every(DeclaredVars& stack, ast::Expr e);
  void assign_target(DeclaredVars& stack, ast::Term& t);
  void check_unused_assigned(const DeclaredVars& stack, const VarSet& used, const ast::Body& out);
  void check_unused_declared(const DeclaredVars& stack, const VarSet& used, const ast::Body& out,
                             const std::vector<VarSet>& declared_by, const std::vector<runtime::Location>& locs);

  VarGenerator& gen_;
  bool strict_;
};

void LocalVarRewriter::assign_target(DeclaredVars& stack, ast::Term& t) {
  if (auto* v = std::get_if<ast::Var>(&t.value)) {
    if (auto gv = declare(stack, v->name, Occurrence::kAssigned, t.loc)) v->name = *gv;
  } else if (auto* a = std::get_if<ast::Array>(&t.value)) {
    for (auto& x : a->items) assign_target(stack, x);
  } else if (auto* o = std::get_if<ast::Object>(&t.value)) {
    for (auto& it : o->items) assign_target(stack, it.value);
  } else if (is_root_ref(t)) {
    std::string name = std::get<ast::Var>(std::get<ast::Ref>(t.value).parts[0].value).name;
    if (auto gv = declare(stack, name, Occurrence::kAssigned, t.loc)) t.value = ast::Var{*gv};
  } else {
    errs.push_back({std::string("cannot assign to ") + value_name(t.value), t.loc});
  }
}

std::optional<ast::Expr> LocalVarRewriter::assignment(DeclaredVars& stack, ast::Expr e) {
  if (e.negated) {
    errs.push_back({"cannot assign vars inside negated expression", e.loc});
    return e;
  }
  size_t before = errs.size();
  auto& call = std::get<ast::Call>(e.terms);
  if (call.terms.size() != 3) return e;
  term_recursive(stack, call.terms[2]);
  for (auto& w : e.with) term_recursive(stack, w.value);
  assign_target(stack, call.terms[1]);
  if (errs.size() == before) call.terms[0] = ast::make_operator("eq", call.terms[0].loc);
  return e;
}

// `some x` declares x (and disappears); `some k, v in xs` becomes `v = xs[k]` with the
// vars it binds declared.
std::optional<ast::Expr> LocalVarRewriter::some_decl(DeclaredVars& stack, ast::Expr e) {
  auto& decl = std::get<ast::SomeDecl>(e.terms);
  runtime::Location loc = decl.loc;
  for (auto& sym : decl.symbols) {
    if (const auto* v = ast::get_if<ast::Var>(sym)) {
      if (!declare(stack, v->name, Occurrence::kDeclared, loc)) return std::nullopt;
      continue;
    }
    auto* c = std::get_if<ast::Call>(&sym.value);
    if (c == nullptr) continue;
    ast::Term key, val, container;
    if (c->terms.size() == 4) {
      key = std::move(c->terms[1]);
      val = std::move(c->terms[2]);
      container = std::move(c->terms[3]);
    } else {
      key = ast::make_var(gen_.next(), loc);
      val = std::move(c->terms[1]);
      container = std::move(c->terms[2]);
    }
    VarSet container_vars = vars_of(container);
    ast::Term rhs;
    if (auto* r = std::get_if<ast::Ref>(&container.value)) {
      r->parts.push_back(std::move(key));
      rhs = std::move(container);
    } else {
      runtime::Location cl = container.loc;
      std::vector<ast::Term> parts;
      parts.push_back(std::move(container));
      parts.push_back(std::move(key));
      rhs = ast::Term{cl, ast::Ref{std::move(parts)}};
    }
    ast::Expr eq = make_eq(std::move(val), std::move(rhs), e.loc, e.generated);
    eq.index = e.index;
    eq.negated = e.negated;
    eq.with = std::move(e.with);
    for (const auto& v0 : output_vars_for_eq(eq, container_vars)) {
      if (!declare(stack, v0, Occurrence::kDeclared, loc)) return std::nullopt;
    }
    return expr_vars(stack, std::move(eq));
  }
  return std::nullopt;
}

std::optional<ast::Expr> LocalVarRewriter::every(DeclaredVars& stack, ast::Expr e) {
  auto& ev = std::get<ast::Every>(e.terms);
  term_recursive(stack, *ev.domain);
  stack.push();
  bool ok = true;
  if (ev.key) {
    auto* k = std::get_if<ast::Var>(&ev.key->value);
    if (k != nullptr && !is_wildcard(k->name)) {
      auto gv = declare(stack, k->name, Occurrence::kDeclared, ev.loc);
      ok = gv.has_value();
      if (gv) k->name = *gv;
    }
  } else {
    ev.key = std::make_unique<ast::Term>(ast::make_var(gen_.next(), ev.loc));
  }
  auto* v = std::get_if<ast::Var>(&ev.value->value);
  if (ok && v != nullptr && !is_wildcard(v->name)) {
    auto gv = declare(stack, v->name, Occurrence::kDeclared, ev.loc);
    ok = gv.has_value();
    if (gv) v->name = *gv;
  }
  if (ok) {
    ev.body = body(stack, {}, std::move(ev.body));
    for (auto& w : e.with) with_recursive(stack, w);
  }
  stack.pop();
  if (!ok) return std::nullopt;
  return e;
}

// OPA's checkUnusedAssignedVars (strict mode): a var assigned with `:=` in this scope and
// never seen again, here or in a nested scope, nor used by the head. The error sits at the
// first expression that holds the var.
void LocalVarRewriter::check_unused_assigned(const DeclaredVars& stack, const VarSet& used, const ast::Body& out) {
  if (!errs.empty()) return;
  const auto& top = stack.top();
  VarSet unused;
  for (const auto& [v, occ] : top.occurrence) {
    if (occ != Occurrence::kAssigned || is_wildcard(v) || is_generated(v)) continue;
    auto c = top.count.find(v);
    if (c == top.count.end() || c->second <= 1) unused.insert(top.vs.at(v));
  }
  for (const auto& v : used) {
    const std::string* gv = stack.declared(v);
    unused.erase(gv != nullptr ? *gv : v);
  }
  std::map<std::string, std::string> reversed;
  for (const auto& [k, v] : top.vs) reversed[v] = k;
  for (const auto& gv : unused) {
    runtime::Location at = out.empty() ? runtime::Location{} : out[0].loc;
    for (const auto& e : out) {
      if (contains(vars_of(e), gv)) {
        at = e.loc;
        break;
      }
    }
    errs.push_back({"assigned var " + reversed[gv] + " unused", at});
  }
}

// OPA's checkUnusedDeclaredVars: a var declared with `some` (or `every`) in this scope
// that the rewritten body never mentions is an error, unless the head (`used`) does.
void LocalVarRewriter::check_unused_declared(const DeclaredVars& stack, const VarSet& used, const ast::Body& out,
                                             const std::vector<VarSet>& declared_by,
                                             const std::vector<runtime::Location>& locs) {
  if (!errs.empty()) return;
  const auto& top = stack.top();
  VarSet declared;
  std::map<std::string, std::string> reversed;
  for (const auto& [v, occ] : top.occurrence) {
    if (occ != Occurrence::kDeclared) continue;
    declared.insert(top.vs.at(v));
  }
  if (declared.empty()) return;
  for (const auto& [k, v] : top.vs) reversed[v] = k;
  VarSet body_vars = vars_of(out);
  for (const auto& v : used) {
    const std::string* gv = stack.declared(v);
    body_vars.insert(gv != nullptr ? *gv : v);
  }
  for (const auto& gv : diff(diff(declared, body_vars), used)) {
    const std::string& rv = reversed[gv];
    if (is_generated(rv)) continue;
    runtime::Location at = locs.empty() ? runtime::Location{} : locs[0];
    for (size_t i = 0; i < declared_by.size(); ++i) {
      if (contains(declared_by[i], rv)) {
        at = locs[i];
        break;
      }
    }
    errs.push_back({"declared var " + rv + " unused", at});
  }
}

// ---------------------------------------------------------------------------- rules

// Function arguments get generated names (OPA's ruleArgLocalRewriter): vars anywhere in
// refs and arrays, object values; not object keys, sets or comprehensions.
void rewrite_arg(VarGenerator& gen, DeclaredVars& stack, ast::Term& t, std::vector<Err>& errs) {
  if (auto* v = std::get_if<ast::Var>(&t.value)) {
    const std::string* gv = stack.declared(v->name);
    if (gv != nullptr) {
      stack.seen(v->name);
      v->name = *gv;
    } else {
      std::string fresh = gen.next();
      stack.insert(v->name, fresh, Occurrence::kArg);
      v->name = fresh;
    }
  } else if (auto* o = std::get_if<ast::Object>(&t.value)) {
    for (auto& it : o->items) rewrite_arg(gen, stack, it.value, errs);
  } else if (std::holds_alternative<ast::Call>(t.value)) {
    errs.push_back({"rule arguments cannot contain calls", t.loc});
  } else if (auto* r = std::get_if<ast::Ref>(&t.value)) {
    for (auto& x : r->parts) rewrite_arg(gen, stack, x, errs);
  } else if (auto* a = std::get_if<ast::Array>(&t.value)) {
    for (auto& x : a->items) rewrite_arg(gen, stack, x, errs);
  }
}

// Comprehensions and template strings in a head are scopes of their own, rewritten first.
void rewrite_nested_in_head(LocalVarRewriter& rw, ast::Head& h, std::map<std::string, std::string>& rewritten) {
  auto visit = [&](ast::Term& t) {
    DeclaredVars stack;
    if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
      rw.array_comprehension(stack, *c);
    } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
      rw.set_comprehension(stack, *s);
    } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
      rw.object_comprehension(stack, *o);
    } else if (auto* ts = std::get_if<ast::TemplateString>(&t.value)) {
      rw.template_string(stack, *ts);
    } else {
      return false;
    }
    rewritten.insert(stack.rewritten.begin(), stack.rewritten.end());
    return true;
  };
  for (auto& t : h.ref) walk_terms(t, visit);
  for (auto& t : h.args) walk_terms(t, visit);
  if (h.value) walk_terms(*h.value, visit);
}

VarSet head_used_vars(const ast::Head& h) {
  VarSet used;
  for (size_t i = 1; i < h.ref.size(); ++i) {
    if (!is_scalar(h.ref[i].value)) collect_vars(h.ref[i], used);
  }
  if (h.key && !is_scalar(h.key->value)) collect_vars(*h.key, used);
  if (h.value && !is_scalar(h.value->value)) collect_vars(*h.value, used);
  return used;
}

void substitute(ast::Term& t, const std::map<std::string, std::string>& names) {
  walk_terms(t, [&names](ast::Term& x) {
    if (auto* v = std::get_if<ast::Var>(&x.value)) {
      if (auto it = names.find(v->name); it != names.end()) v->name = it->second;
    }
    return false;
  });
}

void rewrite_rule(LocalVarRewriter& rw, ast::Rule& rule, const DeclaredVars& args, StageContext& ctx) {
  bool only_scalars = !head_may_have_vars(rule.head);
  VarSet used;
  if (!only_scalars) {
    rewrite_nested_in_head(rw, rule.head, *ctx.rewritten);
    used = head_used_vars(rule.head);
  }
  DeclaredVars stack = args;
  rule.body = rw.body(stack, used, std::move(rule.body));
  ctx.rewritten->insert(stack.rewritten.begin(), stack.rewritten.end());
  if (only_scalars) return;
  const auto& declared = stack.top().vs;
  for (auto& a : rule.head.args) substitute(a, declared);
  for (size_t i = 1; i < rule.head.ref.size(); ++i) substitute(rule.head.ref[i], declared);
  if (rule.head.key) substitute(*rule.head.key, declared);
  if (rule.head.value) substitute(*rule.head.value, declared);
}

bool report(StageContext& ctx, std::vector<Err>& errs) {
  for (auto& e : errs) {
    if (!ctx.error(kCompileErr, std::move(e.message), e.loc)) return false;
  }
  errs.clear();
  return true;
}

// Strict mode: a function argument that neither a body nor a head value of the rule (or
// its else chain) mentions, at the rule. Wildcards are fine.
void check_unused_args(const ast::Rule& rule, const DeclaredVars& args, StageContext& ctx) {
  VarSet mentioned;
  for (const ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
    collect_vars(r->body, mentioned);
    if (r->head.value) collect_vars(*r->head.value, mentioned);
    if (r->head.key) collect_vars(*r->head.key, mentioned);
  }
  std::vector<std::string> names;  // in argument order
  for (const auto& a : rule.head.args) {
    walk_terms(a, [&](const ast::Term& t) {
      if (const auto* v = std::get_if<ast::Var>(&t.value)) names.push_back(v->name);
      return false;
    });
  }
  for (const auto& gv : names) {
    auto source = args.rewritten.find(gv);
    if (source == args.rewritten.end() || is_wildcard(source->second) || contains(mentioned, gv)) continue;
    if (!ctx.error(kCompileErr, "unused argument " + source->second + ". (hint: use _ (wildcard variable) instead)",
                   rule.loc)) {
      return;
    }
  }
}

}  // namespace

void rewrite_local_vars(CompiledProgram& p, StageContext& ctx) {
  walk_rules(p, ctx, [&](ast::Rule& rule, uint32_t) {
    DeclaredVars args;
    std::vector<Err> arg_errs;
    for (auto& a : rule.head.args) rewrite_arg(*ctx.gen, args, a, arg_errs);
    report(ctx, arg_errs);
    for (ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
      LocalVarRewriter rw(*ctx.gen, ctx.strict);
      rewrite_rule(rw, *r, args, ctx);
      if (!report(ctx, rw.errs)) break;
    }
    if (ctx.strict && !rule.head.args.empty()) check_unused_args(rule, args, ctx);
    return true;
  });
}

void rewrite_local_vars_in_query(ast::Body& q, StageContext& ctx) {
  VarGenerator gen = query_generator(q);
  LocalVarRewriter rw(gen, false);
  DeclaredVars stack;
  ast::Body out = rw.body(stack, {}, std::move(q));
  q = std::move(out);
  if (!rw.errs.empty()) {
    report(ctx, rw.errs);
    return;
  }
  ctx.rewritten->insert(stack.rewritten.begin(), stack.rewritten.end());
}

}  // namespace arcane::compiler::stages
