// Rego source text for generated AST nodes (see rego_format.h).
#include "compiler/partial/rego_format.h"

#include <algorithm>
#include <map>
#include <type_traits>

#include "compiler/ast/ast_string.h"
#include "compiler/ast/compare.h"
#include "runtime/json_escape.h"
#include "stdlib/builtin.h"

namespace arcane::compiler::partial {

namespace {

bool is_wildcard(const std::string& name) { return !name.empty() && name[0] == '$'; }

// The operator's name ("plus", "internal.member_2", "data.a.f") when it is a plain ref.
std::string operator_name(const ast::Term& op) {
  const auto* ref = ast::get_if<ast::Ref>(op);
  if (ref == nullptr) return ast::to_string(op);
  return ast::to_string(ref->parts);
}

class Formatter {
 public:
  // Counts the wildcards of everything that will be printed, so that a wildcard used
  // twice prints under a name of its own (OPA's unmangling).
  void count(const ast::Term& t);
  void count(const ast::Expr& e);
  void count(const ast::Body& b) {
    for (const auto& e : b) count(e);
  }
  void count(const ast::Rule& r) {
    for (const auto& a : r.head.args) count(a);
    if (r.head.key) count(*r.head.key);
    if (r.head.value) count(*r.head.value);
    count(r.body);
    if (r.else_rule) count(*r.else_rule);
  }

  std::string term(const ast::Term& t, bool parens = false) const;
  std::string expr(const ast::Expr& e) const;
  std::string body_inline(const ast::Body& b) const {
    std::string out;
    for (size_t i = 0; i < b.size(); ++i) out += (i > 0 ? "; " : "") + expr(b[i]);
    return out;
  }
  std::string rule(const ast::Rule& r, bool is_else) const;

 private:
  std::string var(const std::string& name) const {
    if (!is_wildcard(name)) return name;
    auto it = wildcards_.find(name);
    if (it == wildcards_.end() || it->second < 2) return "_";
    return "_" + name.substr(1);
  }
  std::string ref(const std::vector<ast::Term>& parts) const;
  std::string list(const std::vector<ast::Term>& items, size_t from = 0) const {
    std::string out;
    for (size_t i = from; i < items.size(); ++i) out += (i > from ? ", " : "") + term(items[i]);
    return out;
  }
  std::string call(const std::vector<ast::Term>& terms, bool parens) const;
  std::string head(const ast::Rule& r, bool is_else) const;

  std::map<std::string, int> wildcards_;
};

void Formatter::count(const ast::Term& t) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Var>) {
          if (is_wildcard(x.name)) ++wildcards_[x.name];
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          for (const auto& p : x.parts) count(p);
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          for (const auto& i : x.items) count(i);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& i : x.items) {
            count(i.key);
            count(i.value);
          }
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension> || std::is_same_v<T, ast::SetComprehension>) {
          count(*x.term);
          count(x.body);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          count(*x.key);
          count(*x.value);
          count(x.body);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& i : x.terms) count(i);
        }
      },
      t.value);
}

void Formatter::count(const ast::Expr& e) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          count(x);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& i : x.terms) count(i);
        } else if constexpr (std::is_same_v<T, ast::SomeDecl>) {
          for (const auto& i : x.symbols) count(i);
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          if (x.key) count(*x.key);
          count(*x.value);
          count(*x.domain);
          count(x.body);
        }
      },
      e.terms);
  for (const auto& w : e.with) {
    count(w.target);
    count(w.value);
  }
}

std::string Formatter::ref(const std::vector<ast::Term>& parts) const {
  if (parts.empty()) return "";
  std::string out = term(parts[0], ast::get_if<ast::Call>(parts[0]) != nullptr);
  for (size_t i = 1; i < parts.size(); ++i) {
    const ast::Term& p = parts[i];
    if (const auto* s = ast::get_if<ast::String>(p); s != nullptr && ast::is_identifier(s->value)) {
      out += "." + s->value;
    } else if (const auto* v = ast::get_if<ast::Var>(p)) {
      out += "[" + var(v->name) + "]";
    } else {
      out += "[" + term(p) + "]";
    }
  }
  return out;
}

std::string Formatter::call(const std::vector<ast::Term>& terms, bool parens) const {
  std::string name = operator_name(terms[0]);
  const stdlib::Builtin* b = stdlib::find_builtin(name);
  size_t operands = terms.size() - 1;
  if (b != nullptr && !b->decl.infix.empty()) {
    size_t arity = b->decl.type.arity();
    std::string infix(b->decl.infix);
    if (infix == "in" && operands == arity) {
      std::string lhs = arity == 3 ? term(terms[1], true) + ", " + term(terms[2], true) : term(terms[1], true);
      std::string text = lhs + " in " + term(terms[arity], true);
      return parens && arity == 3 ? "(" + text + ")" : text;
    }
    if (arity == 2 && operands == 2) {
      std::string text = term(terms[1], true) + " " + infix + " " + term(terms[2], true);
      return parens ? "(" + text + ")" : text;
    }
    if (arity == 2 && operands == 3) {
      return term(terms[3]) + " = " + term(terms[1]) + " " + infix + " " + term(terms[2]);
    }
  }
  const auto* op = ast::get_if<ast::Ref>(terms[0]);
  return (op != nullptr ? ref(op->parts) : term(terms[0])) + "(" + list(terms, 1) + ")";
}

std::string Formatter::term(const ast::Term& t, bool parens) const {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Null>) return "null";
        if constexpr (std::is_same_v<T, ast::Boolean>) return x.value ? "true" : "false";
        if constexpr (std::is_same_v<T, ast::Number>) return x.text;
        if constexpr (std::is_same_v<T, ast::String>) return runtime::json_quote(x.value, false);
        if constexpr (std::is_same_v<T, ast::Var>) return var(x.name);
        if constexpr (std::is_same_v<T, ast::Ref>) return ref(x.parts);
        if constexpr (std::is_same_v<T, ast::Array>) return "[" + list(x.items) + "]";
        if constexpr (std::is_same_v<T, ast::Set>) {
          if (x.items.empty()) return "set()";
          std::vector<const ast::Term*> sorted;
          for (const auto& i : x.items) sorted.push_back(&i);
          std::sort(sorted.begin(), sorted.end(),
                    [](const ast::Term* a, const ast::Term* b) { return ast::compare(*a, *b) < 0; });
          std::string out = "{";
          for (size_t i = 0; i < sorted.size(); ++i) out += (i > 0 ? ", " : "") + term(*sorted[i]);
          return out + "}";
        }
        if constexpr (std::is_same_v<T, ast::Object>) {
          std::string out = "{";
          for (size_t i = 0; i < x.items.size(); ++i) {
            out += (i > 0 ? ", " : "") + term(x.items[i].key) + ": " + term(x.items[i].value);
          }
          return out + "}";
        }
        if constexpr (std::is_same_v<T, ast::ArrayComprehension>) {
          return "[" + term(*x.term) + " | " + body_inline(x.body) + "]";
        }
        if constexpr (std::is_same_v<T, ast::SetComprehension>) {
          return "{" + term(*x.term) + " | " + body_inline(x.body) + "}";
        }
        if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          return "{" + term(*x.key) + ": " + term(*x.value) + " | " + body_inline(x.body) + "}";
        }
        if constexpr (std::is_same_v<T, ast::Call>) return call(x.terms, parens);
        return ast::to_string(t);
      },
      t.value);
}

std::string Formatter::expr(const ast::Expr& e) const {
  std::string out = e.negated ? "not " : "";
  out += std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) return term(x);
        if constexpr (std::is_same_v<T, ast::Call>) return call(x.terms, false);
        if constexpr (std::is_same_v<T, ast::SomeDecl>) {
          if (x.symbols.size() == 1) {
            if (const auto* c = ast::get_if<ast::Call>(x.symbols[0])) return "some " + call(c->terms, false);
          }
          return "some " + list(x.symbols);
        }
        if constexpr (std::is_same_v<T, ast::Every>) {
          std::string vars = (x.key ? term(*x.key) + ", " : "") + term(*x.value);
          return "every " + vars + " in " + term(*x.domain) + " { " + body_inline(x.body) + " }";
        }
        return ast::to_string(e);  // and/or, not { }: never generated
      },
      e.terms);
  for (const auto& w : e.with) out += " with " + term(w.target) + " as " + term(w.value);
  return out;
}

bool is_true(const ast::Term& t) {
  const auto* b = ast::get_if<ast::Boolean>(t);
  return b != nullptr && b->value;
}

// A body of just `true`: a constant rule (`p := 1`), printed without a body.
bool is_expanded_const(const ast::Rule& r) {
  if (r.else_rule || r.body.size() != 1 || r.body[0].negated || !r.body[0].with.empty()) return false;
  const auto* t = std::get_if<ast::Term>(&r.body[0].terms);
  return t != nullptr && is_true(*t);
}

std::string Formatter::head(const ast::Rule& r, bool is_else) const {
  const ast::Head& h = r.head;
  std::string out;
  if (is_else) {
    out = "else";
  } else {
    std::vector<ast::Term> href = ast::head_ref(h);
    if (h.key && !h.value && href.size() > 1) href.pop_back();  // p.q contains x
    out = ref(href);
  }
  if (!h.args.empty()) out += "(" + list(h.args) + ")";
  if (h.key && !h.value) out += " contains " + term(*h.key);
  if (h.value && (h.key || !is_true(*h.value) || is_expanded_const(r) || r.is_default)) {
    out += " := " + term(*h.value);
  }
  return out;
}

std::string Formatter::rule(const ast::Rule& r, bool is_else) const {
  std::string out = (r.is_default ? "default " : "") + head(r, is_else);
  if (!r.body.empty() && !is_expanded_const(r)) {
    if (r.body.size() == 1 && !(std::holds_alternative<ast::Term>(r.body[0].terms) &&
                                ast::get_if<ast::Set>(std::get<ast::Term>(r.body[0].terms)) != nullptr)) {
      out += " if " + expr(r.body[0]);
    } else {
      out += " if {\n";
      for (const auto& e : r.body) out += "\t" + expr(e) + "\n";
      out += "}";
    }
  }
  // OPA's formatter puts an else on a line of its own, after a blank line, when the
  // rule has no source layout to follow.
  if (r.else_rule) out += "\n\n" + rule(*r.else_rule, true);
  return out;
}

}  // namespace

std::string format_term(const ast::Term& term) {
  Formatter f;
  f.count(term);
  return f.term(term);
}

std::string format_expr(const ast::Expr& expr) {
  Formatter f;
  f.count(expr);
  return f.expr(expr);
}

std::string format_query(const ast::Body& body) {
  Formatter f;
  f.count(body);
  std::string out;
  for (const auto& e : body) out += f.expr(e) + "\n";
  return out;
}

std::string format_module(const ast::Module& module) {
  Formatter f;
  for (const auto& r : module.rules) f.count(r);
  std::vector<ast::Term> path;
  for (size_t i = 1; i < module.package.path.size(); ++i) path.push_back(ast::clone(module.package.path[i]));
  std::string pkg;
  for (size_t i = 0; i < path.size(); ++i) {
    const auto* s = ast::get_if<ast::String>(path[i]);
    if (i == 0 && s != nullptr) {
      pkg += s->value;
    } else if (s != nullptr && ast::is_identifier(s->value)) {
      pkg += "." + s->value;
    } else {
      pkg += "[" + f.term(path[i]) + "]";
    }
  }
  std::string out = "package " + pkg + "\n\n";
  for (const auto& r : module.rules) out += f.rule(r, false) + "\n\n";
  while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace arcane::compiler::partial
