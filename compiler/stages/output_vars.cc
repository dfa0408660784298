// Output variables of expressions and OPA's unifier (see safety.h): which variables an
// expression binds when the variables in `safe` are already bound.
#include <map>

#include "compiler/ast/compare.h"
#include "compiler/compile/program.h"
#include "compiler/stages/context.h"
#include "compiler/stages/safety.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

bool is_call_safe(const ast::Call& c, const VarSet& safe) {
  VarSet vs;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (i == 0) {
      if (const auto* r = ast::get_if<ast::Ref>(c.terms[0])) {
        for (size_t j = 1; j < r->parts.size(); ++j) collect_vars(r->parts[j], vs, kSafetyParams);
      }
    } else {
      collect_vars(c.terms[i], vs, kSafetyParams);
    }
  }
  return subset(vs, safe);
}

// OPA's unifier: vars bound by `a = b` given `safe`, including those bound transitively
// once another var becomes bound (`x = y; y = 1`).
class Unifier {
 public:
  explicit Unifier(const VarSet& safe) : safe_(safe) {}

  VarSet unified;

  void unify(const ast::Term& a, const ast::Term& b) {
    std::visit([&](const auto& x) { unify_a(x, a, b); }, a.value);
  }

 private:
  bool is_safe(const std::string& v) const { return contains(safe_, v) || contains(unified, v); }

  static VarSet value_vars(const ast::Term& t) {
    return vars_of(t, VarParams{.skip_ref_head = true, .skip_closures = true, .skip_object_keys = true});
  }

  void mark_all_safe(const ast::Term& t) {
    for (const auto& v : value_vars(t)) mark_safe(v);
  }

  void mark_safe(const std::string& x) {
    unified.insert(x);
    auto deps = unknown_.find(x);
    if (deps != unknown_.end()) {
      VarSet vs = std::move(deps->second);
      unknown_.erase(deps);
      for (const auto& v : vs) mark_safe(v);
    }
    std::vector<std::string> ready;
    for (auto& [v, d] : unknown_) {
      if (d.erase(x) > 0 && d.empty()) ready.push_back(v);
    }
    for (const auto& v : ready) mark_safe(v);
  }

  void mark_unknown(const std::string& a, const std::string& b) { unknown_[a].insert(b); }

  void unify_all(const std::string& a, const ast::Term& b) {
    if (is_safe(a)) {
      mark_all_safe(b);
      return;
    }
    VarSet unsafe = diff(diff(value_vars(b), safe_), unified);
    if (unsafe.empty()) {
      mark_safe(a);
    } else {
      for (const auto& v : unsafe) mark_unknown(a, v);
    }
  }

  static bool is_collection(const ast::Term& t) {
    return std::holds_alternative<ast::Array>(t.value) || std::holds_alternative<ast::Object>(t.value);
  }

  void unify_a(const ast::Var& a, const ast::Term&, const ast::Term& b) {
    if (const auto* bv = ast::get_if<ast::Var>(b)) {
      if (is_safe(bv->name)) {
        mark_safe(a.name);
      } else if (is_safe(a.name)) {
        mark_safe(bv->name);
      } else {
        mark_unknown(a.name, bv->name);
        mark_unknown(bv->name, a.name);
      }
    } else if (is_collection(b)) {
      unify_all(a.name, b);
    } else if (const auto* r = ast::get_if<ast::Ref>(b)) {
      if (is_ref_safe(*r, safe_)) mark_safe(a.name);
    } else if (const auto* c = ast::get_if<ast::Call>(b)) {
      if (is_call_safe(*c, safe_)) mark_safe(a.name);
    } else {
      mark_safe(a.name);
    }
  }

  void bind_other(const ast::Term& b, bool arrays, bool objects) {
    if (const auto* bv = ast::get_if<ast::Var>(b)) {
      mark_safe(bv->name);
    } else if ((arrays && std::holds_alternative<ast::Array>(b.value)) ||
               (objects && std::holds_alternative<ast::Object>(b.value))) {
      mark_all_safe(b);
    }
  }

  void unify_a(const ast::Ref& a, const ast::Term&, const ast::Term& b) {
    if (is_ref_safe(a, safe_)) bind_other(b, true, true);
  }
  void unify_a(const ast::Call& a, const ast::Term&, const ast::Term& b) {
    if (is_call_safe(a, safe_)) bind_other(b, true, true);
  }
  void unify_a(const ast::ArrayComprehension&, const ast::Term&, const ast::Term& b) { bind_other(b, true, false); }
  void unify_a(const ast::ObjectComprehension&, const ast::Term&, const ast::Term& b) { bind_other(b, false, true); }
  void unify_a(const ast::SetComprehension&, const ast::Term&, const ast::Term& b) { bind_other(b, false, false); }

  void unify_a(const ast::Array& a, const ast::Term& at, const ast::Term& b) {
    if (const auto* bv = ast::get_if<ast::Var>(b)) {
      unify_all(bv->name, at);
    } else if (std::holds_alternative<ast::ArrayComprehension>(b.value) ||
               std::holds_alternative<ast::ObjectComprehension>(b.value) ||
               std::holds_alternative<ast::SetComprehension>(b.value)) {
      mark_all_safe(at);
    } else if (const auto* r = ast::get_if<ast::Ref>(b)) {
      if (is_ref_safe(*r, safe_)) mark_all_safe(at);
    } else if (const auto* c = ast::get_if<ast::Call>(b)) {
      if (is_call_safe(*c, safe_)) mark_all_safe(at);
    } else if (const auto* ba = ast::get_if<ast::Array>(b)) {
      if (ba->items.size() == a.items.size()) {
        for (size_t i = 0; i < a.items.size(); ++i) unify(a.items[i], ba->items[i]);
      }
    }
  }

  void unify_a(const ast::Object& a, const ast::Term& at, const ast::Term& b);

  template <typename T>
  void unify_a(const T&, const ast::Term&, const ast::Term& b) {
    if (const auto* bv = ast::get_if<ast::Var>(b)) mark_safe(bv->name);
  }

  const VarSet& safe_;
  std::map<std::string, VarSet> unknown_;
};

void Unifier::unify_a(const ast::Object& a, const ast::Term& at, const ast::Term& b) {
  if (const auto* bv = ast::get_if<ast::Var>(b)) {
    unify_all(bv->name, at);
  } else if (const auto* r = ast::get_if<ast::Ref>(b)) {
    if (is_ref_safe(*r, safe_)) mark_all_safe(at);
  } else if (const auto* c = ast::get_if<ast::Call>(b)) {
    if (is_call_safe(*c, safe_)) mark_all_safe(at);
  } else if (const auto* bo = ast::get_if<ast::Object>(b)) {
    if (bo->items.size() != a.items.size()) return;
    for (const auto& it : a.items) {
      for (const auto& other : bo->items) {
        if (ast::compare(it.key, other.key) == 0) unify(it.value, other.value);
      }
    }
  }
}

}  // namespace

bool is_ref_safe(const ast::Ref& ref, const VarSet& safe) {
  const ast::Term& head = ref.parts[0];
  if (const auto* v = ast::get_if<ast::Var>(head)) return contains(safe, v->name);
  if (const auto* c = ast::get_if<ast::Call>(head)) return is_call_safe(*c, safe);
  return subset(vars_of(head), safe);
}

VarSet unify_vars(const VarSet& safe, const ast::Term& a, const ast::Term& b) {
  Unifier u(safe);
  u.unify(a, b);
  return std::move(u.unified);
}

namespace {

template <typename Node>
VarSet terms_output(const Node& node, const VarSet& safe) {
  VarSet out;
  walk_terms(node, [&](const ast::Term& t) {
    if (std::holds_alternative<ast::ArrayComprehension>(t.value) ||
        std::holds_alternative<ast::SetComprehension>(t.value) ||
        std::holds_alternative<ast::ObjectComprehension>(t.value) ||
        std::holds_alternative<ast::TemplateString>(t.value)) {
      return true;
    }
    if (const auto* r = ast::get_if<ast::Ref>(t)) {
      if (!is_ref_safe(*r, safe)) return true;
      if (!is_ground_term(t)) update(out, ref_output_vars(*r));
    }
    return false;
  });
  return out;
}

VarSet output_vars_for_call(const ast::Expr& e, const ast::Call& call, int arity, const VarSet& safe) {
  VarSet output = terms_output(e, safe);
  size_t inputs = static_cast<size_t>(arity) + 1;
  if (inputs >= call.terms.size()) return output;
  VarSet in;
  for (size_t i = 0; i < inputs; ++i) collect_vars(call.terms[i], in, kOperandParams);
  if (!subset(diff(in, output), safe)) return {};
  for (size_t i = inputs; i < call.terms.size(); ++i) collect_vars(call.terms[i], output, kOperandParams);
  return output;
}

}  // namespace

VarSet output_vars_for_terms(const ast::Term& t, const VarSet& safe) {
  return terms_output(t, safe);
}

VarSet output_vars_for_eq(const ast::Expr& e, const VarSet& safe) {
  const auto& call = std::get<ast::Call>(e.terms);
  if (call.terms.size() != 3) return safe;
  VarSet output = terms_output(e, safe);
  update(output, safe);
  update(output, unify_vars(output, call.terms[1], call.terms[2]));
  return diff(output, safe);
}

VarSet output_vars_for_expr(const ast::Expr& e, const ArityFn& arity, const VarSet& safe) {
  if (e.negated) return {};
  for (const auto& w : e.with) {
    VarSet vs;
    collect_vars(w, vs, kSafetyParams);
    if (!subset(vs, safe)) return {};
  }
  if (std::holds_alternative<ast::Term>(e.terms)) return terms_output(e, safe);
  if (const auto* ev = std::get_if<ast::Every>(&e.terms)) return terms_output(*ev->domain, safe);
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr) return {};
  if (is_call_to(e, "eq")) return output_vars_for_eq(e, safe);
  const auto* parts = ref_parts(call->terms[0]);
  if (parts == nullptr) return {};
  int ar = arity(*parts);
  if (ar < 0) return {};
  return output_vars_for_call(e, *call, ar, safe);
}

VarSet output_vars_for_body(const ast::Body& b, const ArityFn& arity, const VarSet& safe) {
  VarSet o = safe;
  for (const auto& e : b) update(o, output_vars_for_expr(e, arity, o));
  return diff(o, safe);
}

}  // namespace arcane::compiler::stages
