// Planning bodies and expressions: negation, `with`, calls, `every`, and the experimental
// `and` / `or` / `not { }` forms.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/plan/planner_impl.h"

namespace arcane::compiler::plan {

using ir::StmtKind;

void Planner::plan_body(const ast::Body& body, size_t index, const Iter& iter) {
  if (failed()) return;
  if (trace_ != nullptr && index == 0) return plan_traced_body(body, iter);  // plan_trace.cc
  if (index >= body.size()) return iter();
  runtime::Location old = f_.loc;
  f_.loc = body[index].loc;
  plan_expr(body[index], [&, index, old] {
    plan_body(body, index + 1, [&, old] {
      runtime::Location here = f_.loc;
      f_.loc = old;
      iter();
      f_.loc = here;
    });
  });
  f_.loc = old;
}

void Planner::plan_expr(const ast::Expr& e, const Iter& iter) {
  if (failed()) return;
  // Planning by continuation recurses once per expression in flight; past the limit the
  // policy is refused rather than the stack overflowed (runtime/deep_stack.h).
  if (exprs_in_flight_ >= kMaxExprsInFlight) {
    return fail("too many expressions in one body (more than " + std::to_string(kMaxExprsInFlight) + ")", e.loc);
  }
  ++exprs_in_flight_;
  if (e.negated) {
    plan_not(e, iter);
  } else if (!e.with.empty()) {
    plan_with(e, iter);
  } else {
    plan_expr_plain(e, iter);
  }
  --exprs_in_flight_;
}

void Planner::plan_expr_plain(const ast::Expr& e, const Iter& iter) {
  if (const auto* t = std::get_if<ast::Term>(&e.terms)) {
    plan_term(*t, [&] {
      ir::Operand v = f_.ltarget;
      // A listed expression of the query reports its value, false included (OPA
      // captures it); anywhere else false makes the expression undefined.
      if (!capture(e, v)) emit(stmt(StmtKind::kNotEqual, {v, ir::Operand::boolean(false)}, {}));
      iter();
    });
    return;
  }
  if (const auto* c = std::get_if<ast::Call>(&e.terms)) return plan_call(e, *c, iter);
  if (const auto* ev = std::get_if<ast::Every>(&e.terms)) return plan_every(*ev, iter);
  if (const auto* op = std::get_if<ast::LogicalOp>(&e.terms)) return plan_logical(*op, iter);
  if (const auto* nb = std::get_if<ast::NotBody>(&e.terms)) return plan_not_body(*nb, iter);
  // `some` declarations have no effect once the compiler has rewritten the body.
  iter();
}

void Planner::plan_not(const ast::Expr& e, const Iter& iter) {
  ast::Expr inner = ast::clone(e);
  inner.negated = false;
  // Traced, the negated expression is a body of its own, as OPA evaluates it (its Enter,
  // Eval and Fail events); untraced plans are the same either way.
  ast::Body negation;
  if (trace_ != nullptr) negation.push_back(ast::clone(inner));
  ir::Local found = plan_any({[&](const Iter& done) {
    if (trace_ != nullptr) return plan_body(negation, 0, done);
    plan_expr(inner, done);
  }});
  if (failed()) return;
  emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(found)}, {}));
  iter();
}

ir::Local Planner::plan_any(const std::vector<std::function<void(const Iter&)>>& alternatives) {
  int depth = query_depth_;
  query_depth_ = -1;
  ir::Local flag = new_local();
  emit(stmt(StmtKind::kResetLocal, {}, {flag}));
  std::vector<ir::Block> blocks;
  uint32_t own = f_.depth + 1;  // the depth inside each alternative's block
  for (size_t i = 0; i < alternatives.size(); ++i) {
    push_vars();
    blocks.push_back(in_block([&] {
      if (i > 0) emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(flag)}, {}));
      alternatives[i]([&] {
        emit(stmt(StmtKind::kAssignVar, {ir::Operand::boolean(true)}, {flag}));
        emit(stmt(StmtKind::kBreak, {}, {}, f_.depth - own));
      });
    }));
    pop_vars();
  }
  query_depth_ = depth;
  emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
  return flag;
}

// ---------------------------------------------------------------------------- calls

void Planner::plan_call_args(const std::vector<ast::Term>& terms, size_t begin, size_t end,
                             std::vector<ir::Operand>& args,
                             const std::function<void(std::vector<ir::Operand>&)>& iter) {
  if (failed()) return;
  if (begin >= end) return iter(args);
  plan_term(terms[begin], [&, begin, end] {
    args.push_back(f_.ltarget);
    plan_call_args(terms, begin + 1, end, args, iter);
    args.pop_back();
  });
}

void Planner::plan_call(const ast::Expr& e, const ast::Call& call, const Iter& iter) {
  const ast::Term& op = call.terms[0];
  const auto* ref = ast::get_if<ast::Ref>(op);
  if (ref == nullptr) return fail("illegal call operator " + ast::to_string(op), op.loc);
  std::string name = ast::to_string(op);
  size_t operands = call.terms.size() - 1;

  if ((name == "eq" || name == "assign") && operands == 2) {
    plan_unify(call.terms[1], call.terms[2], [&] {
      capture(e, ir::Operand::boolean(true));
      iter();
    });
    return;
  }

  // Resolve the target: a mock, a Rego function in the rule tree, or a built-in.
  const RuleTreeNode* node = nullptr;
  std::string builtin;
  const ast::Term* value = nullptr;
  bool mocked = false;
  std::string slot;
  if (const Mock* m = find_mock(name)) {
    node = m->node;
    builtin = m->builtin;
    value = m->value;
    slot = m->slot;
    mocked = true;
  } else if (const auto* head = ast::get_if<ast::Var>(ref->parts[0]); head && head->name == "data") {
    node = program_.find(ref->parts);
    if (node && (!visible(*node) || node->rules.empty())) node = nullptr;
    if (node == nullptr) return fail("unknown function " + name, op.loc);
  } else {
    builtin = name;
  }

  int arity = 0;
  bool relation = false;
  if (value != nullptr) {
    // `with f as 1`: the call's value is the term, whatever the arguments; the replaced
    // function's arity tells an output operand from an argument.
    arity = static_cast<int>(operands);
    if (const auto* sig = program_.builtins ? program_.builtins->find(name) : nullptr) {
      arity = sig->arity;
    } else if (const RuleTreeNode* n = program_.find(ref->parts); n && !n->rules.empty()) {
      arity = static_cast<int>(n->rules.front().rule->head.args.size());
    }
  } else if (node != nullptr) {
    arity = static_cast<int>(node->rules.front().rule->head.args.size());
  } else {
    const BuiltinSignature* sig = program_.builtins ? program_.builtins->find(builtin) : nullptr;
    if (sig == nullptr) return fail("unknown built-in " + builtin, op.loc);
    arity = sig->variadic ? static_cast<int>(operands) : sig->arity;
    relation = sig->relation;
  }
  if (static_cast<int>(operands) < arity || static_cast<int>(operands) > arity + 1) {
    return fail("wrong number of operands for " + name, e.loc);
  }
  bool has_output = static_cast<int>(operands) == arity + 1;
  size_t nargs = static_cast<size_t>(arity);

  auto args = std::make_shared<std::vector<ir::Operand>>();
  plan_call_args(call.terms, 1, 1 + nargs, *args, [&, has_output, relation, node, builtin, value, mocked, slot](auto& planned) {
    ir::Local result = new_local();
    if (value != nullptr && !slot.empty()) {
      ir::Local mocks_doc = new_local();
      emit(stmt(StmtKind::kDot, {ir::Operand::local(ir::kDataLocal), string_constant(kMockRoot)}, {mocks_doc}));
      emit(stmt(StmtKind::kDot, {ir::Operand::local(mocks_doc), string_constant(slot)}, {result}));
    } else if (value != nullptr) {
      plan_term(*value, [&, result] {
        emit(stmt(StmtKind::kAssignVar, {f_.ltarget}, {result}));
      });
    } else if (node != nullptr) {
      uint32_t fn;
      if (mocked) {
        // A replacement function runs without the mocks (it may call what it replaces).
        Scope s;
        s.generation = ++generations_;
        s.shadowed = scope().shadowed;
        scopes_.push_back(std::move(s));
        fn = plan_rules(*node);
        scopes_.pop_back();
      } else {
        fn = plan_rules(*node);
      }
      if (failed()) return;
      emit(stmt(StmtKind::kCallFunc, planned, {result}, fn));
    } else {
      emit(stmt(StmtKind::kCallBuiltin, planned, {result}, builtin_index(builtin)));
    }
    if (failed()) return;
    ir::Operand r = ir::Operand::local(result);
    if (relation) {
      if (!has_output) {
        ir::Local n = new_local();
        emit(stmt(StmtKind::kLen, {r}, {n}));
        emit(stmt(StmtKind::kNotEqual, {ir::Operand::local(n), constant(runtime::Value::integer(0))}, {}));
        capture(e, ir::Operand::boolean(true));
        return iter();
      }
      ir::Local k = new_local(), v = new_local();
      std::vector<ir::Block> blocks;
      blocks.push_back(in_block([&] {
        push_vars();
        plan_unify_local(ir::Operand::local(v), call.terms.back(), iter);
        pop_vars();
      }));
      emit(stmt(StmtKind::kScan, {r}, {k, v}, 0, std::move(blocks)));
      return;
    }
    if (!has_output) {
      // Unlike a term, a call that returns false fails even as a listed query expression.
      emit(stmt(StmtKind::kNotEqual, {r, ir::Operand::boolean(false)}, {}));
      capture(e, r);
      return iter();
    }
    plan_unify_local(r, call.terms.back(), [&] {
      capture(e, ir::Operand::boolean(true));
      iter();
    });
  });
}

// ---------------------------------------------------------------------------- with

void Planner::plan_with(const ast::Expr& e, const Iter& iter) {
  // Sort the modifiers: document overrides become IR `with` statements, function
  // replacements become mocks of this scope.
  struct DocOverride {
    ir::Document doc;
    std::vector<ir::Operand> path;
    const ast::Term* value;
    std::vector<const RuleTreeNode*> shadows;
  };
  std::vector<DocOverride> docs;
  std::vector<Mock> mocks;
  for (const auto& w : e.with) {
    std::vector<const ast::Term*> parts;
    if (const auto* r = ast::get_if<ast::Ref>(w.target)) {
      for (const auto& p : r->parts) parts.push_back(&p);
    } else {
      parts.push_back(&w.target);
    }
    const auto* head = ast::get_if<ast::Var>(*parts[0]);
    std::string target_name = ast::to_string(w.target);
    bool is_input = head && head->name == "input";
    bool is_data = head && head->name == "data";
    const RuleTreeNode* node = nullptr;
    if (is_data) {
      if (const auto* r = ast::get_if<ast::Ref>(w.target)) node = program_.find(r->parts);
    }
    bool function_target = (node && !node->rules.empty() && rule_kind(*node->rules.front().rule) == RuleKind::kFunction) ||
                           (!is_input && !is_data);
    if (function_target) {
      Mock m;
      m.target = target_name;
      // The replacement: a built-in or a Rego function named by the value, or the value.
      std::string vname = ast::to_string(w.value);
      const RuleTreeNode* vnode = nullptr;
      if (const auto* vr = ast::get_if<ast::Ref>(w.value)) {
        if (const auto* vh = ast::get_if<ast::Var>(vr->parts[0]); vh && vh->name == "data") {
          vnode = program_.find(vr->parts);
          if (vnode && (vnode->rules.empty() || rule_kind(*vnode->rules.front().rule) != RuleKind::kFunction)) {
            vnode = nullptr;
          }
        }
      }
      if (vnode != nullptr) {
        m.node = vnode;
      } else if (const Mock* outer = find_mock(vname)) {
        m = *outer;
        m.target = target_name;
      } else if (program_.builtins && (ast::get_if<ast::Ref>(w.value) || ast::get_if<ast::Var>(w.value)) &&
                 program_.builtins->find(vname)) {
        m.builtin = vname;
      } else {
        m.value = &w.value;
        if (!constant_of(w.value)) {
          // A value computed here but read by calls in other functions: it travels in
          // the data document, under a key no policy can name.
          m.slot = "m" + std::to_string(++mock_slots_);
          DocOverride d;
          d.doc = ir::Document::kData;
          d.path = {string_constant(kMockRoot), string_constant(m.slot)};
          d.value = &w.value;
          docs.push_back(std::move(d));
        }
      }
      mocks.push_back(std::move(m));
      continue;
    }
    DocOverride d;
    d.doc = is_input ? ir::Document::kInput : ir::Document::kData;
    for (size_t i = 1; i < parts.size(); ++i) {
      auto c = constant_of(*parts[i]);
      if (!c) return fail("invalid with target " + target_name, w.loc);
      d.path.push_back(constant(*c));
    }
    d.value = &w.value;
    if (is_data && program_.rule_tree) {
      // Rules at or below the path are replaced by the override: hide them while the
      // expression is planned, so refs read the overridden data instead.
      const RuleTreeNode* n = program_.rule_tree.get();
      for (size_t i = 0; i < parts.size() && n; ++i) n = n->child(*parts[i]);
      if (n) d.shadows.push_back(n);
    }
    docs.push_back(std::move(d));
  }

  std::vector<const ast::Term*> values;
  for (const auto& d : docs) values.push_back(d.value);
  auto planned = std::make_shared<std::vector<ir::Operand>>();
  plan_terms(values, 0, *planned, [&, planned] {
    // Save the documents the overrides change, to restore them for the rest of the query.
    bool saves[2] = {false, false};
    for (const auto& d : docs) saves[static_cast<int>(d.doc)] = true;
    std::vector<std::pair<ir::Document, ir::Local>> restore;
    for (int doc = 0; doc < 2; ++doc) {
      if (!saves[doc]) continue;
      ir::Local l = new_local();
      // An undefined input stays undefined: `isdefined` in a block of its own.
      std::vector<ir::Block> blocks;
      blocks.push_back(in_block([&] { emit(stmt(StmtKind::kAssignVar, {ir::Operand::local(doc)}, {l})); }));
      emit(stmt(StmtKind::kResetLocal, {}, {l}));
      emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
      restore.emplace_back(static_cast<ir::Document>(doc), l);
    }

    bool new_scope = !mocks.empty();
    for (const auto& d : docs) new_scope = new_scope || !d.shadows.empty();
    auto push_scope = [&] {
      if (!new_scope) return;
      Scope s;
      s.generation = ++generations_;
      s.mocks = scope().mocks;
      s.shadowed = scope().shadowed;
      for (auto& m : mocks) s.mocks.push_back(m);
      for (const auto& d : docs) s.shadowed.insert(d.shadows.begin(), d.shadows.end());
      scopes_.push_back(std::move(s));
    };
    auto pop_scope = [&] {
      if (new_scope) scopes_.pop_back();
    };

    // with-statements nest: the first override is outermost; the expression innermost,
    // then the restores, then the rest of the query.
    std::function<void(size_t)> nest = [&](size_t i) {
      if (failed()) return;
      if (i < docs.size()) {
        std::vector<ir::Operand> in;
        in.push_back((*planned)[i]);
        for (const auto& p : docs[i].path) in.push_back(p);
        std::vector<ir::Block> blocks;
        blocks.push_back(in_block([&] { nest(i + 1); }));
        emit(stmt(StmtKind::kWith, std::move(in), {}, static_cast<uint32_t>(docs[i].doc), std::move(blocks)));
        return;
      }
      push_scope();
      ast::Expr inner = ast::clone(e);
      inner.with.clear();
      plan_expr(inner, [&] {
        pop_scope();
        std::function<void(size_t)> undo = [&](size_t j) {
          if (j >= restore.size()) return iter();
          std::vector<ir::Block> blocks;
          blocks.push_back(in_block([&] { undo(j + 1); }));
          emit(stmt(StmtKind::kWith, {ir::Operand::local(restore[j].second)}, {},
                    static_cast<uint32_t>(restore[j].first), std::move(blocks)));
        };
        undo(0);
        push_scope();
      });
      pop_scope();
    };
    nest(0);
  });
}

// ---------------------------------------------------------------------------- every

// every k, v in xs { body } holds iff no element is a counterexample (one where the body
// is undefined).
void Planner::plan_every(const ast::Every& ev, const Iter& iter) {
  plan_term(*ev.domain, [&] {
    ir::Operand domain = f_.ltarget;
    // Only a collection is a domain: `every` over anything else is undefined.
    std::vector<std::function<void(const Iter&)>> kinds;
    for (StmtKind k : {StmtKind::kIsArray, StmtKind::kIsObject, StmtKind::kIsSet}) {
      kinds.push_back([&, k](const Iter& done) {
        emit(stmt(k, {domain}, {}));
        done();
      });
    }
    ir::Local collection = plan_any(kinds);
    emit(stmt(StmtKind::kIsDefined, {ir::Operand::local(collection)}, {}));
    ir::Local counter = plan_any({[&](const Iter& found) {
      ir::Local k = new_local(), v = new_local();
      std::vector<ir::Block> scan_body;
      scan_body.push_back(in_block([&] {
        auto check = [&] {
          plan_unify_local(ir::Operand::local(v), *ev.value, [&] {
            ir::Local holds = plan_any({[&](const Iter& done) { plan_body(ev.body, 0, done); }});
            emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(holds)}, {}));
            found();
          });
        };
        if (ev.key) {
          plan_unify_local(ir::Operand::local(k), *ev.key, check);
        } else {
          check();
        }
      }));
      emit(stmt(StmtKind::kScan, {domain}, {k, v}, 0, std::move(scan_body)));
    }});
    if (failed()) return;
    emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(counter)}, {}));
    iter();
  });
}

// ---------------------------------------------------------------------------- and / or / not {}

void Planner::plan_logical(const ast::LogicalOp& op, const Iter& iter) {
  if (op.kind == ast::LogicalOp::Kind::And) {
    // Each operand in its own scope, the rhs only if the lhs holds; the whole holds once.
    ir::Local lhs = plan_any({[&](const Iter& done) { plan_body(op.lhs, 0, done); }});
    emit(stmt(StmtKind::kIsDefined, {ir::Operand::local(lhs)}, {}));
    ir::Local rhs = plan_any({[&](const Iter& done) { plan_body(op.rhs, 0, done); }});
    if (failed()) return;
    emit(stmt(StmtKind::kIsDefined, {ir::Operand::local(rhs)}, {}));
    iter();
    return;
  }
  // `a or b`: a holds, or else b; the first that holds decides, once.
  ir::Local any = plan_any({[&](const Iter& done) { plan_body(op.lhs, 0, done); },
                            [&](const Iter& done) { plan_body(op.rhs, 0, done); }});
  if (failed()) return;
  emit(stmt(StmtKind::kIsDefined, {ir::Operand::local(any)}, {}));
  iter();
}

void Planner::plan_not_body(const ast::NotBody& nb, const Iter& iter) {
  ir::Local found = plan_any({[&](const Iter& done) { plan_body(nb.body, 0, done); }});
  if (failed()) return;
  emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(found)}, {}));
  iter();
}

}  // namespace arcane::compiler::plan
