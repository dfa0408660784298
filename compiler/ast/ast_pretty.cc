// The `opa parse` tree printer (see ast_pretty.h).
#include "compiler/ast/ast_pretty.h"

#include <algorithm>

#include "compiler/ast/compare.h"
#include "runtime/json_escape.h"

namespace arcane::compiler::ast {

namespace {

class Pretty {
 public:
  std::string take() { return std::move(out_); }

  void module(const Module& m) {
    line(0, "module");
    line(1, "package");
    terms_node(2, "ref", m.package.path);
    for (const auto& imp : m.imports) {
      line(1, "import");
      term(2, imp.path);
      line(2, imp.alias);
    }
    for (const auto& r : m.rules) rule(1, r);
    for (size_t i = 0; i < m.comments.size(); ++i) line(1, "comment");
  }

 private:
  void line(size_t depth, const std::string& text) {
    out_.append(depth, ' ');
    out_ += text;
    out_ += '\n';
  }

  void terms_node(size_t depth, const char* kind, const std::vector<Term>& ts) {
    line(depth, kind);
    for (const auto& t : ts) term(depth + 1, t);
  }

  void rule(size_t depth, const Rule& r) {
    line(depth, "rule");
    line(depth + 1, "head");
    if (!r.head.ref.empty()) {
      terms_node(depth + 2, "ref", r.head.ref);
    } else {
      line(depth + 2, r.head.name);
      if (r.head.key) term(depth + 2, *r.head.key);
    }
    if (!r.head.args.empty()) terms_node(depth + 2, "args", r.head.args);
    if (r.head.value) term(depth + 2, *r.head.value);
    body(depth + 1, r.body);
    if (r.else_rule) rule(depth + 1, *r.else_rule);
  }

  void body(size_t depth, const Body& b) {
    line(depth, "body");
    for (const auto& e : b) expr(depth + 1, e);
  }

  void expr(size_t depth, const Expr& e) {
    line(depth, std::string("expr ") + (e.negated ? "negated " : "") + "index=" + std::to_string(e.index));
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, Term>) {
            term(depth + 1, x);
          } else if constexpr (std::is_same_v<T, Call>) {
            for (const auto& t : x.terms) term(depth + 1, t);
          } else if constexpr (std::is_same_v<T, SomeDecl>) {
            terms_node(depth + 1, "somedecl", x.symbols);
          } else if constexpr (std::is_same_v<T, Every>) {
            line(depth + 1, "every");
            if (x.key) term(depth + 2, *x.key);
            term(depth + 2, *x.value);
            term(depth + 2, *x.domain);
            body(depth + 2, x.body);
          } else if constexpr (std::is_same_v<T, LogicalOp>) {
            line(depth + 1, x.kind == LogicalOp::Kind::And ? "logicaland" : "logicalor");
            body(depth + 2, x.lhs);
            body(depth + 2, x.rhs);
          } else {
            line(depth + 1, "not");
            body(depth + 2, x.body);
          }
        },
        e.terms);
    for (const auto& w : e.with) {
      line(depth + 1, "with");
      term(depth + 2, w.target);
      term(depth + 2, w.value);
    }
  }

  void term(size_t depth, const Term& t) {
    std::visit([&](const auto& x) { value(depth, x); }, t.value);
  }

  void value(size_t depth, const Null&) { line(depth, "null"); }
  void value(size_t depth, const Boolean& b) { line(depth, b.value ? "true" : "false"); }
  void value(size_t depth, const Number& n) { line(depth, n.text); }
  void value(size_t depth, const String& s) { line(depth, runtime::json_quote(s.value, false)); }
  void value(size_t depth, const Var& v) { line(depth, v.name); }
  void value(size_t depth, const Ref& r) { terms_node(depth, "ref", r.parts); }
  void value(size_t depth, const Array& a) { terms_node(depth, "array", a.items); }
  void value(size_t depth, const Call& c) { terms_node(depth, "call", c.terms); }

  void value(size_t depth, const Set& s) {
    std::vector<const Term*> items;
    for (const auto& t : s.items) items.push_back(&t);
    std::stable_sort(items.begin(), items.end(), [](const Term* a, const Term* b) { return compare(*a, *b) < 0; });
    line(depth, "set");
    for (const Term* t : items) term(depth + 1, *t);
  }

  void value(size_t depth, const Object& o) {
    std::vector<const ObjectItem*> items;
    for (const auto& it : o.items) items.push_back(&it);
    std::stable_sort(items.begin(), items.end(),
                     [](const ObjectItem* a, const ObjectItem* b) { return compare(a->key, b->key) < 0; });
    line(depth, "object");
    for (const ObjectItem* it : items) {
      term(depth + 1, it->key);
      term(depth + 1, it->value);
    }
  }

  void value(size_t depth, const ArrayComprehension& c) { comprehension(depth, "arraycomprehension", *c.term, c.body); }
  void value(size_t depth, const SetComprehension& c) { comprehension(depth, "setcomprehension", *c.term, c.body); }

  void value(size_t depth, const ObjectComprehension& c) {
    line(depth, "objectcomprehension");
    term(depth + 1, *c.key);
    term(depth + 1, *c.value);
    body(depth + 1, c.body);
  }

  void value(size_t depth, const TemplateString& ts) {
    line(depth, "templatestring");
    for (const auto& p : ts.parts) {
      if (p.term) {
        term(depth + 1, *p.term);
      } else {
        expr(depth + 1, *p.expr);
      }
    }
  }

  void comprehension(size_t depth, const char* kind, const Term& head, const Body& b) {
    line(depth, kind);
    term(depth + 1, head);
    body(depth + 1, b);
  }

  std::string out_;
};

}  // namespace

std::string to_pretty(const Module& module) {
  Pretty p;
  p.module(module);
  std::string out = p.take();
  if (!out.empty()) out.pop_back();  // no trailing newline, like the JSON form
  return out;
}

}  // namespace arcane::compiler::ast
