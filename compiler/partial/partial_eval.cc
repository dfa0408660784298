// Partial evaluation: the entry point, query bodies, expressions, negation and
// comprehensions (see evaluator.h for the shape of the evaluator).
#include "compiler/partial/partial_eval.h"

#include <algorithm>
#include <optional>

#include "compiler/ast/ast_string.h"
#include "compiler/partial/evaluator.h"
#include "runtime/deep_stack.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::partial {

namespace {

constexpr int kMaxDepth = 2000;  // nested rule, function and comprehension evaluations
constexpr int kMaxExprDepth = 40000;  // expressions in flight (see eval_expr), ~3 KB of stack each

bool is_false(const PValue& v) { return v.is_known() && v.known->is_boolean() && !v.known->as_bool(); }

void collect_vars(const ast::Term& t, std::set<std::string>& out);

void collect_vars(const ast::Body& b, std::set<std::string>& out);

void collect_vars(const ast::Expr& e, std::set<std::string>& out) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          collect_vars(x, out);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (size_t i = 1; i < x.terms.size(); ++i) collect_vars(x.terms[i], out);
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          collect_vars(*x.domain, out);
          collect_vars(x.body, out);
        }
      },
      e.terms);
  for (const auto& w : e.with) collect_vars(w.value, out);
}

void collect_vars(const ast::Body& b, std::set<std::string>& out) {
  for (const auto& e : b) collect_vars(e, out);
}

void collect_vars(const ast::Term& t, std::set<std::string>& out) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Var>) {
          out.insert(x.name);
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          for (size_t i = 0; i < x.parts.size(); ++i) {
            if (i == 0 && ast::get_if<ast::Var>(x.parts[0]) != nullptr) {
              const auto& n = ast::get_if<ast::Var>(x.parts[0])->name;
              if (n == "data" || n == "input") continue;
            }
            collect_vars(x.parts[i], out);
          }
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          for (const auto& i : x.items) collect_vars(i, out);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& i : x.items) {
            collect_vars(i.key, out);
            collect_vars(i.value, out);
          }
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension> || std::is_same_v<T, ast::SetComprehension>) {
          collect_vars(*x.term, out);
          collect_vars(x.body, out);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          collect_vars(*x.key, out);
          collect_vars(*x.value, out);
          collect_vars(x.body, out);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (size_t i = 1; i < x.terms.size(); ++i) collect_vars(x.terms[i], out);
        }
      },
      t.value);
}

ast::Expr term_expr(ast::Term t, runtime::Location loc) {
  ast::Expr e;
  e.loc = loc;
  e.terms = std::move(t);
  return e;
}

}  // namespace

Evaluator::Evaluator(const CompiledProgram& program, const PartialOptions& options)
    : program_(program), options_(options), input_(options.input) {
  for (const auto& u : options.unknowns) unknowns_.push_back(clone_terms(u));
}

bool Evaluator::fail(runtime::Diagnostic d) {
  if (!error_) error_ = std::move(d);
  return false;
}

bool Evaluator::save(ast::Expr e, const Next& k) {
  saved_.push_back(std::move(e));
  bool ok = k();
  saved_.pop_back();
  return ok;
}

bool Evaluator::save_all(const ast::Body& exprs, const Next& k) {
  size_t n = saved_.size();
  for (const auto& e : exprs) saved_.push_back(ast::clone(e));
  bool ok = k();
  saved_.resize(n);
  return ok;
}

runtime::Result<PartialResult> Evaluator::run(const ast::Body& query) {
  std::set<std::string> vars;
  collect_vars(query, vars);
  for (const auto& v : vars) {
    if (v.rfind("__", 0) != 0 && v.rfind('$', 0) != 0) live_.insert(v);
  }
  // Generated query vars (`__localq0__`) are kept only when they stand for a user's var.
  for (const auto& v : options_.query_vars) {
    if (v.rfind('$', 0) != 0 && (v.rfind("__", 0) != 0 || options_.rename.count(v) != 0)) live_.insert(v);
  }
  Frame f;
  f.id = 0;
  bool ok = eval_body(query, 0, f, [&] {
    ast::Body q = ast::clone(saved_);
    // The values of the query's own vars, as `x = value` (OPA appends the bindings so
    // that whoever evaluates the result can read them).
    for (const auto& name : live_) {
      auto it = f.vars.find(name);
      if (it == f.vars.end()) continue;
      const PValue& v = it->second;
      if (!v.is_known()) {
        const auto* var = ast::get_if<ast::Var>(*v.residual);
        if (var != nullptr && var->name == name) continue;  // an unknown of the result itself
      }
      ast::Call c;
      c.terms.push_back(ast::make_operator("eq", {}));
      c.terms.push_back(ast::make_var(name, {}));
      c.terms.push_back(v.term());
      ast::Expr e;
      e.terms = std::move(c);
      q.push_back(std::move(e));
    }
    results_.push_back(std::move(q));
    return true;
  });
  if (!ok || error_) {
    if (error_) return *error_;
    return runtime::Diagnostic{"eval_internal_error", "partial evaluation failed", {}, {}};
  }
  PartialResult out;
  for (auto& q : results_) {
    propagate_copies(q, live_);
    for (const auto& [from, to] : options_.rename) rename_var(q, from, to);
    for (size_t i = 0; i < q.size(); ++i) q[i].index = static_cast<uint32_t>(i);
    out.queries.push_back(std::move(q));
  }
  out.support = support_modules();
  return out;
}

bool Evaluator::eval_body(const ast::Body& body, size_t i, Frame& f, const Next& k) {
  if (i == body.size()) return k();
  return eval_expr(body[i], f, [&] { return eval_body(body, i + 1, f, k); });
}

bool Evaluator::eval_expr(const ast::Expr& e, Frame& f, const Next& k) {
  // Each expression evaluates the rest of its body inside its continuation, so the C++
  // stack grows with the number of expressions in flight: bound it rather than overflow.
  if (++expr_depth_ > std::min(options_.max_expr_depth, kMaxExprDepth)) {
    --expr_depth_;
    return fail({"eval_internal_error", "partial evaluation: too many nested expressions", e.loc, {}});
  }
  bool ok = eval_expr_step(e, f, k);
  --expr_depth_;
  return ok;
}

bool Evaluator::eval_expr_step(const ast::Expr& e, Frame& f, const Next& k) {
  if (!e.with.empty()) {
    // `with input as <known value>` is evaluated, as OPA does; other `with`s keep the
    // expression (plugged), which stays correct because the result is evaluated against
    // the same policy.
    if (e.with.size() == 1) {
      const auto* target = ast::get_if<ast::Ref>(e.with[0].target);
      const auto* var = ast::get_if<ast::Var>(e.with[0].target);
      bool is_input = (var != nullptr && var->name == "input") ||
                      (target != nullptr && target->parts.size() == 1 && ast::get_if<ast::Var>(target->parts[0]) != nullptr &&
                       ast::get_if<ast::Var>(target->parts[0])->name == "input");
      std::optional<runtime::Value> value;
      if (is_input) {
        bool ok = eval_term(e.with[0].value, f, [&](const PValue& v) {
          if (v.is_known()) value = *v.known;
          return true;
        });
        if (!ok) return false;
      }
      if (value) return eval_with_input(e, *value, f, k);
    }
    std::vector<std::string> fresh;
    ast::Expr plugged = plug(e, f, &fresh);
    return with_unknowns(fresh, f, [&] { return save(std::move(plugged), k); });
  }
  if (e.negated) return eval_not(e, f, k);
  return std::visit(
      [&](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          return eval_term(x, f, [&](const PValue& v) {
            if (v.is_known()) return is_false(v) ? true : k();
            return save(term_expr(v.term(), e.loc), k);
          });
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          return eval_call(e, x.terms, f, k);
        } else if constexpr (std::is_same_v<T, ast::SomeDecl>) {
          return k();
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          return eval_every(e, x, f, k);
        } else {
          return fail({"rego_unsupported_error", "partial evaluation does not support `and` / `or` / `not { }`",
                       e.loc, {}});
        }
      },
      e.terms);
}

bool Evaluator::eval_with_input(const ast::Expr& e, const runtime::Value& input, Frame& f, const Next& k) {
  ast::Expr inner = ast::clone(e);
  inner.with.clear();
  const runtime::Value* saved_input = input_;
  auto saved_unknowns = std::move(unknowns_);
  unknowns_.clear();
  for (auto& u : saved_unknowns) {
    const auto* root = ast::get_if<ast::Var>(u[0]);
    if (root == nullptr || root->name != "input") unknowns_.push_back(clone_terms(u));
  }
  input_ = &input;
  // The rest of the query runs with the outer input again.
  bool ok = eval_expr(inner, f, [&] {
    std::swap(unknowns_, saved_unknowns);
    input_ = saved_input;
    bool r = k();
    std::swap(unknowns_, saved_unknowns);
    input_ = &input;
    return r;
  });
  unknowns_ = std::move(saved_unknowns);
  input_ = saved_input;
  return ok;
}

bool Evaluator::eval_every(const ast::Expr& e, const ast::Every& every, Frame& f, const Next& k) {
  auto save_whole = [&] {
    std::vector<std::string> fresh;
    ast::Expr plugged = plug(e, f, &fresh);
    return with_unknowns(fresh, f, [&] { return save(std::move(plugged), k); });
  };
  std::optional<runtime::Value> domain;
  bool ok = eval_term(*every.domain, f, [&](const PValue& v) {
    if (v.is_known()) domain = *v.known;
    return true;
  });
  if (!ok) return false;
  if (!domain) return save_whole();
  // Decided when every element's body is decided: false at the first element whose body
  // fails, true when each holds without conditions.
  std::vector<std::pair<runtime::Value, runtime::Value>> elems;
  if (domain->is_array()) {
    for (size_t i = 0; i < domain->size(); ++i) elems.emplace_back(runtime::Value::integer(static_cast<int64_t>(i)), domain->at(i));
  } else if (domain->is_object()) {
    for (auto en : domain->entries()) elems.emplace_back(en.key, en.value);
  } else if (domain->is_set()) {
    for (const auto& el : domain->elements()) elems.emplace_back(el, el);
  }
  bool unknown = false;
  for (const auto& [key, value] : elems) {
    Frame child;
    child.id = f.id;
    child.parent = &f;
    const auto* kv = every.key ? ast::get_if<ast::Var>(*every.key) : nullptr;
    const auto* vv = ast::get_if<ast::Var>(*every.value);
    if (kv != nullptr) child.vars.emplace(kv->name, PValue::of(key));
    if (vv != nullptr) child.vars.emplace(vv->name, PValue::of(value));
    std::vector<Outcome> outs;
    if (!collect(every.body, child, nullptr, nullptr, outs, false)) return false;
    if (outs.empty()) return true;  // a counterexample: `every` fails
    if (std::none_of(outs.begin(), outs.end(), [](const Outcome& o) { return o.saved.empty(); })) unknown = true;
  }
  return unknown ? save_whole() : k();
}

bool Evaluator::collect(const ast::Body& body, Frame& f, const ast::Term* key, const ast::Term* value,
                        std::vector<Outcome>& out, bool new_scope) {
  if (++depth_ > kMaxDepth) {
    --depth_;
    return fail({"eval_internal_error", "partial evaluation: maximum nesting depth exceeded", {}, {}});
  }
  Frame child;
  child.id = new_scope ? new_frame_id() : f.id;
  child.parent = new_scope ? nullptr : &f;
  if (new_scope) child.vars = f.vars;  // arguments bound by the caller
  std::vector<ast::Expr> outer;
  outer.swap(saved_);
  bool ok = eval_body(body, 0, child, [&] {
    Outcome o;
    o.saved = ast::clone(saved_);
    if (key != nullptr) {
      bool got = eval_term(*key, child, [&](const PValue& v) {
        o.key = v;
        return true;
      });
      if (!got) return false;
    }
    if (value != nullptr) {
      bool got = eval_term(*value, child, [&](const PValue& v) {
        o.value = v;
        return true;
      });
      if (!got) return false;
    }
    out.push_back(std::move(o));
    return true;
  });
  saved_.swap(outer);
  --depth_;
  return ok && !error_;
}

bool Evaluator::eval_not(const ast::Expr& e, Frame& f, const Next& k) {
  ast::Expr inner = ast::clone(e);
  inner.negated = false;
  ast::Body body;
  body.push_back(std::move(inner));
  std::vector<Outcome> outcomes;
  if (!collect(body, f, nullptr, nullptr, outcomes, false)) return false;
  if (outcomes.empty()) return k();
  // Locals of the negated evaluation are not seen outside it: fold their copies first, so
  // that `x = input.a; x in s` is the one expression `input.a in s`.
  std::set<std::string> outside = live_;
  collect_vars(saved_, outside);
  for (auto& o : outcomes) {
    propagate_copies(o.saved, outside);
    if (o.saved.empty()) return true;  // the negated expression holds: `not` fails
  }
  if (outcomes.size() == 1 && outcomes[0].saved.size() == 1) {
    ast::Expr negated = ast::clone(outcomes[0].saved[0]);
    negated.negated = !negated.negated;
    return save(std::move(negated), k);
  }
  // Several alternatives, or a conjunction: a support rule that holds when one of them
  // does, negated here (OPA's __not<N>__ rules). Its arguments are the unknown vars the
  // alternatives share with the rest of the query.
  std::set<std::string> vars;
  for (const auto& o : outcomes) collect_vars(o.saved, vars);
  std::vector<ast::Term> args;
  for (const auto& v : vars) {
    for (const auto& s : saved_) {
      std::set<std::string> outer;
      collect_vars(s, outer);
      if (outer.count(v) != 0) {
        args.push_back(ast::make_var(v, e.loc));
        break;
      }
    }
  }
  if (f.id == 0) {
    std::set<std::string> query_vars;
    for (const auto& v : vars) {
      if (live_.count(v) != 0 && std::none_of(args.begin(), args.end(), [&](const ast::Term& a) {
            return ast::get_if<ast::Var>(a)->name == v;
          })) {
        args.push_back(ast::make_var(v, e.loc));
      }
    }
  }
  // The same negation reached again (another rule, another iteration) reuses its rule.
  std::set<std::string> arg_names;
  for (const auto& a : args) arg_names.insert(ast::get_if<ast::Var>(a)->name);
  std::string key;
  for (const auto& o : outcomes) {
    ast::Body canonical = ast::clone(o.saved);
    std::set<std::string> local;
    collect_vars(canonical, local);
    size_t n = 0;
    for (const auto& v : local) {
      if (arg_names.count(v) == 0) rename_var(canonical, v, "$c" + std::to_string(n++));
    }
    key += ast::to_string(canonical) + " | ";
  }
  for (const auto& a : arg_names) key += a + ",";
  auto known = not_rules_.find(key);
  bool fresh_rule = known == not_rules_.end();
  std::string name = fresh_rule ? "__not" + std::to_string(++not_counter_) + "__" : known->second;
  if (fresh_rule) not_rules_.emplace(key, name);
  std::vector<ast::Term> path;
  path.push_back(ast::make_var("data", e.loc));
  path.push_back(ast::make_string(options_.ns, e.loc));
  path.push_back(ast::make_string(name, e.loc));
  for (const auto& o : outcomes) {
    if (!fresh_rule) break;
    ast::Rule r;
    r.head.name = name;
    r.head.ref.push_back(ast::make_var(name, e.loc));
    for (const auto& a : args) r.head.args.push_back(ast::clone(a));
    r.head.value = std::make_unique<ast::Term>(ast::make_boolean(true, e.loc));
    r.body = ast::clone(o.saved);
    propagate_copies(r.body, arg_names);
    std::vector<ast::Term> rule_path;
    rule_path.push_back(ast::make_var("data", e.loc));
    rule_path.push_back(ast::make_string(name, e.loc));
    add_support_rule(rule_path, std::move(r));
  }
  ast::Term ref;
  ref.value = ast::Ref{std::move(path)};
  ast::Expr call;
  call.loc = e.loc;
  call.negated = true;
  if (args.empty()) {
    call.terms = std::move(ref);
  } else {
    ast::Call c;
    c.terms.push_back(std::move(ref));
    for (auto& a : args) c.terms.push_back(std::move(a));
    call.terms = std::move(c);
  }
  return save(std::move(call), k);
}

bool Evaluator::eval_comprehension(const ast::Term& t, Frame& f, const ValueNext& k) {
  const ast::Body* body = nullptr;
  const ast::Term* key = nullptr;
  const ast::Term* value = nullptr;
  if (const auto* a = ast::get_if<ast::ArrayComprehension>(t)) {
    body = &a->body;
    value = a->term.get();
  } else if (const auto* s = ast::get_if<ast::SetComprehension>(t)) {
    body = &s->body;
    value = s->term.get();
  } else if (const auto* o = ast::get_if<ast::ObjectComprehension>(t)) {
    body = &o->body;
    key = o->key.get();
    value = o->value.get();
  }
  std::vector<Outcome> outcomes;
  if (!collect(*body, f, key, value, outcomes, false)) return false;
  bool known = std::all_of(outcomes.begin(), outcomes.end(), [](const Outcome& o) {
    return o.saved.empty() && o.value.is_known() && (o.key.is_known() || !o.key.residual);
  });
  if (!known) return k(PValue::res(plug(t, f)));  // saved whole, as OPA does
  if (ast::get_if<ast::ArrayComprehension>(t) != nullptr) {
    runtime::ArrayBuilder b(outcomes.size());
    for (auto& o : outcomes) b.push_back(*o.value.known);
    return k(PValue::of(b.build()));
  }
  if (ast::get_if<ast::SetComprehension>(t) != nullptr) {
    runtime::SetBuilder b(outcomes.size());
    for (auto& o : outcomes) b.insert(*o.value.known);
    return k(PValue::of(b.build()));
  }
  runtime::ObjectBuilder b(outcomes.size());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (*outcomes[j].key.known == *outcomes[i].key.known && !(*outcomes[j].value.known == *outcomes[i].value.known)) {
        return fail({"eval_conflict_error", "object keys must be unique", t.loc, {}});
      }
    }
    b.insert(*outcomes[i].key.known, *outcomes[i].value.known);
  }
  return k(PValue::of(b.build()));
}

runtime::Result<PartialResult> partial_eval(const CompiledProgram& program, const ast::Body& query,
                                            const PartialOptions& options) {
  // The evaluator recurses once per expression in flight (see eval_expr); it runs on a
  // thread of its own with a stack sized for kMaxExprDepth, so a long policy is an error
  // at that limit, never a stack overflow.
  Evaluator ev(program, options);
  std::optional<runtime::Result<PartialResult>> result;
  runtime::run_with_stack(runtime::kDeepStackBytes, [&] { result.emplace(ev.run(query)); });
  return std::move(*result);
}

}  // namespace arcane::compiler::partial
