// Planning references. A ref into a local value is a chain of `dot`s, with a `scan` for
// each part that binds new variables. A ref into `data` follows OPA's virtual document
// model (planner.go planRefData): walk the rule tree along the ref; where a node holds
// rules, call its function and continue into the value; where a part is a variable and
// the node has children, plan one branch per child (the rest of the query is planned in
// each) plus a scan of the base document that skips the children's keys; at the end of
// the ref, build the whole document: rule values merged over the base data.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/plan/planner_impl.h"
#include "compiler/stages/vars.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::plan {

using ir::StmtKind;

bool Planner::visible(const RuleTreeNode& node) const {
  return !node.hide && scopes_.back().shadowed.count(&node) == 0;
}

const RuleTreeNode* Planner::visible_child(const RuleTreeNode* node, const ast::Term& key) const {
  if (node == nullptr) return nullptr;
  const RuleTreeNode* c = node->child(key);
  return c != nullptr && visible(*c) ? c : nullptr;
}

bool Planner::unseen_vars(const ast::Term& t) const {
  stages::VarSet vars;
  stages::collect_vars(t, vars);
  for (const auto& v : vars) {
    if (v != "input" && v != "data" && !lookup_var(v)) return true;
  }
  return false;
}

void Planner::plan_ref(const ast::Term& t, const ast::Ref& ref, const Iter& iter) {
  TermRef parts;
  for (const auto& p : ref.parts) parts.push_back(&p);
  const auto* head = ast::get_if<ast::Var>(ref.parts[0]);
  if (head != nullptr && head->name == "data") {
    const RuleTreeNode* root = program_.rule_tree ? program_.rule_tree->child(ref.parts[0]) : nullptr;
    if (root && !visible(*root)) root = nullptr;
    plan_ref_data(root, ir::Operand::local(ir::kDataLocal), {}, parts, 1, iter);
    return;
  }
  if (head != nullptr) {
    auto l = lookup_var(head->name);
    if (!l) return fail("unsafe ref head " + ast::to_string(t), t.loc);
    f_.ltarget = ir::Operand::local(*l);
    return plan_ref_rec(parts, 1, iter);
  }
  // A ref on a collection or comprehension term: evaluate the head first.
  plan_term(ref.parts[0], [&, parts] { plan_ref_rec(parts, 1, iter); });
}

void Planner::plan_ref_rec(const TermRef& ref, size_t index, const Iter& iter) {
  if (failed()) return;
  if (index >= ref.size()) return iter();
  if (!unseen_vars(*ref[index])) {
    plan_dot(*ref[index], [&, index] { plan_ref_rec(ref, index + 1, iter); });
  } else {
    plan_scan(*ref[index], [&, index] { plan_ref_rec(ref, index + 1, iter); });
  }
}

// A ref over base data. The store keys documents by string, so a number reads an
// array element or, failing that, the object key with the number's text: data[2] finds
// {"2": ...}, as OPA's storage paths do.
void Planner::plan_data_ref_rec(const TermRef& ref, size_t index, const Iter& iter) {
  if (failed()) return;
  if (index >= ref.size()) return iter();
  const auto* n = ast::get_if<ast::Number>(*ref[index]);
  if (n == nullptr) {
    if (!unseen_vars(*ref[index])) {
      plan_dot(*ref[index], [&, index] { plan_data_ref_rec(ref, index + 1, iter); });
    } else {
      plan_scan(*ref[index], [&, index] { plan_data_ref_rec(ref, index + 1, iter); });
    }
    return;
  }
  ir::Operand source = f_.ltarget;
  auto number = constant_of(*ref[index]);
  if (!number) return fail("invalid number " + n->text, ref[index]->loc);
  ir::Local target = new_local();
  emit(stmt(StmtKind::kResetLocal, {}, {target}));
  std::vector<ir::Block> blocks;
  blocks.push_back(in_block([&] { emit(stmt(StmtKind::kDot, {source, constant(*number)}, {target})); }));
  blocks.push_back(in_block([&] {
    emit(stmt(StmtKind::kIsUndefined, {ir::Operand::local(target)}, {}));
    emit(stmt(StmtKind::kDot, {source, string_constant(n->text)}, {target}));
  }));
  emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
  emit(stmt(StmtKind::kIsDefined, {ir::Operand::local(target)}, {}));
  f_.ltarget = ir::Operand::local(target);
  plan_data_ref_rec(ref, index + 1, iter);
}

void Planner::plan_dot(const ast::Term& key, const Iter& iter) {
  ir::Operand source = f_.ltarget;
  plan_term(key, [&, source] {
    ir::Local target = new_local();
    emit(stmt(StmtKind::kDot, {source, f_.ltarget}, {target}));
    f_.ltarget = ir::Operand::local(target);
    iter();
  });
}

void Planner::plan_scan(const ast::Term& key, const Iter& iter) {
  ir::Operand source = f_.ltarget;
  ir::Local k = new_local(), v = new_local();
  std::vector<ir::Block> blocks;
  blocks.push_back(in_block([&] {
    plan_unify_local(ir::Operand::local(k), key, [&, v] {
      f_.ltarget = ir::Operand::local(v);
      iter();
    });
  }));
  if (failed()) return;
  emit(stmt(StmtKind::kScan, {source}, {k, v}, 0, std::move(blocks)));
}

void Planner::plan_ref_data(const RuleTreeNode* virt, ir::Operand base, TermRef base_path, const TermRef& ref,
                            size_t index, const Iter& iter) {
  if (failed()) return;
  if (virt == nullptr) {
    // Base data only from here on: a plain ref over the data document.
    f_.ltarget = base;
    TermRef rest = base_path;
    for (size_t i = index; i < ref.size(); ++i) rest.push_back(ref[i]);
    return plan_data_ref_rec(rest, 0, iter);
  }
  if (index >= ref.size()) return plan_ref_data_extent(virt, base, base_path, iter);

  const ast::Term& part = *ref[index];

  if (!unseen_vars(part) && stages::vars_of(part).empty()) {
    // A constant part: descend.
    const RuleTreeNode* child = visible_child(virt, part);
    if (child != nullptr && !child->rules.empty()) {
      plan_node_value(*child, [&, index] { plan_ref_rec(ref, index + 1, iter); });
      return;
    }
    base_path.push_back(&part);
    return plan_ref_data(child, base, base_path, ref, index + 1, iter);
  }

  // A variable part (seen or not): one branch per visible child, then the base document
  // without those keys.
  std::vector<const RuleTreeNode*> children;
  for (const auto& c : virt->children) {
    if (visible(*c)) children.push_back(c.get());
  }
  if (!children.empty()) {
    std::vector<ir::Block> blocks;
    for (const RuleTreeNode* c : children) {
      push_vars();
      blocks.push_back(in_block([&] {
        plan_term(c->key, [&] {
          plan_unify_local(f_.ltarget, part, [&] {
            TermRef plugged = ref;
            plugged[index] = &c->key;
            plan_ref_data(virt, base, base_path, plugged, index, iter);
          });
        });
      }));
      pop_vars();
    }
    if (failed()) return;
    emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));

    runtime::SetBuilder keys(children.size());
    for (const RuleTreeNode* c : children) {
      if (auto k = constant_of(c->key)) keys.insert(std::move(*k));
    }
    ir::Operand exclude = constant(keys.build());
    f_.ltarget = base;
    plan_ref_rec(base_path, 0, [&, exclude, index] {
      ir::Operand source = f_.ltarget;
      ir::Local k = new_local(), v = new_local();
      std::vector<ir::Block> scan_body;
      scan_body.push_back(in_block([&] {
        std::vector<ir::Block> nb;
        ir::Local ignore = new_local();
        nb.push_back(in_block([&] { emit(stmt(StmtKind::kDot, {exclude, ir::Operand::local(k)}, {ignore})); }));
        emit(stmt(StmtKind::kNot, {}, {}, 0, std::move(nb)));
        plan_unify_local(ir::Operand::local(k), part, [&, v, index] {
          TermRef rest;
          for (size_t i = index + 1; i < ref.size(); ++i) rest.push_back(ref[i]);
          f_.ltarget = ir::Operand::local(v);
          plan_ref_rec(rest, 0, iter);
        });
      }));
      if (failed()) return;
      emit(stmt(StmtKind::kScan, {source}, {k, v}, 0, std::move(scan_body)));
    });
    return;
  }
  // No rules below: the rest is a ref over base data.
  plan_ref_data(nullptr, base, base_path, ref, index, iter);
}

// The value of a node that holds rules: the rules' value, merged with the documents of
// its children (ref heads can put rules both at a node and below it) and, for objects,
// with base data at the same path.
void Planner::plan_node_value(const RuleTreeNode& node, const Iter& iter) {
  uint32_t fn = plan_rules(node);
  if (failed()) return;
  ir::Local value = new_local();
  emit(stmt(StmtKind::kCallFunc, {}, {value}, fn));
  bool has_children = false;
  for (const auto& c : node.children) has_children = has_children || visible(*c);
  if (!has_children) {
    f_.ltarget = ir::Operand::local(value);
    return iter();
  }
  // Children never merge into the value of a rule of this node (OPA reports the conflict).
  size_t opaque = 0;
  for (const auto& e : node.rules) opaque = std::max(opaque, key_depth(e));
  plan_ref_data_extent(&node, std::nullopt, {}, [&, value, opaque] {
    ir::Local merged = new_local();
    emit(stmt(StmtKind::kObjectMerge, {ir::Operand::local(value), f_.ltarget}, {merged},
              ir::merge_imm(false, static_cast<uint32_t>(opaque))));
    f_.ltarget = ir::Operand::local(merged);
    iter();
  });
}

void Planner::plan_ref_data_extent(const RuleTreeNode* virt, std::optional<ir::Operand> base, const TermRef& base_path,
                                   const Iter& iter) {
  ir::Local vtarget = new_local();
  if (virt != nullptr) {
    emit(stmt(StmtKind::kMakeObject, {}, {vtarget}));
    for (const auto& c : virt->children) {
      if (!visible(*c)) continue;
      bool is_function = !c->rules.empty() && !c->rules.front().rule->head.args.empty();
      if (is_function) continue;
      auto key = constant_of(c->key);
      if (!key) continue;
      ir::Operand lkey = constant(*key);
      std::vector<ir::Block> blocks;
      if (c->rules.empty()) {
        blocks.push_back(in_block([&] {
          plan_ref_data_extent(c.get(), std::nullopt, {}, [&] {
            emit(stmt(StmtKind::kObjectInsert, {lkey, f_.ltarget}, {vtarget}));
          });
        }));
      } else {
        blocks.push_back(in_block([&] {
          plan_node_value(*c, [&] { emit(stmt(StmtKind::kObjectInsert, {lkey, f_.ltarget}, {vtarget})); });
        }));
      }
      if (failed()) return;
      emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
    }
    if (!base) {
      f_.ltarget = ir::Operand::local(vtarget);
      return iter();
    }
  }

  // The base document at the path, merged with the virtual one; the virtual one alone
  // where the base is undefined (and undefined if there is neither).
  ir::Local target = new_local();
  ir::Block outer = in_block([&] {
    ir::Block inner = in_block([&] {
      f_.ltarget = *base;
      plan_ref_rec(base_path, 0, [&] {
        if (virt == nullptr) {
          emit(stmt(StmtKind::kAssignVar, {f_.ltarget}, {target}));
        } else {
          // Base data over rule values: where both hold a leaf, OPA reads the base one.
          emit(stmt(StmtKind::kObjectMerge, {f_.ltarget, ir::Operand::local(vtarget)}, {target},
                    ir::merge_imm(true, 0)));
        }
        emit(stmt(StmtKind::kBreak, {}, {}, 1));
      });
    });
    std::vector<ir::Block> ib;
    ib.push_back(std::move(inner));
    emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(ib)));
    if (virt != nullptr) {
      emit(stmt(StmtKind::kAssignVar, {ir::Operand::local(vtarget)}, {target}));
    } else {
      emit(stmt(StmtKind::kBreak, {}, {}, 1));
    }
  });
  if (failed()) return;
  std::vector<ir::Block> ob;
  ob.push_back(std::move(outer));
  emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(ob)));
  f_.ltarget = ir::Operand::local(target);
  iter();
}

}  // namespace arcane::compiler::plan
