// Variable collection (see vars.h). The checks in value() and expr() follow the order of
// OPA's VarVisitor.visit: object keys, ref heads, closures, with targets, sets, call heads.
#include "compiler/stages/vars.h"

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace arcane::compiler::stages {

namespace {

class Collector {
 public:
  Collector(VarSet& out, const VarParams& p) : out_(out), p_(p) {}

  void term(const ast::Term& t) { value(t.value); }

  void body(const ast::Body& b) {
    for (const auto& e : b) expr(e);
  }

  void ref_tail(const ast::Term& t) {
    if (const auto* r = ast::get_if<ast::Ref>(t)) {
      for (size_t i = 1; i < r->parts.size(); ++i) term(r->parts[i]);
    }
  }

  void value(const ast::Value& v) {
    std::visit([this](const auto& x) { visit(x); }, v);
  }

  void visit(const ast::Object& o) {
    for (const auto& it : o.items) {
      if (!p_.skip_object_keys) term(it.key);
      term(it.value);
    }
  }
  void visit(const ast::Ref& r) {
    for (size_t i = p_.skip_ref_head ? 1 : 0; i < r.parts.size(); ++i) term(r.parts[i]);
  }
  void visit(const ast::ArrayComprehension& c) {
    if (p_.skip_closures) return;
    term(*c.term);
    body(c.body);
  }
  void visit(const ast::SetComprehension& c) {
    if (p_.skip_closures) return;
    term(*c.term);
    body(c.body);
  }
  void visit(const ast::ObjectComprehension& c) {
    if (p_.skip_closures) return;
    term(*c.key);
    term(*c.value);
    body(c.body);
  }
  void visit(const ast::TemplateString& ts) {
    if (p_.skip_closures) return;
    for (const auto& part : ts.parts) {
      if (part.term) term(*part.term);
      if (part.expr) expr(*part.expr);
    }
  }
  void visit(const ast::Set& s) {
    if (p_.skip_sets) return;
    for (const auto& x : s.items) term(x);
  }
  void visit(const ast::Call& c) {
    if (p_.skip_ref_call_head) {
      ref_tail(c.terms[0]);
    } else {
      term(c.terms[0]);
    }
    for (size_t i = 1; i < c.terms.size(); ++i) term(c.terms[i]);
  }
  void visit(const ast::Array& a) {
    for (const auto& x : a.items) term(x);
  }
  void visit(const ast::Var& v) { out_.insert(v.name); }
  template <typename T>
  void visit(const T&) {}  // scalars

  void with(const ast::With& w) {
    if (p_.skip_with_target) {
      term(w.value);
    } else if (p_.skip_ref_call_head) {
      ref_tail(w.target);
      if (ast::get_if<ast::Ref>(w.value) != nullptr) {
        ref_tail(w.value);
      } else {
        term(w.value);
      }
    } else {
      term(w.target);
      term(w.value);
    }
  }

  void expr(const ast::Expr& e) {
    if (p_.skip_closures) {
      if (const auto* ev = std::get_if<ast::Every>(&e.terms)) {
        term(*ev->domain);
        return;
      }
      if (std::holds_alternative<ast::LogicalOp>(e.terms) || std::holds_alternative<ast::NotBody>(e.terms)) return;
    }
    if (p_.skip_ref_call_head) {
      if (const auto* call = std::get_if<ast::Call>(&e.terms)) {
        ref_tail(call->terms[0]);
        for (size_t i = 1; i < call->terms.size(); ++i) term(call->terms[i]);
        for (const auto& w : e.with) with(w);
        return;
      }
    }
    std::visit([this](const auto& x) { expr_terms(x); }, e.terms);
    for (const auto& w : e.with) with(w);
  }

  void expr_terms(const ast::Term& t) { term(t); }
  void expr_terms(const ast::Call& c) {
    for (const auto& t : c.terms) term(t);
  }
  void expr_terms(const ast::SomeDecl& d) {
    for (const auto& t : d.symbols) term(t);
  }
  void expr_terms(const ast::Every& ev) {
    if (ev.key) term(*ev.key);
    term(*ev.value);
    term(*ev.domain);
    body(ev.body);
  }
  void expr_terms(const ast::LogicalOp& op) {
    body(op.lhs);
    body(op.rhs);
  }
  void expr_terms(const ast::NotBody& nb) { body(nb.body); }

 private:
  VarSet& out_;
  const VarParams& p_;
};

}  // namespace

void collect_vars(const ast::Term& t, VarSet& out, const VarParams& p) {
  Collector(out, p).term(t);
}
void collect_vars(const ast::Expr& e, VarSet& out, const VarParams& p) {
  Collector(out, p).expr(e);
}
void collect_vars(const ast::Body& b, VarSet& out, const VarParams& p) {
  Collector(out, p).body(b);
}
void collect_vars(const ast::With& w, VarSet& out, const VarParams& p) {
  Collector(out, p).with(w);
}

VarSet vars_of(const ast::Term& t, const VarParams& p) {
  VarSet out;
  collect_vars(t, out, p);
  return out;
}

VarSet vars_of(const ast::Expr& e, const VarParams& p) {
  VarSet out;
  collect_vars(e, out, p);
  return out;
}

VarSet vars_of(const ast::Body& b, const VarParams& p) {
  VarSet out;
  collect_vars(b, out, p);
  return out;
}

VarSet ref_output_vars(const ast::Ref& r) {
  VarSet out;
  VarParams p{.skip_ref_head = true};
  for (size_t i = 1; i < r.parts.size(); ++i) collect_vars(r.parts[i], out, p);
  return out;
}

VarSet diff(const VarSet& a, const VarSet& b) {
  VarSet out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()), a.key_comp());
  return out;
}

VarSet intersect(const VarSet& a, const VarSet& b) {
  VarSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()), a.key_comp());
  return out;
}

void update(VarSet& a, const VarSet& b) {
  a.insert(b.begin(), b.end());
}

bool subset(const VarSet& a, const VarSet& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end(), a.key_comp());
}

}  // namespace arcane::compiler::stages
