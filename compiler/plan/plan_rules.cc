// Planning rule groups: one IR function per rule-tree node that holds rules.
//
// The layout is OPA's (planner.go planRules): a complete rule (or a Rego function) resets
// a result local, each body assigns it once (a second, different value is a conflict),
// an `else` chain runs its bodies while the result is still undefined, the group's value
// becomes the return local, a default rule fills it last, and one block returns it.
// Partial sets and objects start from an empty collection that every body adds to. A
// rule whose ref goes deeper than its node (`p[x].q := 1` at node p) inserts its value at
// that nested key path by merging a one-path object into the result.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/plan/opa_rule_order.h"
#include "compiler/plan/planner_impl.h"

namespace arcane::compiler::plan {

using ir::StmtKind;

namespace {

// The kind of a rule group: that of its first rule that is not a default.
RuleKind group_kind(const RuleTreeNode& node) {
  for (const auto& e : node.rules) {
    if (!e.rule->is_default) return rule_kind(*e.rule);
  }
  return rule_kind(*node.rules.front().rule);
}

}  // namespace

uint32_t Planner::plan_rules(const RuleTreeNode& node) {
  if (auto it = scope().functions.find(&node); it != scope().functions.end()) return it->second;

  const auto& rules = node.rules;
  const ast::Rule& first = *rules.front().rule;
  ir::Function fn;
  fn.kind = group_kind(node) == RuleKind::kFunction ? ir::FunctionKind::kFunction : ir::FunctionKind::kRule;
  fn.name = "g" + std::to_string(scope().generation) + "." + path_string(node_paths_[&node]);
  fn.location = first.head.loc;

  // Reserve the index now: rules the bodies call are appended while this one is planned.
  uint32_t index = static_cast<uint32_t>(policy_.functions.size());
  policy_.functions.emplace_back();
  policy_.functions[index].name = fn.name;
  scope().functions[&node] = index;

  Frame saved = std::move(f_);
  int depth = query_depth_;
  query_depth_ = -1;
  f_ = Frame{};
  f_.loc = first.head.loc;
  plan_rule_group(node, fn);
  f_ = std::move(saved);
  query_depth_ = depth;

  policy_.functions[index] = std::move(fn);
  return index;
}

// Early exit inside a body (see index_rules for the group): once a rule whose every body
// yields the same constant has that value, further iterations of its body's loops could
// only repeat it, so the assignment leaves them all, up to the body's own block (`depth`
// counts the blocks from `b` up to it). OPA's evaluator stops there too.
static void exit_loops_after_result(ir::Block& b, ir::Local lresult, uint32_t depth) {
  for (size_t i = 0; i < b.stmts.size(); ++i) {
    ir::Stmt& s = b.stmts[i];
    if (s.kind == StmtKind::kAssignVarOnce && s.outputs.size() == 1 && s.outputs[0] == lresult) {
      if (depth > 0) {
        b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                       ir::make_stmt(StmtKind::kBreak, {}, {}, depth, {}, s.location));
        ++i;
      }
      continue;
    }
    for (ir::Block& inner : s.blocks) exit_loops_after_result(inner, lresult, depth + 1);
  }
}

void Planner::plan_rule_group(const RuleTreeNode& node, ir::Function& fn) {
  const auto& rules = node.rules;
  RuleKind kind = group_kind(node);
  for (const auto& e : rules) note_comprehension_keys(*e.rule);
  size_t arity = 0;
  for (const auto& e : rules) arity = std::max(arity, e.rule->head.args.size());
  for (size_t i = 0; i < arity; ++i) fn.params.push_back(new_local());

  // Rules whose ref goes below the node build an object, whatever their kind.
  bool nested = false;
  for (const auto& e : rules) nested = nested || !key_path(*e.rule, ground_prefix(e.path).size(), e.path.size()).empty();
  ir::Local lreturn = new_local();
  if (kind == RuleKind::kPartialSet || kind == RuleKind::kPartialObject || nested) {
    ir::Block b;
    b.stmts.push_back(
        stmt(kind == RuleKind::kPartialSet && !nested ? StmtKind::kMakeSet : StmtKind::kMakeObject, {}, {lreturn}));
    fn.blocks.push_back(std::move(b));
  }
  ir::Local lresult = new_local();
  ir::Local lnext = f_.lnext;
  const RuleEntry* default_rule = nullptr;

  // Deeper ref heads merge first, so that a shallower rule's value meeting their paths is
  // seen as an injection into its value (a conflict) by the merge at its own depth.
  // Otherwise rules run in OPA's order (opa_rule_order.h), which decides where a conflict
  // is reported.
  std::vector<const RuleEntry*> order;
  if (nested) {
    for (const auto& e : rules) order.push_back(&e);
  } else {
    for (size_t i : opa_rule_order(program_, rules)) order.push_back(&rules[i]);
  }
  if (nested) {
    std::vector<std::pair<size_t, const RuleEntry*>> by_depth;  // each depth computed once
    for (const RuleEntry* e : order) by_depth.emplace_back(key_depth(*e), e);
    std::stable_sort(by_depth.begin(), by_depth.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < order.size(); ++i) order[i] = by_depth[i].second;
  }

  bool early_exit = (kind == RuleKind::kComplete || kind == RuleKind::kFunction) && !nested && constant_result(rules);
  std::vector<size_t> unit_starts;  // the first block of each rule, for index_rules
  for (const RuleEntry* ep : order) {
    const RuleEntry& e = *ep;
    if (e.rule->is_default) {
      default_rule = &e;
      continue;
    }
    unit_starts.push_back(fn.blocks.size());
    size_t depth = ground_prefix(e.path).size();
    // An else chain is nested in one more block, so that its first success skips the rest.
    std::vector<ir::Block>* blocks = &fn.blocks;
    bool ordered = e.rule->else_rule != nullptr;
    std::vector<ir::Block> chain_blocks;
    if (ordered) blocks = &chain_blocks;

    const ast::Rule* prev = nullptr;
    for (const ast::Rule* rule = e.rule; rule != nullptr; prev = rule, rule = rule->else_rule.get()) {
      f_.loc = rule->head.loc;
      f_.lnext = lnext;
      f_.vars.clear();
      f_.vars.emplace_back();
      f_.vars.back()["input"] = ir::kInputLocal;
      ir::Block body = in_block([&] {
        if (prev != nullptr) {
          emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(lresult)}, {}));
        } else {
          emit(stmt(StmtKind::kResetLocal, {}, {lresult}));
        }
        plan_func_params(fn.params, rule->head.args, 0, [&] {
          plan_body(rule->body, 0, [&] { plan_rule_result(e, *rule, depth, lresult, lreturn); });
        });
      });
      // Traced plans keep every iteration: their events follow OPA's 0.61 evaluator.
      if (early_exit && trace_ == nullptr) exit_loops_after_result(body, lresult, 0);
      blocks->push_back(std::move(body));
      if (failed()) return;
    }
    if (kind == RuleKind::kComplete || kind == RuleKind::kFunction) {
      ir::Block end;
      end.stmts.push_back(stmt(StmtKind::kIsDefined, {ir::Operand::local(lresult)}, {}));
      end.stmts.push_back(stmt(StmtKind::kAssignVarOnce, {ir::Operand::local(lresult)}, {lreturn}));
      blocks->push_back(std::move(end));
    }
    if (ordered) {
      ir::Block outer;
      outer.stmts.push_back(stmt(StmtKind::kBlock, {}, {}, 0, std::move(chain_blocks)));
      fn.blocks.push_back(std::move(outer));
    }
  }

  f_.loc = rules.front().rule->head.loc;
  index_rules(fn, unit_starts, early_exit);

  if (default_rule != nullptr) {
    const ast::Rule& d = *default_rule->rule;
    f_.loc = d.head.loc;
    f_.lnext = lnext;
    f_.vars.clear();
    f_.vars.emplace_back();
    f_.vars.back()["input"] = ir::kInputLocal;
    ir::Block b = in_block([&] {
      emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(lreturn)}, {}));
      plan_func_params(fn.params, d.head.args, 0, [&] {
        plan_body(d.body, 0, [&] {
          f_.loc = d.head.loc;
          if (!d.head.value) return;
          plan_term(*d.head.value, [&] { emit(stmt(StmtKind::kAssignVarOnce, {f_.ltarget}, {lreturn})); });
        });
      });
    });
    fn.blocks.push_back(std::move(b));
  }

  f_.loc = rules.front().rule->head.loc;
  ir::Block ret;
  ret.stmts.push_back(stmt(StmtKind::kReturnLocal, {ir::Operand::local(lreturn)}, {}));
  fn.blocks.push_back(std::move(ret));
}

void Planner::plan_rule_result(const RuleEntry& e, const ast::Rule& rule, size_t depth, ir::Local lresult,
                               ir::Local lreturn) {
  const ast::Head& h = rule.head;
  f_.loc = h.loc;
  switch (rule_kind(rule)) {
    case RuleKind::kComplete:
    case RuleKind::kFunction: {
      if (!h.value) {
        emit(stmt(StmtKind::kAssignVarOnce, {ir::Operand::boolean(true)}, {lresult}));
        return;
      }
      plan_term(*h.value, [&] { emit(stmt(StmtKind::kAssignVarOnce, {f_.ltarget}, {lresult})); });
      return;
    }
    case RuleKind::kPartialSet:
    case RuleKind::kPartialObject: {
      std::vector<const ast::Term*> keys = key_path(rule, depth, e.path.size());
      bool set = rule_kind(rule) == RuleKind::kPartialSet;
      if (set && keys.empty()) {
        plan_term(*h.key, [&] { emit(stmt(StmtKind::kSetAdd, {f_.ltarget}, {lreturn})); });
        return;
      }
      if (keys.empty() || (!set && !h.value)) {
        fail("unsupported rule head " + ast::to_string(h), h.loc);
        return;
      }
      auto keys_out = std::make_shared<std::vector<ir::Operand>>();
      plan_terms(keys, 0, *keys_out, [&, keys_out, set] {
        plan_term(set ? *h.key : *h.value, [&, keys_out, set] {
          const auto& ks = *keys_out;
          if (ks.size() == 1 && !set) {
            emit(stmt(StmtKind::kObjectInsertOnce, {ks[0], f_.ltarget}, {lreturn}));
            return;
          }
          // {k1: {k2: ... {kn: leaf}}} merged into the result; a set rule's leaf is the
          // set of its one element (sets at one key merge into their union).
          ir::Operand inner = f_.ltarget;
          if (set) {
            ir::Local leaf = new_local();
            emit(stmt(StmtKind::kMakeSet, {}, {leaf}));
            emit(stmt(StmtKind::kSetAdd, {inner}, {leaf}));
            inner = ir::Operand::local(leaf);
          }
          for (size_t i = ks.size(); i-- > 0;) {
            ir::Local o = new_local();
            emit(stmt(StmtKind::kMakeObject, {}, {o}));
            emit(stmt(StmtKind::kObjectInsert, {ks[i], inner}, {o}));
            inner = ir::Operand::local(o);
          }
          emit(stmt(StmtKind::kObjectMerge, {ir::Operand::local(lreturn), inner}, {lreturn},
                    ir::merge_imm(false, static_cast<uint32_t>(ks.size()))));
        });
      });
      return;
    }
  }
}

// The key terms of a rule below its node: the head's ref (as rewritten, so its variables
// are the body's) beyond the node's depth. A v0 `p[k] = v` keeps its key in head.key.
std::vector<const ast::Term*> Planner::key_path(const ast::Rule& rule, size_t depth, size_t path_size) const {
  std::vector<const ast::Term*> keys;
  const auto& ref = rule.head.ref;
  size_t package = path_size - (ref.empty() ? 1 : ref.size());
  for (size_t i = depth > package ? depth - package : 0; i < ref.size(); ++i) {
    if (i == 0) continue;
    keys.push_back(&ref[i]);
  }
  if (keys.empty() && rule.head.key && rule.head.value && rule_kind(rule) == RuleKind::kPartialObject) {
    keys.push_back(rule.head.key.get());
  }
  return keys;
}

size_t Planner::key_depth(const RuleEntry& e) const {
  return key_path(*e.rule, ground_prefix(e.path).size(), e.path.size()).size();
}

void Planner::plan_func_params(const std::vector<ir::Local>& params, const std::vector<ast::Term>& args, size_t i,
                               const Iter& iter) {
  if (failed()) return;
  if (i >= args.size()) return iter();
  plan_unify_local(ir::Operand::local(params[i]), args[i],
                   [&, i] { plan_func_params(params, args, i + 1, iter); });
}

}  // namespace arcane::compiler::plan
