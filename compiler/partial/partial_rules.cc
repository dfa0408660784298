// Partial evaluation of data refs: base documents, rule groups (complete, partial set,
// partial object) and functions, and the choice between inlining a rule's bodies into the
// query and referring to a support rule.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/partial/evaluator.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::partial {

using runtime::Value;

namespace {

bool all_known(const std::vector<Outcome>& outs) {
  return std::all_of(outs.begin(), outs.end(), [](const Outcome& o) {
    return o.saved.empty() && (o.value.is_known() || !o.value.residual) && (o.key.is_known() || !o.key.residual);
  });
}

// The head term that is the key of a partial object rule at `node_depth` path elements.
// The rule's own head term, not the rule tree's copy: the tree was built before the
// rule's locals were renamed.
const ast::Term* object_key(const RuleEntry& entry, size_t node_depth) {
  if (entry.path.size() != node_depth + 1 || entry.rule->head.ref.size() < 2) return nullptr;
  return &entry.rule->head.ref.back();
}

}  // namespace

bool Evaluator::eval_data(const ast::Ref& r, Frame& f, const ValueNext& k) {
  std::optional<Value> hint = std::move(ref_hint_);
  ref_hint_.reset();
  if (is_unknown_ref(r.parts)) return residual_ref(ast::clone(r.parts[0]), r.parts, 1, f, k);
  Value base = options_.data != nullptr ? *options_.data : Value::empty_object();
  // The tree's root sits above `data`: its one child is the data node.
  const RuleTreeNode* root = program_.rule_tree ? program_.rule_tree->child(r.parts[0]) : nullptr;
  std::vector<ast::Term> data_path;
  data_path.push_back(ast::clone(r.parts[0]));
  if (root == nullptr) return walk(PValue::of(base), r.parts, 1, f, k, &data_path);
  std::vector<ast::Term> path;
  path.push_back(ast::clone(r.parts[0]));
  return eval_node(*root, std::move(path), base, true, r.parts, 1, f, k, hint ? &*hint : nullptr);
}

bool Evaluator::eval_node(const RuleTreeNode& node, std::vector<ast::Term> path, Value base, bool has_base,
                          const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k,
                          const Value* hint) {
  if (!node.rules.empty()) return eval_rules(node, path, parts, i, f, k, hint);
  if (i == parts.size()) {
    bool ok = true;
    auto v = node_value(node, path, has_base ? &base : nullptr, ok);
    if (!ok) return false;
    return v ? k(PValue::of(std::move(*v))) : true;
  }
  if (node.children.empty()) return has_base ? walk(PValue::of(base), parts, i, f, k, &path) : true;
  auto descend = [&](const Value& key) -> bool {
    ast::Term kt = value_term(key);
    const Value* sub = has_base && base.is_object() ? base.find(key) : nullptr;
    const RuleTreeNode* child = node.child(kt);
    if (child != nullptr && !child->hide) {
      std::vector<ast::Term> p = clone_terms(path);
      p.push_back(std::move(kt));
      return eval_node(*child, std::move(p), sub ? *sub : Value(), sub != nullptr, parts, i + 1, f, k, hint);
    }
    if (sub == nullptr) return true;
    std::vector<ast::Term> p = clone_terms(path);
    p.push_back(std::move(kt));
    return walk(PValue::of(*sub), parts, i + 1, f, k, &p);
  };
  const ast::Term& part = parts[i];
  if (is_unbound_var(part, f)) {
    const std::string& name = std::get<ast::Var>(part.value).name;
    std::vector<Value> keys;
    for (const auto& c : node.children) {
      if (auto kv = term_value(c->key); kv && !c->hide) keys.push_back(*kv);
    }
    if (has_base && base.is_object()) {
      for (auto e : base.entries()) {
        if (std::find(keys.begin(), keys.end(), e.key) == keys.end()) keys.push_back(e.key);
      }
    }
    for (const auto& key : keys) {
      f.vars.emplace(name, PValue::of(key));
      bool ok = descend(key);
      f.vars.erase(name);
      if (!ok) return false;
    }
    return true;
  }
  return eval_term(part, f, [&](const PValue& key) {
    if (key.is_known()) return descend(*key.known);
    std::vector<ast::Term> all = clone_terms(path);
    all.push_back(key.term());
    ast::Term ref;
    ref.value = ast::Ref{std::move(all)};
    return residual_ref(std::move(ref), parts, i + 1, f, k);
  });
}

std::optional<Value> Evaluator::node_value(const RuleTreeNode& node, const std::vector<ast::Term>& path,
                                           const Value* base, bool& ok) {
  runtime::ObjectBuilder b(node.children.size());
  if (base != nullptr && base->is_object()) {
    for (auto e : base->entries()) {
      if (node.child(value_term(e.key)) == nullptr) b.insert(e.key, e.value);
    }
  } else if (base != nullptr && node.children.empty()) {
    return *base;
  }
  for (const auto& c : node.children) {
    if (c->hide) continue;
    std::vector<ast::Term> p = clone_terms(path);
    p.push_back(ast::clone(c->key));
    auto key = term_value(c->key);
    const Value* sub = base != nullptr && base->is_object() && key ? base->find(*key) : nullptr;
    std::optional<Value> v;
    if (!c->rules.empty()) {
      Frame scratch;
      scratch.id = new_frame_id();
      int calls = 0;
      bool done = eval_rules(*c, p, p, p.size(), scratch, [&](const PValue& pv) {
        ++calls;
        if (!pv.is_known()) {
          return fail({"rego_unsupported_error",
                       "partial evaluation: " + path_string(p) + " depends on unknowns; refer to its rules directly",
                       {}, {}});
        }
        v = *pv.known;
        return true;
      });
      if (!done || calls > 1) {
        if (!error_) fail({"rego_unsupported_error", "partial evaluation: " + path_string(p) + " depends on unknowns", {}, {}});
        ok = false;
        return std::nullopt;
      }
    } else {
      v = node_value(*c, p, sub, ok);
      if (!ok) return std::nullopt;
    }
    if (v && key) b.insert(*key, std::move(*v));
  }
  return b.build();
}

bool Evaluator::rule_outcomes(const ast::Rule& rule, const std::vector<PValue>* args, const ast::Term* key,
                              std::vector<Outcome>& out) {
  if (++depth_ > 2000) {
    --depth_;
    return fail({"eval_internal_error", "partial evaluation: maximum nesting depth exceeded", rule.loc, {}});
  }
  Frame frame;
  frame.id = new_frame_id();
  std::vector<ast::Expr> outer;
  outer.swap(saved_);
  auto finish = [&]() -> bool {
    Outcome o;
    o.saved = ast::clone(saved_);
    bool got = true;
    if (key != nullptr) {
      got = eval_term(*key, frame, [&](const PValue& v) {
        o.key = v;
        return true;
      });
    }
    if (got && rule.head.value) {
      got = eval_term(*rule.head.value, frame, [&](const PValue& v) {
        o.value = v;
        return true;
      });
    }
    if (!got) return false;
    out.push_back(std::move(o));
    return true;
  };
  std::function<bool(size_t)> bind_args = [&](size_t j) -> bool {
    if (args == nullptr || j == args->size() || j == rule.head.args.size()) {
      return eval_body(rule.body, 0, frame, finish);
    }
    return unify_value(rule.head.args[j], (*args)[j], frame, [&] { return bind_args(j + 1); });
  };
  bool ok = bind_args(0);
  saved_.swap(outer);
  --depth_;
  return ok && !error_;
}

// The outcomes of a rule: every way its body succeeds, or, for an else chain decided by
// known values, the first link that succeeds (needs_support when a link of the chain
// depends on unknowns: the chain's order must then be kept in a support rule).
bool Evaluator::eval_known_chain(const ast::Rule& rule, std::vector<Outcome>& out, bool& needs_support) {
  if (!rule.else_rule) return rule_outcomes(rule, nullptr, nullptr, out);
  for (const ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
    std::vector<Outcome> outs;
    if (!rule_outcomes(*r, nullptr, nullptr, outs)) return false;
    if (outs.empty()) continue;
    if (!all_known(outs)) {
      needs_support = true;
      return true;
    }
    out.push_back(std::move(outs.front()));
    return true;
  }
  return true;
}

bool Evaluator::eval_rules(const RuleTreeNode& node, const std::vector<ast::Term>& path,
                           const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k,
                           const Value* hint) {
  RuleKind kind = rule_kind(*node.rules.front().rule);
  if (kind == RuleKind::kFunction) return true;  // a function's document is undefined
  auto via_support = [&]() -> bool {
    ast::Term ref;
    if (!make_support(node, path, ref)) return false;
    return walk(PValue::res(std::move(ref)), parts, i, f, k);
  };
  if (options_.disable_inlining) return via_support();
  const ast::Rule* default_rule = nullptr;
  std::vector<Outcome> outs;
  bool has_else = false;
  for (const auto& entry : node.rules) {
    const ast::Rule& r = *entry.rule;
    if (r.is_default) {
      default_rule = &r;
      continue;
    }
    has_else = has_else || r.else_rule != nullptr;
    if (kind == RuleKind::kComplete) {
      bool needs_support = false;
      if (!eval_known_chain(r, outs, needs_support)) return false;
      if (needs_support) return via_support();
      continue;
    }
    const ast::Term* key = kind == RuleKind::kPartialSet ? r.head.key.get() : object_key(entry, path.size());
    if (key == nullptr) {
      return fail({"rego_unsupported_error",
                   "partial evaluation does not support the rule " + path_string(entry.path) + " (nested ref head)",
                   r.loc, {}});
    }
    if (!rule_outcomes(r, nullptr, key, outs)) return false;
  }
  if (all_known(outs)) {
    if (kind == RuleKind::kComplete) {
      for (size_t j = 1; j < outs.size(); ++j) {
        if (!(*outs[j].value.known == *outs[0].value.known)) {
          return fail({"eval_conflict_error", "complete rules must not produce multiple outputs",
                       node.rules.front().rule->loc, {}});
        }
      }
      if (!outs.empty()) return walk(outs.front().value, parts, i, f, k);
      if (default_rule == nullptr || !default_rule->head.value) return true;
      auto dv = term_value(*default_rule->head.value);
      if (!dv) return via_support();
      return walk(PValue::of(*dv), parts, i, f, k);
    }
    if (kind == RuleKind::kPartialSet) {
      runtime::SetBuilder b(outs.size());
      for (auto& o : outs) b.insert(*o.key.known);
      return walk(PValue::of(b.build()), parts, i, f, k);
    }
    runtime::ObjectBuilder b(outs.size());
    for (size_t j = 0; j < outs.size(); ++j) {
      for (size_t m = 0; m < j; ++m) {
        if (*outs[m].key.known == *outs[j].key.known && !(*outs[m].value.known == *outs[j].value.known)) {
          return fail({"eval_conflict_error", "object keys must be unique", node.rules.front().rule->loc, {}});
        }
      }
      b.insert(*outs[j].key.known, *outs[j].value.known);
    }
    return walk(PValue::of(b.build()), parts, i, f, k);
  }
  // Some body depends on unknowns. Inline each way it can succeed when that keeps the
  // meaning (OPA: no default, no else; a set or object only when a key is asked for);
  // otherwise refer to a support rule.
  if (kind == RuleKind::kComplete) {
    // OPA: the default may be needed unless the ref is unified with another constant.
    bool default_needed = default_rule != nullptr;
    if (default_needed && hint != nullptr && i == parts.size() && default_rule->head.value) {
      auto dv = term_value(*default_rule->head.value);
      default_needed = !dv || *dv == *hint;
    }
    if (default_needed || has_else) return via_support();
    for (const auto& o : outs) {
      if (!save_all(o.saved, [&] { return walk(o.value, parts, i, f, k); })) return false;
    }
    return true;
  }
  if (i == parts.size()) return via_support();
  for (const auto& o : outs) {
    bool ok = save_all(o.saved, [&] {
      return unify_value(parts[i], o.key, f, [&] {
        return walk(kind == RuleKind::kPartialSet ? o.key : o.value, parts, i + 1, f, k);
      });
    });
    if (!ok) return false;
  }
  return true;
}

bool Evaluator::eval_function(const ast::Expr& e, const std::vector<ast::Term>& terms,
                              const std::vector<ast::Term>& path, Frame& f, const Next& k) {
  const std::vector<RuleEntry>* rules = program_.rules_exact(path);
  if (rules == nullptr || rules->empty()) {
    return fail({"rego_type_error", "undefined function " + path_string(path), e.loc, {}});
  }
  size_t arity = rules->front().rule->head.args.size();
  bool has_out = terms.size() - 1 == arity + 1;
  std::vector<ast::Term> operands;
  for (size_t j = 1; j <= arity && j < terms.size(); ++j) operands.push_back(ast::clone(terms[j]));
  std::vector<PValue> args;
  return eval_terms(operands, 0, f, args, [&]() -> bool {
    std::vector<Outcome> outs;
    const ast::Rule* default_rule = nullptr;
    for (const auto& entry : *rules) {
      if (entry.rule->is_default) {
        default_rule = entry.rule;
        continue;
      }
      for (const ast::Rule* r = entry.rule; r != nullptr; r = r->else_rule.get()) {
        std::vector<Outcome> mine;
        if (!rule_outcomes(*r, &args, nullptr, mine)) return false;
        if (mine.empty()) continue;
        if (r->else_rule != nullptr && !all_known(mine)) {
          return fail({"rego_unsupported_error",
                       "partial evaluation does not support an else chain of " + path_string(path) +
                           " that depends on unknowns",
                       e.loc, {}});
        }
        for (auto& o : mine) outs.push_back(std::move(o));
        break;
      }
    }
    auto deliver = [&](const PValue& v) -> bool {
      if (has_out) return unify_value(terms.back(), v, f, k);
      if (v.is_known()) return v.known->is_boolean() && !v.known->as_bool() ? true : k();
      ast::Expr saved;
      saved.loc = e.loc;
      saved.terms = v.term();
      return save(std::move(saved), k);
    };
    if (all_known(outs)) {
      for (size_t j = 1; j < outs.size(); ++j) {
        if (!(*outs[j].value.known == *outs[0].value.known)) {
          return fail({"eval_conflict_error", "functions must not produce multiple outputs for same inputs", e.loc, {}});
        }
      }
      if (!outs.empty()) return deliver(outs.front().value);
      if (default_rule == nullptr || !default_rule->head.value) return true;
      auto dv = term_value(*default_rule->head.value);
      return dv ? deliver(PValue::of(*dv)) : true;
    }
    if (default_rule != nullptr) {
      return fail({"rego_unsupported_error",
                   "partial evaluation does not support a default function that depends on unknowns", e.loc, {}});
    }
    for (const auto& o : outs) {
      if (!save_all(o.saved, [&] { return deliver(o.value); })) return false;
    }
    return true;
  });
}

}  // namespace arcane::compiler::partial
