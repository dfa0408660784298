// Indexed comprehensions (comprehension_keys.h): the body runs once per evaluation, in a
// function of its own with the key variables free, and its results are grouped by the
// keys' values (GroupAdd / GroupInsert). Each evaluation of the comprehension then looks
// its group up; a key with no group gets the empty collection, as the body would have
// produced nothing for it. Traced plans keep OPA 0.61's per-binding evaluation, whose
// events the trace goldens record.
#include <cstdlib>

#include "compiler/plan/planner_impl.h"

namespace arcane::compiler::plan {

using ir::StmtKind;
using runtime::Value;

void Planner::note_comprehension_keys(const ast::Rule& rule) {
  if (trace_ != nullptr || !keyed_rules_.insert(&rule).second) return;  // traced plans never index
  find_comprehension_keys(rule, arity_fn(), comprehension_keys_);
}

// One key is its own value; several are the array of their values, in key order.
ir::Operand Planner::index_key(const std::vector<ir::Local>& keys) {
  if (keys.size() == 1) return ir::Operand::local(keys[0]);
  ir::Local a = new_local();
  emit(stmt(StmtKind::kMakeArray, {}, {a}, static_cast<uint32_t>(keys.size())));
  for (ir::Local k : keys) emit(stmt(StmtKind::kArrayAppend, {ir::Operand::local(k)}, {a}));
  return ir::Operand::local(a);
}

bool Planner::plan_indexed_comprehension(const ast::Term& t, const Iter& iter) {
  // For measuring what indexing buys (bench/): ARCANE_NO_COMPREHENSION_INDEX turns it off.
  static const bool disabled = std::getenv("ARCANE_NO_COMPREHENSION_INDEX") != nullptr;
  if (disabled || trace_ != nullptr || comprehension_keys_.empty()) return false;
  auto it = comprehension_keys_.find(&t);
  if (it == comprehension_keys_.end()) return false;
  // OPA's candidates may name a variable this path has not bound (one seen in another
  // body); OPA then misses its cache and evaluates as usual, and so do we.
  std::vector<ir::Local> keys;
  for (const std::string& name : it->second) {
    std::optional<ir::Local> l = lookup_var(name);
    if (!l) return false;
    keys.push_back(*l);
  }

  uint32_t fn = plan_comprehension_index(t, it->second);
  if (failed()) return true;
  runtime::Location loc = f_.loc;
  f_.loc = t.loc;
  ir::Local groups = new_local();
  emit(stmt(StmtKind::kCallFunc, {}, {groups}, fn));
  ir::Operand key = index_key(keys);
  Value empty = ast::get_if<ast::ArrayComprehension>(t) ? Value::empty_array()
                : ast::get_if<ast::SetComprehension>(t) ? Value::empty_set()
                                                         : Value::empty_object();
  ir::Local result = new_local();
  emit(stmt(StmtKind::kAssignVar, {constant(empty)}, {result}));
  ir::Local found = new_local();
  std::vector<ir::Block> lookup;
  lookup.push_back(in_block([&] {
    emit(stmt(StmtKind::kDot, {ir::Operand::local(groups), key}, {found}));
    emit(stmt(StmtKind::kAssignVar, {ir::Operand::local(found)}, {result}));
  }));
  emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(lookup)));
  f_.loc = loc;
  f_.ltarget = ir::Operand::local(result);
  iter();
  return true;
}

uint32_t Planner::plan_comprehension_index(const ast::Term& t, const std::vector<std::string>& key_names) {
  auto id = std::make_pair(&t, scope().generation);
  if (auto it = index_functions_.find(id); it != index_functions_.end()) return it->second;

  ir::Function fn;
  fn.kind = ir::FunctionKind::kRule;
  fn.name = "g" + std::to_string(scope().generation) + ".index." + std::to_string(index_functions_.size());
  fn.location = t.loc;
  uint32_t index = static_cast<uint32_t>(policy_.functions.size());
  policy_.functions.emplace_back();
  policy_.functions[index].name = fn.name;
  index_functions_[id] = index;

  Frame saved = std::move(f_);
  int depth = query_depth_;
  query_depth_ = -1;
  f_ = Frame{};
  f_.loc = t.loc;
  f_.vars.emplace_back();
  f_.vars.back()["input"] = ir::kInputLocal;
  ir::Local groups = new_local();
  fn.blocks.push_back(in_block([&] { emit(stmt(StmtKind::kMakeObject, {}, {groups})); }));

  // Adds one result of the body to the group of its keys' values.
  auto add = [&] {
    std::vector<ir::Local> keys;
    for (const std::string& name : key_names) {
      std::optional<ir::Local> l = lookup_var(name);
      if (!l) return fail("comprehension index key " + name + " is not bound by its body", t.loc);
      keys.push_back(*l);
    }
    ir::Operand key = index_key(keys);
    if (const auto* a = ast::get_if<ast::ArrayComprehension>(t)) {
      plan_term(*a->term, [&] {
        emit(stmt(StmtKind::kGroupAdd, {key, f_.ltarget}, {groups}, static_cast<uint32_t>(ir::Group::kArray)));
      });
    } else if (const auto* s = ast::get_if<ast::SetComprehension>(t)) {
      plan_term(*s->term, [&] {
        emit(stmt(StmtKind::kGroupAdd, {key, f_.ltarget}, {groups}, static_cast<uint32_t>(ir::Group::kSet)));
      });
    } else if (const auto* o = ast::get_if<ast::ObjectComprehension>(t)) {
      plan_term(*o->key, [&] {
        ir::Operand k = f_.ltarget;
        plan_term(*o->value, [&, k] { emit(stmt(StmtKind::kGroupInsert, {key, k, f_.ltarget}, {groups})); });
      });
    }
  };
  fn.blocks.push_back(in_block([&] { plan_body(*comprehension_body(t), 0, add); }));
  fn.blocks.push_back(in_block([&] { emit(stmt(StmtKind::kReturnLocal, {ir::Operand::local(groups)}, {})); }));

  f_ = std::move(saved);
  query_depth_ = depth;
  policy_.functions[index] = std::move(fn);
  return index;
}

}  // namespace arcane::compiler::plan
