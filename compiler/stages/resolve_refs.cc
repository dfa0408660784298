// ResolveRefs (OPA's resolveAllRefs): imports and rules of the same package are "globals";
// a var naming a global, not shadowed by an argument or a declared local (`:=`, `some`),
// becomes the global's full ref: with `import data.foo.bar`, `bar[_]` becomes
// `data.foo.bar[_]`; a rule `q` of package a.b becomes `data.a.b.q`; a ref-head rule
// `c.d[e]` makes `c.d.e` resolve to `data.a.b.c.d.e`.
#include <map>

#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

using Globals = std::map<std::string, std::vector<ast::Term>, std::less<>>;

// OPA's declaredVars: vars assigned with `:=` or declared with `some`, not looking into
// comprehensions (nor into `and`/`or`/`not {}` operands, which are scopes of their own).
VarSet declared_vars(const ast::Body& body) {
  VarSet out;
  walk_exprs(body, [&out](const ast::Expr& e) {
    if (is_call_to(e, "assign")) {
      const auto& call = std::get<ast::Call>(e.terms);
      if (call.terms.size() == 3) collect_vars(call.terms[1], out);
    } else if (const auto* decl = std::get_if<ast::SomeDecl>(&e.terms)) {
      for (const auto& s : decl->symbols) {
        if (const auto* v = ast::get_if<ast::Var>(s)) {
          out.insert(v->name);
        } else if (const auto* c = ast::get_if<ast::Call>(s)) {
          if (c->terms.size() == 4) collect_vars(c->terms[2], out);
          if (c->terms.size() >= 3) collect_vars(c->terms[1], out);
        }
      }
    }
    return std::holds_alternative<ast::LogicalOp>(e.terms) || std::holds_alternative<ast::NotBody>(e.terms);
  });
  return out;
}

class Resolver {
 public:
  explicit Resolver(const Globals& globals) : globals_(globals) {}

  void push(VarSet vs) { ignore_.push_back(std::move(vs)); }
  void pop() { ignore_.pop_back(); }

  void body(ast::Body& b) {
    for (auto& e : b) expr(e);
  }

  void expr(ast::Expr& e) {
    std::visit([this](auto& x) { expr_terms(x); }, e.terms);
    for (auto& w : e.with) {
      term(w.target);
      term(w.value);
    }
  }

  void term(ast::Term& t) {
    std::visit([this, &t](auto& x) { value(x, t); }, t.value);
  }

  const VarSet& used() const { return used_; }

 private:
  const std::vector<ast::Term>* global(const std::string& name) {
    for (auto it = ignore_.rbegin(); it != ignore_.rend(); ++it) {
      if (contains(*it, name)) return nullptr;
    }
    auto g = globals_.find(name);
    if (g == globals_.end()) return nullptr;
    used_.insert(name);
    return &g->second;
  }

  static std::vector<ast::Term> located_copy(const std::vector<ast::Term>& ref, runtime::Location loc) {
    std::vector<ast::Term> out;
    for (const auto& t : ref) {
      out.push_back(ast::clone(t));
      out.back().loc = loc;
    }
    return out;
  }

  void value(ast::Var& v, ast::Term& t) {
    if (const auto* g = global(v.name)) t.value = ast::Ref{located_copy(*g, t.loc)};
  }
  void value(ast::Ref& r, ast::Term&) {
    std::vector<ast::Term> out;
    for (size_t i = 0; i < r.parts.size(); ++i) {
      ast::Term& part = r.parts[i];
      const auto* v = ast::get_if<ast::Var>(part);
      const auto* g = v != nullptr ? global(v->name) : nullptr;
      if (g != nullptr && i == 0) {
        out = located_copy(*g, part.loc);
      } else if (g != nullptr) {
        out.push_back(ast::Term{part.loc, ast::Ref{located_copy(*g, part.loc)}});
      } else {
        if (v == nullptr) term(part);
        out.push_back(std::move(part));
      }
    }
    r.parts = std::move(out);
  }
  void value(ast::Array& a, ast::Term&) {
    for (auto& x : a.items) term(x);
  }
  void value(ast::Set& s, ast::Term&) {
    for (auto& x : s.items) term(x);
  }
  void value(ast::Object& o, ast::Term&) {
    for (auto& it : o.items) {
      term(it.key);
      term(it.value);
    }
  }
  void value(ast::Call& c, ast::Term&) {
    for (auto& x : c.terms) term(x);
  }
  void value(ast::ArrayComprehension& c, ast::Term&) {
    push(declared_vars(c.body));
    term(*c.term);
    body(c.body);
    pop();
  }
  void value(ast::SetComprehension& c, ast::Term&) {
    push(declared_vars(c.body));
    term(*c.term);
    body(c.body);
    pop();
  }
  void value(ast::ObjectComprehension& c, ast::Term&) {
    push(declared_vars(c.body));
    term(*c.key);
    term(*c.value);
    body(c.body);
    pop();
  }
  void value(ast::TemplateString& ts, ast::Term&) {
    for (auto& p : ts.parts) {
      if (p.expr) expr(*p.expr);
    }
  }
  template <typename T>
  void value(T&, ast::Term&) {}

  void expr_terms(ast::Term& t) { term(t); }
  void expr_terms(ast::Call& c) {
    for (auto& x : c.terms) term(x);
  }
  void expr_terms(ast::SomeDecl& d) {
    if (auto* c = d.symbols.empty() ? nullptr : std::get_if<ast::Call>(&d.symbols[0].value)) {
      for (auto& x : c->terms) term(x);
    }
  }
  void expr_terms(ast::Every& ev) {
    VarSet locals;
    if (ev.key) collect_vars(*ev.key, locals);
    collect_vars(*ev.value, locals);
    push(std::move(locals));
    term(*ev.domain);
    body(ev.body);
    pop();
  }
  void scoped(ast::Body& b) {
    push(declared_vars(b));
    body(b);
    pop();
  }
  void expr_terms(ast::LogicalOp& op) {
    scoped(op.lhs);
    scoped(op.rhs);
  }
  void expr_terms(ast::NotBody& nb) { scoped(nb.body); }

  const Globals& globals_;
  std::vector<VarSet> ignore_;
  VarSet used_;  // the globals some var resolved to (strict mode: unused imports)
};

bool is_keyword_import(const ast::Import& imp) {
  const auto& head = std::get<ast::Ref>(imp.path.value).parts[0];
  const auto* v = ast::get_if<ast::Var>(head);
  return v != nullptr && (v->name == "future" || v->name == "rego");
}

Globals globals_of(const std::vector<ast::Term>& package, const std::vector<std::string>& rule_names,
                   const std::vector<ast::Import>& imports) {
  Globals g;
  for (const auto& name : rule_names) {
    std::vector<ast::Term> ref;
    for (const auto& t : package) ref.push_back(ast::clone(t));
    ref.push_back(ast::make_string(name, {}));
    g[name] = std::move(ref);
  }
  for (const auto& imp : imports) {
    if (is_keyword_import(imp)) continue;
    std::vector<ast::Term> ref;
    for (const auto& t : std::get<ast::Ref>(imp.path.value).parts) ref.push_back(ast::clone(t));
    g[import_name(imp)] = std::move(ref);
  }
  return g;
}

// The names of the rules exported by each package (OPA's getExports, keyed by package).
std::map<std::string, std::vector<std::string>> exports_of(const CompiledProgram& p) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& m : p.modules) {
    auto& names = out[ast::to_string(m.module.package.path)];
    for (const auto& r : m.module.rules) {
      const auto* v = ast::get_if<ast::Var>(r.head.ref.at(0));
      if (v == nullptr) continue;
      bool seen = false;
      for (const auto& n : names) seen = seen || n == v->name;
      if (!seen) names.push_back(v->name);
    }
  }
  return out;
}

// The vars of an argument, which shadow globals (object keys, sets, calls and
// comprehensions cannot bind); an argument may not be `data` or `input` itself.
void arg_vars(const ast::Term& t, VarSet& out, std::string& error) {
  if (!error.empty()) return;
  if (const auto* parts = ref_parts(t)) {
    const auto* v = ast::get_if<ast::Var>((*parts)[0]);
    if (parts->size() == 1 && v != nullptr && is_root_name(v->name)) {
      error = "args must not shadow " + v->name + " (use a different variable name)";
      return;
    }
    for (const auto& x : *parts) arg_vars(x, out, error);
  } else if (const auto* v = ast::get_if<ast::Var>(t)) {
    out.insert(v->name);
  } else if (const auto* a = ast::get_if<ast::Array>(t)) {
    for (const auto& x : a->items) arg_vars(x, out, error);
  } else if (const auto* o = ast::get_if<ast::Object>(t)) {
    for (const auto& it : o->items) arg_vars(it.value, out, error);
  }
}

// OPA's resolveRefsInRule; false (and the message) when an argument shadows a root.
bool resolve_rule(const Globals& globals, ast::Rule& rule, std::string& error, VarSet& used) {
  VarSet args;
  for (const auto& a : rule.head.args) arg_vars(a, args, error);
  if (!error.empty()) return false;
  Resolver r(globals);
  r.push(std::move(args));
  r.push(declared_vars(rule.body));
  for (size_t i = 1; i < rule.head.ref.size(); ++i) r.term(rule.head.ref[i]);
  if (rule.head.key) r.term(*rule.head.key);
  if (rule.head.value) r.term(*rule.head.value);
  r.body(rule.body);
  used.insert(r.used().begin(), r.used().end());
  return true;
}

}  // namespace

void resolve_refs(CompiledProgram& p, StageContext& ctx) {
  auto exports = exports_of(p);
  std::vector<Globals> per_module;
  for (const auto& m : p.modules) {
    per_module.push_back(
        globals_of(m.module.package.path, exports[ast::to_string(m.module.package.path)], m.module.imports));
  }
  std::vector<VarSet> used(p.modules.size());
  walk_rules(p, ctx, [&](ast::Rule& rule, uint32_t m) {
    std::string error;
    if (!resolve_rule(per_module[m], rule, error, used[m])) ctx.error(kCompileErr, error, rule.loc);
    return false;
  });
  if (!ctx.strict) return;
  // OPA's strict mode: an import no rule refers to is an error, at the import.
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    for (const auto& imp : p.modules[m].module.imports) {
      if (is_keyword_import(imp) || contains(used[m], import_name(imp))) continue;
      if (!ctx.error(kCompileErr, "import " + ast::to_string(imp.path) + " unused", imp.loc)) return;
    }
  }
}

void resolve_refs_in_query(ast::Body& q, StageContext& ctx, const std::vector<ast::Term>& package,
                           const std::vector<ast::Import>& imports) {
  Globals globals;
  if (!package.empty() || !imports.empty()) {
    std::vector<std::string> names;
    if (!package.empty()) {
      for (const auto& m : ctx.lookup.modules) {
        if (ast::to_string(m.module.package.path) != ast::to_string(package)) continue;
        for (const auto& r : m.module.rules) {
          const auto* v = ast::get_if<ast::Var>(r.head.ref.at(0));
          if (v != nullptr) names.push_back(v->name);
        }
      }
    }
    std::vector<ast::Term> pkg;
    for (const auto& t : package) pkg.push_back(ast::clone(t));
    if (pkg.empty()) pkg.push_back(ast::make_var("", {}));
    globals = globals_of(pkg, names, imports);
  }
  Resolver r(globals);
  r.push(declared_vars(q));
  r.body(q);
}

}  // namespace arcane::compiler::stages
