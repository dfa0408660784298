// Partial evaluation of terms: values, refs into input and into known values,
// unification and built-in calls.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/ast/compare.h"
#include "compiler/partial/evaluator.h"
#include "runtime/value_builder.h"
#include "stdlib/builtin.h"

namespace arcane::compiler::partial {

using runtime::Value;

namespace {

const std::string* var_name(const ast::Term& t) {
  const auto* v = ast::get_if<ast::Var>(t);
  return v != nullptr ? &v->name : nullptr;
}

ast::Expr eq_expr(ast::Term a, ast::Term b, runtime::Location loc) {
  ast::Call c;
  c.terms.push_back(ast::make_operator("eq", loc));
  c.terms.push_back(std::move(a));
  c.terms.push_back(std::move(b));
  ast::Expr e;
  e.loc = loc;
  e.terms = std::move(c);
  return e;
}

// `base` followed by `parts`: a ref base is extended, anything else becomes a ref head.
ast::Term make_ref(ast::Term base, std::vector<ast::Term> parts) {
  ast::Ref r;
  if (auto* b = std::get_if<ast::Ref>(&base.value)) {
    r = std::move(*b);
  } else {
    r.parts.push_back(std::move(base));
  }
  for (auto& p : parts) r.parts.push_back(std::move(p));
  ast::Term t;
  t.value = std::move(r);
  return t;
}

}  // namespace

std::vector<ast::Term> clone_terms(const std::vector<ast::Term>& ts) {
  std::vector<ast::Term> out;
  for (const auto& t : ts) out.push_back(ast::clone(t));
  return out;
}

std::string Evaluator::unknown_name(const std::string& name, const Frame& f) const {
  return f.id == 0 ? name : name + std::to_string(f.id);
}

bool Evaluator::is_unbound_var(const ast::Term& t, const Frame& f) const {
  const std::string* n = var_name(t);
  return n != nullptr && *n != "data" && *n != "input" && f.find(*n) == nullptr;
}

bool Evaluator::has_unbound_vars(const ast::Term& t, const Frame& f) const {
  if (is_unbound_var(t, f)) return true;
  if (const auto* a = ast::get_if<ast::Array>(t)) {
    return std::any_of(a->items.begin(), a->items.end(), [&](const ast::Term& i) { return has_unbound_vars(i, f); });
  }
  if (const auto* o = ast::get_if<ast::Object>(t)) {
    return std::any_of(o->items.begin(), o->items.end(),
                       [&](const ast::ObjectItem& i) { return has_unbound_vars(i.value, f); });
  }
  return false;
}

bool Evaluator::with_unknowns(const std::vector<std::string>& fresh, Frame& f, const Next& k) {
  std::vector<std::string> bound;
  for (const auto& n : fresh) {
    if (f.find(n) != nullptr) continue;
    ast::Term v = ast::make_var(unknown_name(n, f), {});
    f.vars.emplace(n, PValue::res(std::move(v)));
    bound.push_back(n);
  }
  bool ok = k();
  for (const auto& n : bound) f.vars.erase(n);
  return ok;
}

ast::Term Evaluator::plug(const ast::Term& t, const Frame& f, std::vector<std::string>* fresh) {
  if (const std::string* n = var_name(t)) {
    if (*n == "data" || *n == "input") return ast::clone(t);
    if (const PValue* v = f.find(*n)) return v->term();
    if (fresh != nullptr) fresh->push_back(*n);
    return ast::make_var(unknown_name(*n, f), t.loc);
  }
  ast::Term out;
  out.loc = t.loc;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Ref>) {
          ast::Term head = plug(x.parts[0], f, fresh);
          std::vector<ast::Term> parts;
          for (size_t i = 1; i < x.parts.size(); ++i) parts.push_back(plug(x.parts[i], f, fresh));
          out = make_ref(std::move(head), std::move(parts));
          out.loc = t.loc;
        } else if constexpr (std::is_same_v<T, ast::Array>) {
          ast::Array a;
          for (const auto& i : x.items) a.items.push_back(plug(i, f, fresh));
          out.value = std::move(a);
        } else if constexpr (std::is_same_v<T, ast::Set>) {
          ast::Set s;
          for (const auto& i : x.items) s.items.push_back(plug(i, f, fresh));
          out.value = std::move(s);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          ast::Object o;
          for (const auto& i : x.items) o.items.push_back({plug(i.key, f, fresh), plug(i.value, f, fresh)});
          out.value = std::move(o);
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension>) {
          // Vars the body binds are its own: renamed, but not unknowns of the query.
          ast::ArrayComprehension c;
          c.term = std::make_unique<ast::Term>(plug(*x.term, f));
          c.body = plug(x.body, f);
          out.value = std::move(c);
        } else if constexpr (std::is_same_v<T, ast::SetComprehension>) {
          ast::SetComprehension c;
          c.term = std::make_unique<ast::Term>(plug(*x.term, f));
          c.body = plug(x.body, f);
          out.value = std::move(c);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          ast::ObjectComprehension c;
          c.key = std::make_unique<ast::Term>(plug(*x.key, f));
          c.value = std::make_unique<ast::Term>(plug(*x.value, f));
          c.body = plug(x.body, f);
          out.value = std::move(c);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          ast::Call c;
          c.terms.push_back(ast::clone(x.terms[0]));
          for (size_t i = 1; i < x.terms.size(); ++i) c.terms.push_back(plug(x.terms[i], f, fresh));
          out.value = std::move(c);
        } else {
          out = ast::clone(t);
        }
      },
      t.value);
  return out;
}

ast::Expr Evaluator::plug(const ast::Expr& e, const Frame& f, std::vector<std::string>* fresh) {
  ast::Expr out;
  out.loc = e.loc;
  out.negated = e.negated;
  out.generated = e.generated;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          out.terms = plug(x, f, fresh);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          ast::Call c;
          c.terms.push_back(ast::clone(x.terms[0]));
          for (size_t i = 1; i < x.terms.size(); ++i) c.terms.push_back(plug(x.terms[i], f, fresh));
          out.terms = std::move(c);
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          ast::Every ev;
          ev.loc = x.loc;
          if (x.key) ev.key = std::make_unique<ast::Term>(plug(*x.key, f));
          ev.value = std::make_unique<ast::Term>(plug(*x.value, f));
          ev.domain = std::make_unique<ast::Term>(plug(*x.domain, f, fresh));
          ev.body = plug(x.body, f);
          out.terms = std::move(ev);
        } else {
          out.terms = ast::clone(e).terms;
        }
      },
      e.terms);
  for (const auto& w : e.with) out.with.push_back(ast::With{w.loc, ast::clone(w.target), plug(w.value, f, fresh)});
  return out;
}

ast::Body Evaluator::plug(const ast::Body& b, const Frame& f) {
  ast::Body out;
  for (const auto& e : b) out.push_back(plug(e, f, nullptr));
  return out;
}

bool Evaluator::is_unknown_ref(const std::vector<ast::Term>& plugged) const {
  for (const auto& u : unknowns_) {
    if (u.empty() || ast::compare(u[0], plugged[0]) != 0) continue;
    bool overlap = true;
    for (size_t i = 1; i < u.size() && i < plugged.size(); ++i) {
      if (!is_ground_term(plugged[i])) continue;  // a var may take the unknown's key
      if (ast::compare(u[i], plugged[i]) != 0) {
        overlap = false;
        break;
      }
    }
    if (overlap) return true;
  }
  return false;
}

bool Evaluator::eval_terms(const std::vector<ast::Term>& ts, size_t i, Frame& f, std::vector<PValue>& out,
                           const std::function<bool()>& k) {
  if (i == ts.size()) return k();
  return eval_term(ts[i], f, [&](const PValue& v) {
    out.push_back(v);
    bool ok = eval_terms(ts, i + 1, f, out, k);
    out.pop_back();
    return ok;
  });
}

bool Evaluator::eval_term(const ast::Term& t, Frame& f, const ValueNext& k) {
  if (const std::string* n = var_name(t)) {
    if (const PValue* v = f.find(*n)) return k(*v);
    if (*n == "input" || *n == "data") {
      ast::Ref r;
      r.parts.push_back(ast::clone(t));
      return eval_ref(r, f, k);
    }
    std::vector<std::string> fresh{*n};
    return with_unknowns(fresh, f, [&] { return k(*f.find(*n)); });
  }
  if (auto v = term_value(t)) return k(PValue::of(std::move(*v)));
  if (const auto* r = ast::get_if<ast::Ref>(t)) return eval_ref(*r, f, k);
  if (ast::get_if<ast::ArrayComprehension>(t) != nullptr || ast::get_if<ast::SetComprehension>(t) != nullptr ||
      ast::get_if<ast::ObjectComprehension>(t) != nullptr) {
    return eval_comprehension(t, f, k);
  }
  if (ast::get_if<ast::TemplateString>(t) != nullptr || ast::get_if<ast::Call>(t) != nullptr) {
    return fail({"rego_unsupported_error", "partial evaluation does not support this term: " + ast::to_string(t),
                 t.loc, {}});
  }
  // A collection with refs or vars inside: evaluate the elements.
  std::vector<ast::Term> elems;
  const auto* obj = ast::get_if<ast::Object>(t);
  if (obj != nullptr) {
    for (const auto& i : obj->items) {
      elems.push_back(ast::clone(i.key));
      elems.push_back(ast::clone(i.value));
    }
  } else if (const auto* a = ast::get_if<ast::Array>(t)) {
    for (const auto& i : a->items) elems.push_back(ast::clone(i));
  } else if (const auto* s = ast::get_if<ast::Set>(t)) {
    for (const auto& i : s->items) elems.push_back(ast::clone(i));
  }
  std::vector<PValue> vals;
  return eval_terms(elems, 0, f, vals, [&] {
    bool known = std::all_of(vals.begin(), vals.end(), [](const PValue& v) { return v.is_known(); });
    if (known) {
      if (obj != nullptr) {
        runtime::ObjectBuilder b(vals.size() / 2);
        for (size_t i = 0; i + 1 < vals.size(); i += 2) b.insert(*vals[i].known, *vals[i + 1].known);
        return k(PValue::of(b.build()));
      }
      if (ast::get_if<ast::Array>(t) != nullptr) {
        runtime::ArrayBuilder b(vals.size());
        for (auto& v : vals) b.push_back(*v.known);
        return k(PValue::of(b.build()));
      }
      runtime::SetBuilder b(vals.size());
      for (auto& v : vals) b.insert(*v.known);
      return k(PValue::of(b.build()));
    }
    ast::Term out;
    out.loc = t.loc;
    if (obj != nullptr) {
      ast::Object o;
      for (size_t i = 0; i + 1 < vals.size(); i += 2) o.items.push_back({vals[i].term(), vals[i + 1].term()});
      out.value = std::move(o);
    } else if (ast::get_if<ast::Array>(t) != nullptr) {
      ast::Array a;
      for (auto& v : vals) a.items.push_back(v.term());
      out.value = std::move(a);
    } else {
      ast::Set s;
      for (auto& v : vals) s.items.push_back(v.term());
      out.value = std::move(s);
    }
    return k(PValue::res(std::move(out)));
  });
}

bool Evaluator::eval_parts(const std::vector<ast::Term>& parts, size_t i, Frame& f, std::vector<ast::Term>& out,
                           std::vector<std::string>& fresh, const Next& k) {
  if (i == parts.size()) return k();
  if (is_unbound_var(parts[i], f)) {
    out.push_back(plug(parts[i], f, &fresh));
    bool ok = eval_parts(parts, i + 1, f, out, fresh, k);
    out.pop_back();
    return ok;
  }
  return eval_term(parts[i], f, [&](const PValue& v) {
    out.push_back(v.term());
    bool ok = eval_parts(parts, i + 1, f, out, fresh, k);
    out.pop_back();
    return ok;
  });
}

bool Evaluator::residual_ref(ast::Term base, const std::vector<ast::Term>& parts, size_t i, Frame& f,
                             const ValueNext& k) {
  std::vector<ast::Term> out;
  std::vector<std::string> fresh;
  return eval_parts(parts, i, f, out, fresh, [&] {
    ast::Term ref = make_ref(ast::clone(base), clone_terms(out));
    return with_unknowns(fresh, f, [&] { return k(PValue::res(std::move(ref))); });
  });
}

bool Evaluator::eval_ref(const ast::Ref& r, Frame& f, const ValueNext& k) {
  const ast::Term& head = r.parts[0];
  const std::string* n = var_name(head);
  if (n != nullptr && *n == "data") return eval_data(r, f, k);
  if (n != nullptr && *n == "input") {
    std::vector<ast::Term> plugged;
    plugged.push_back(ast::clone(head));
    std::vector<std::string> fresh;
    return eval_parts(r.parts, 1, f, plugged, fresh, [&] {
      if (is_unknown_ref(plugged)) {
        ast::Term ref;
        ref.loc = head.loc;
        ref.value = ast::Ref{clone_terms(plugged)};
        return with_unknowns(fresh, f, [&] { return k(PValue::res(std::move(ref))); });
      }
      if (input_ == nullptr) return true;  // input undefined
      return walk(PValue::of(*input_), r.parts, 1, f, k);
    });
  }
  return eval_term(head, f, [&](const PValue& base) { return walk(base, r.parts, 1, f, k); });
}

bool Evaluator::walk(const PValue& base, const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k,
                     const std::vector<ast::Term>* origin) {
  if (i == parts.size()) return k(base);
  if (!base.is_known()) return residual_ref(base.term(), parts, i, f, k);
  const Value& v = *base.known;
  // Under a base document, a step keeps the document's path, so that an unknown key
  // reads `data.roles[input.role]` rather than the document's whole value.
  auto next = [&](const Value& key, const Value& elem) -> bool {
    if (origin == nullptr) return walk(PValue::of(elem), parts, i + 1, f, k);
    std::vector<ast::Term> path = clone_terms(*origin);
    path.push_back(value_term(key));
    return walk(PValue::of(elem), parts, i + 1, f, k, &path);
  };
  const ast::Term& part = parts[i];
  if (is_unbound_var(part, f)) {
    const std::string& name = *var_name(part);
    auto step = [&](Value key, const Value& elem) {
      f.vars.emplace(name, PValue::of(key));
      bool ok = next(key, elem);
      f.vars.erase(name);
      return ok;
    };
    if (v.is_array()) {
      for (size_t j = 0; j < v.size(); ++j) {
        if (!step(Value::integer(static_cast<int64_t>(j)), v.at(j))) return false;
      }
    } else if (v.is_object()) {
      for (auto e : v.entries()) {
        if (!step(e.key, e.value)) return false;
      }
    } else if (v.is_set()) {
      for (const auto& e : v.elements()) {
        if (!step(e, e)) return false;
      }
    }
    return true;
  }
  return eval_term(part, f, [&](const PValue& key) {
    if (!key.is_known()) {
      std::vector<ast::Term> first;
      first.push_back(key.term());
      ast::Term head;
      if (origin != nullptr) {
        head.value = ast::Ref{clone_terms(*origin)};
      } else {
        head = value_term(v);
      }
      return residual_ref(make_ref(std::move(head), std::move(first)), parts, i + 1, f, k);
    }
    const Value& kv = *key.known;
    if (v.is_object()) {
      const Value* e = v.find(kv);
      return e == nullptr ? true : next(kv, *e);
    }
    if (v.is_set()) return v.contains(kv) ? next(kv, kv) : true;
    if (v.is_array() && kv.is_number()) {
      auto idx = kv.number().to_int64();
      if (!idx || *idx < 0 || static_cast<size_t>(*idx) >= v.size() || !kv.number().is_integer()) return true;
      return next(kv, v.at(static_cast<size_t>(*idx)));
    }
    return true;
  });
}

bool Evaluator::compare_or_save(const PValue& a, const PValue& b, runtime::Location loc, const Next& k) {
  if (a.is_known() && b.is_known()) return *a.known == *b.known ? k() : true;
  return save(eq_expr(a.term(), b.term(), loc), k);
}

bool Evaluator::bind(const std::string& name, const PValue& v, Frame& f, const Next& k) {
  bool alias = v.is_known() || ast::get_if<ast::Var>(*v.residual) != nullptr;
  if (alias) {
    f.vars.emplace(name, v);
    bool ok = k();
    f.vars.erase(name);
    return ok;
  }
  // A residual that may be undefined (a ref into input): keep `x = input.a` so the
  // condition is not lost; copy propagation later folds it into x's uses.
  ast::Term var = ast::make_var(unknown_name(name, f), v.residual->loc);
  f.vars.emplace(name, PValue::res(ast::clone(var)));
  bool ok = save(eq_expr(std::move(var), v.term(), v.residual->loc), k);
  f.vars.erase(name);
  return ok;
}

bool Evaluator::unify_value(const ast::Term& pattern, const PValue& v, Frame& f, const Next& k, bool pattern_left) {
  if (is_unbound_var(pattern, f)) return bind(*var_name(pattern), v, f, k);
  if (!has_unbound_vars(pattern, f)) {
    return eval_term(pattern, f, [&](const PValue& p) {
      return pattern_left ? compare_or_save(p, v, pattern.loc, k) : compare_or_save(v, p, pattern.loc, k);
    });
  }
  if (v.is_known()) {
    const Value& val = *v.known;
    if (const auto* a = ast::get_if<ast::Array>(pattern)) {
      if (!val.is_array() || val.size() != a->items.size()) return true;
      std::function<bool(size_t)> step = [&](size_t j) -> bool {
        if (j == a->items.size()) return k();
        return unify_value(a->items[j], PValue::of(val.at(j)), f, [&] { return step(j + 1); });
      };
      return step(0);
    }
    if (const auto* o = ast::get_if<ast::Object>(pattern)) {
      if (!val.is_object() || val.size() != o->items.size()) return true;
      std::function<bool(size_t)> step = [&](size_t j) -> bool {
        if (j == o->items.size()) return k();
        return eval_term(o->items[j].key, f, [&](const PValue& key) {
          if (!key.is_known()) return true;
          const Value* e = val.find(*key.known);
          if (e == nullptr) return true;
          return unify_value(o->items[j].value, PValue::of(*e), f, [&] { return step(j + 1); });
        });
      };
      return step(0);
    }
    return true;
  }
  std::vector<std::string> fresh;
  ast::Term plugged = plug(pattern, f, &fresh);
  return with_unknowns(fresh, f, [&] {
    ast::Expr e = pattern_left ? eq_expr(std::move(plugged), v.term(), pattern.loc)
                               : eq_expr(v.term(), std::move(plugged), pattern.loc);
    return save(std::move(e), k);
  });
}

bool Evaluator::unify(const ast::Term& a, const ast::Term& b, Frame& f, const Next& k) {
  if (is_unbound_var(a, f) && is_unbound_var(b, f)) {
    std::vector<std::string> fresh{*var_name(b)};
    return with_unknowns(fresh, f, [&] { return bind(*var_name(a), *f.find(*var_name(b)), f, k); });
  }
  auto data_ref = [](const ast::Term& t) {
    const auto* r = ast::get_if<ast::Ref>(t);
    const auto* head = r != nullptr ? ast::get_if<ast::Var>(r->parts[0]) : nullptr;
    return head != nullptr && head->name == "data";
  };
  if (has_unbound_vars(a, f)) {
    if (data_ref(b)) ref_hint_ = term_value(a);
    return eval_term(b, f, [&](const PValue& v) { return unify_value(a, v, f, k); });
  }
  if (data_ref(a)) ref_hint_ = term_value(b);
  return eval_term(a, f, [&](const PValue& v) { return unify_value(b, v, f, k, false); });
}

bool Evaluator::eval_call(const ast::Expr& e, const std::vector<ast::Term>& terms, Frame& f, const Next& k) {
  const auto* op = ast::get_if<ast::Ref>(terms[0]);
  if (op == nullptr) return fail({"rego_unsupported_error", "partial evaluation: call of a non-ref", e.loc, {}});
  std::string name = ast::to_string(op->parts);
  if ((name == "eq" || name == "assign") && terms.size() == 3) return unify(terms[1], terms[2], f, k);
  if (name == "print" || name == "internal.print") return k();
  if (const std::string* head = var_name(op->parts[0]); head != nullptr && *head == "data") {
    return eval_function(e, terms, op->parts, f, k);
  }
  return eval_builtin(e, terms, name, f, k);
}

bool Evaluator::eval_builtin(const ast::Expr& e, const std::vector<ast::Term>& terms, const std::string& name,
                             Frame& f, const Next& k) {
  const BuiltinSignature* sig = program_.builtins ? program_.builtins->find(name) : nullptr;
  const stdlib::Builtin* impl = stdlib::find_builtin(name);
  size_t arity = sig != nullptr ? static_cast<size_t>(sig->arity) : terms.size() - 1;
  if (impl != nullptr && sig == nullptr) arity = impl->decl.type.arity();
  if (terms.size() - 1 < arity) arity = terms.size() - 1;
  bool has_out = terms.size() - 1 == arity + 1;
  std::vector<ast::Term> operands;
  for (size_t i = 1; i <= arity; ++i) operands.push_back(ast::clone(terms[i]));
  std::vector<PValue> args;
  return eval_terms(operands, 0, f, args, [&]() -> bool {
    bool known = std::all_of(args.begin(), args.end(), [](const PValue& v) { return v.is_known(); });
    if (known && impl != nullptr && !impl->decl.nondeterministic) {
      std::vector<Value> vals;
      for (const auto& a : args) vals.push_back(*a.known);
      stdlib::BuiltinResult r = stdlib::invoke(*impl, builtin_ctx_, vals);
      if (r.is_error()) {
        if (r.error().halt) return fail({r.error().code, r.error().message, e.loc, {}});
        return true;  // OPA's default: a built-in error makes the expression undefined
      }
      if (r.is_undefined()) return true;
      const Value& result = r.value();
      auto deliver = [&](const Value& out) -> bool {
        if (has_out) return unify_value(terms.back(), PValue::of(out), f, k);
        if (out.is_boolean() && !out.as_bool()) return true;
        return k();
      };
      if (impl->decl.relation && result.is_array()) {
        for (const auto& item : result.elements()) {
          if (!deliver(item)) return false;
        }
        return true;
      }
      return deliver(result);
    }
    // Saved with the known operands plugged in; an output var becomes an unknown.
    ast::Call c;
    c.terms.push_back(ast::clone(terms[0]));
    for (const auto& a : args) c.terms.push_back(a.term());
    std::vector<std::string> fresh;
    if (has_out) c.terms.push_back(plug(terms.back(), f, &fresh));
    ast::Expr saved;
    saved.loc = e.loc;
    saved.terms = std::move(c);
    return with_unknowns(fresh, f, [&] { return save(std::move(saved), k); });
  });
}

}  // namespace arcane::compiler::partial
