// Comprehension indexing decisions; see comprehension_keys.h.
#include "compiler/plan/comprehension_keys.h"

#include "compiler/stages/context.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::plan {

const ast::Body* comprehension_body(const ast::Term& t) {
  if (const auto* a = ast::get_if<ast::ArrayComprehension>(t)) return &a->body;
  if (const auto* s = ast::get_if<ast::SetComprehension>(t)) return &s->body;
  if (const auto* o = ast::get_if<ast::ObjectComprehension>(t)) return &o->body;
  return nullptr;
}

namespace {

using stages::VarSet;

// Calls on_term for each term of an expression (operands, `some` symbols, `every`'s key,
// value and domain, then `with` targets and values) and on_body for each body in it
// (`every`, `and`/`or`, `not { }`), in the order OPA's visitors see them.
template <typename OnTerm, typename OnBody>
void for_each_part(const ast::Expr& e, OnTerm&& on_term, OnBody&& on_body) {
  std::visit(
      [&](const auto& x) {
        using U = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<U, ast::Term>) {
          on_term(x);
        } else if constexpr (std::is_same_v<U, ast::Call>) {
          for (const auto& t : x.terms) on_term(t);
        } else if constexpr (std::is_same_v<U, ast::SomeDecl>) {
          for (const auto& t : x.symbols) on_term(t);
        } else if constexpr (std::is_same_v<U, ast::Every>) {
          if (x.key) on_term(*x.key);
          on_term(*x.value);
          on_term(*x.domain);
          on_body(x.body);
        } else if constexpr (std::is_same_v<U, ast::LogicalOp>) {
          on_body(x.lhs);
          on_body(x.rhs);
        } else {
          on_body(x.body);
        }
      },
      e.terms);
  for (const auto& w : e.with) {
    on_term(w.target);
    on_term(w.value);
  }
}

const VarSet& reserved() {
  static const VarSet r{"data", "input"};
  return r;
}

// OPA's comprehensionIndexRegressionCheckVisitor: walks the body in order; a ref that
// iterates over a candidate (its parts after the head hold one) before the body itself
// has seen that variable, or `walk`'s output operand holding one, makes grouping worse
// than evaluating per binding. Nested comprehensions are not entered.
class RegressionCheck {
 public:
  explicit RegressionCheck(const VarSet& candidates) : candidates_(candidates) {}

  bool worse(const ast::Body& body) {
    for (const auto& e : body) expr(e);
    return worse_;
  }

 private:
  void assert_empty_intersection(const VarSet& vs) {
    for (const auto& v : vs) {
      if (stages::contains(candidates_, v) && !stages::contains(seen_, v)) worse_ = true;
    }
  }

  void expr(const ast::Expr& e) {
    if (worse_) return;
    if (const auto* call = std::get_if<ast::Call>(&e.terms)) {
      // walk(x, output): position 1 of the operands is the output.
      if (stages::operator_name(*call) == "walk" && call->terms.size() > 2) {
        assert_empty_intersection(stages::vars_of(call->terms[2]));
      }
    }
    for_each_part(
        e, [&](const ast::Term& t) { term(t); },
        [&](const ast::Body& b) {
          for (const auto& x : b) expr(x);
        });
  }

  void term(const ast::Term& root) {
    stages::walk_terms(root, [&](const ast::Term& t) {
      if (worse_ || comprehension_body(t) != nullptr) return true;
      if (const auto* v = ast::get_if<ast::Var>(t)) {
        seen_.insert(v->name);
      } else if (const auto* r = ast::get_if<ast::Ref>(t)) {
        assert_empty_intersection(stages::ref_output_vars(*r));
      } else if (const auto* ts = ast::get_if<ast::TemplateString>(t)) {
        for (const auto& p : ts->parts) {
          if (p.expr) expr(*p.expr);
        }
        return true;
      }
      return false;
    });
  }

  const VarSet& candidates_;
  VarSet seen_;
  bool worse_ = false;
};

// Whether a comprehension nested anywhere in `body` closes over a candidate.
bool nested_closes_over(const ast::Body& body, const VarSet& candidates) {
  bool found = false;
  stages::walk_terms(body, [&](const ast::Term& t) {
    if (found) return true;
    if (comprehension_body(t) == nullptr) return false;
    found = !stages::intersect(stages::vars_of(t, {.skip_ref_head = true}), candidates).empty();
    return true;
  });
  return found;
}

class Finder {
 public:
  Finder(const stages::ArityFn& arity, ComprehensionKeys& out) : arity_(arity), out_(out), candidates_(reserved()) {}

  void rule(const ast::Rule& r) {
    for (const ast::Rule* x = &r; x != nullptr; x = x->else_rule.get()) {
      for (const auto& t : x->head.ref) nested_in_term(t);
      for (const auto& t : x->head.args) nested_in_term(t);
      if (x->head.key) nested_in_term(*x->head.key);
      if (x->head.value) nested_in_term(*x->head.value);
      body(x->body);
    }
  }

  // A body's expressions first, each seeing the variables of those before it (and of
  // every body visited earlier, as OPA's walk accumulates them); then the bodies nested
  // in it, in order.
  void body(const ast::Body& b) {
    for (const auto& e : b) {
      check(e);
      stages::update(candidates_, stages::vars_of(e, {.skip_ref_call_head = true, .skip_closures = true}));
    }
    for (const auto& e : b) nested_in_expr(e);
  }

 private:
  void nested_in_expr(const ast::Expr& e) {
    for_each_part(
        e, [&](const ast::Term& t) { nested_in_term(t); }, [&](const ast::Body& b) { body(b); });
  }

  void nested_in_term(const ast::Term& root) {
    stages::walk_terms(root, [&](const ast::Term& t) {
      if (const auto* a = ast::get_if<ast::ArrayComprehension>(t)) {
        nested_in_term(*a->term);
        body(a->body);
        return true;
      }
      if (const auto* s = ast::get_if<ast::SetComprehension>(t)) {
        nested_in_term(*s->term);
        body(s->body);
        return true;
      }
      if (const auto* o = ast::get_if<ast::ObjectComprehension>(t)) {
        nested_in_term(*o->key);
        nested_in_term(*o->value);
        body(o->body);
        return true;
      }
      if (const auto* ts = ast::get_if<ast::TemplateString>(t)) {
        for (const auto& p : ts->parts) {
          if (p.expr) nested_in_expr(*p.expr);
        }
        return true;
      }
      return false;
    });
  }

  void check(const ast::Expr& e) {
    if (e.negated || !e.with.empty() || !stages::is_call_to(e, "eq")) return;
    const auto& terms = std::get<ast::Call>(e.terms).terms;
    if (terms.size() != 3) return;
    const ast::Term* comp = nullptr;
    if (ast::get_if<ast::Var>(terms[1]) && comprehension_body(terms[2])) {
      comp = &terms[2];
    } else if (ast::get_if<ast::Var>(terms[2]) && comprehension_body(terms[1])) {
      comp = &terms[1];
    }
    if (comp == nullptr) return;
    const ast::Body& b = *comprehension_body(*comp);

    VarSet outputs = stages::output_vars_for_body(b, arity_, reserved());
    VarSet unsafe = stages::diff(stages::diff(stages::vars_of(b, stages::kSafetyParams), outputs), reserved());
    if (!unsafe.empty()) return;
    if (RegressionCheck(candidates_).worse(b)) return;
    if (nested_closes_over(b, candidates_)) return;
    VarSet keys = stages::intersect(candidates_, outputs);
    if (keys.empty()) return;
    out_[comp] = std::vector<std::string>(keys.begin(), keys.end());
  }

  const stages::ArityFn& arity_;
  ComprehensionKeys& out_;
  VarSet candidates_;
};

}  // namespace

void find_comprehension_keys(const ast::Rule& rule, const stages::ArityFn& arity, ComprehensionKeys& out) {
  Finder(arity, out).rule(rule);
}

void find_comprehension_keys(const ast::Body& query, const stages::ArityFn& arity, ComprehensionKeys& out) {
  Finder(arity, out).body(query);
}

}  // namespace arcane::compiler::plan
