// BuildRuleIndex: dispatching a rule group on one input or data ref, so that the cost of
// a decision does not grow with the number of rules (OPA's rule index, v1/ast/index.go,
// reduced to one hashed ref per group).
//
// It runs on the planned group, not on the AST: each rule is one "unit" of function
// blocks (its body, and for complete rules and functions the block that moves its result
// out; an else chain is one nested block), and a unit is constrained on a ref when the
// body, before anything that could raise an error or have an effect outside the body,
// tests that ref:
//   - `equal ref, "s"` or `call equal(ref, "s")` then `notequal r, false`;
//   - `call internal.member_2(ref, C)` then `notequal r, false`, C a constant array or
//     set of strings (`ref in {"a", "b"}`);
//   - `call glob.match("p", D, ref)` then `notequal r, false`, D null or a constant
//     array of strings, p with no `[`, `{` or `\`: the ref must then start with the
//     literal text of p before its first `*` or `?`. Scanning stops after such a call,
//     as it raises a type error for a non-string ref (the table then runs every rule).
// A ref here is a chain of `dot`s with constant string keys from local 0 or 1, possibly
// copied by `assign`.
//
// When at least kMinIndexedRules units exist, the most selective ref (fewest units
// expected to run for one key) is evaluated once into a local and a `ruleindex` statement (ir/rule_index.h) holds the
// units as its blocks, with a table from key to the units that may match it; units not
// constrained on that ref run always. Selected units run in the group's order, and each
// keeps its own tests, so the index only skips units whose body would have failed at a
// guard with no effect before it: values, conflicts and errors are unchanged.
//
// Early exit (any size of group): when every rule of a complete group or function yields
// the same constant, the block moving a rule's result out ends with a break past the
// later rules, which could only repeat that value.
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "compiler/plan/planner_impl.h"
#include "ir/rule_index.h"

namespace arcane::compiler::plan {

using ir::StmtKind;

namespace {

constexpr size_t kMinIndexedRules = 8;

using RefPath = std::vector<std::string>;  // "input"/"data", then the keys

// One necessary condition of a unit's body on a ref.
struct Guard {
  RefPath ref;
  bool prefix = false;            // keys are literal prefixes (glob) rather than values
  std::vector<std::string> keys;  // the ref must equal (or start with) one of these
};

class GuardScanner {
 public:
  explicit GuardScanner(const ir::Policy& p) : p_(p) {}

  std::vector<Guard> scan(const ir::Block& b) {
    for (const ir::Stmt& s : b.stmts) {
      if (last_) {
        // Only the test of the last call's result may follow.
        if (s.kind == StmtKind::kNotEqual) step(s);
        break;
      }
      if (!step(s)) break;
    }
    return std::move(found_);
  }

 private:
  const runtime::Value* constant(const ir::Operand& o) const {
    return o.kind == ir::Operand::Kind::kConst ? &p_.constants[o.index] : nullptr;
  }
  const RefPath* ref(const ir::Operand& o) const {
    if (!o.is_local()) return nullptr;
    auto it = refs_.find(o.index);
    return it == refs_.end() ? nullptr : &it->second;
  }
  void forget(const ir::Stmt& s) {
    for (ir::Local l : s.outputs) {
      refs_.erase(l);
      pending_.erase(l);
    }
  }

  // False when scanning must stop before or after this statement.
  bool step(const ir::Stmt& s) {
    switch (s.kind) {
      case StmtKind::kDot: {
        const runtime::Value* key = constant(s.inputs[1]);
        std::optional<RefPath> path;
        if (key && key->is_string()) {
          if (s.inputs[0] == ir::Operand::local(ir::kInputLocal)) path = RefPath{"input"};
          if (s.inputs[0] == ir::Operand::local(ir::kDataLocal)) path = RefPath{"data"};
          if (const RefPath* base = ref(s.inputs[0])) path = *base;
          if (path) path->emplace_back(key->string_view());
        }
        forget(s);
        if (path) refs_[s.outputs[0]] = std::move(*path);
        return true;
      }
      case StmtKind::kEqual: equality(s.inputs[0], s.inputs[1], found_); return true;
      case StmtKind::kNotEqual: {
        if (s.inputs[1] == ir::Operand::boolean(false) && s.inputs[0].is_local()) {
          if (auto it = pending_.find(s.inputs[0].index); it != pending_.end()) found_.push_back(it->second);
        }
        return true;
      }
      case StmtKind::kCallBuiltin: return call(s);
      case StmtKind::kAssignVar: {
        // The planner copies a ref into a variable before a call takes it.
        std::optional<RefPath> path;
        if (const RefPath* from = ref(s.inputs[0])) path = *from;
        forget(s);
        if (path) refs_[s.outputs[0]] = std::move(*path);
        return true;
      }
      case StmtKind::kResetLocal:
      case StmtKind::kIsArray:
      case StmtKind::kIsObject:
      case StmtKind::kIsSet:
      case StmtKind::kIsString:
      case StmtKind::kIsNumber:
      case StmtKind::kIsBoolean:
      case StmtKind::kIsNull:
      case StmtKind::kIsDefined:
      case StmtKind::kIsUndefined:
      case StmtKind::kLen:
      case StmtKind::kMakeArray:
      case StmtKind::kMakeObject:
      case StmtKind::kMakeSet: forget(s); return true;
      default: return false;
    }
  }

  void equality(const ir::Operand& a, const ir::Operand& b, std::vector<Guard>& into) const {
    const RefPath* r = ref(a);
    const runtime::Value* c = constant(b);
    if (!r) r = ref(b), c = constant(a);
    if (r && c && c->is_string()) into.push_back(Guard{*r, false, {std::string(c->string_view())}});
  }

  bool call(const ir::Stmt& s) {
    const std::string& name = p_.builtins[s.imm].name;
    std::vector<Guard> g;
    if (name == "equal" && s.inputs.size() == 2) {
      equality(s.inputs[0], s.inputs[1], g);
    } else if (name == "internal.member_2" && s.inputs.size() == 2) {
      member(s.inputs[0], s.inputs[1], g);
    } else if (name == "glob.match" && s.inputs.size() == 3) {
      glob(s.inputs, g);
      last_ = true;
    } else {
      return false;
    }
    forget(s);
    if (!g.empty()) pending_[s.outputs[0]] = std::move(g.front());
    return true;
  }

  void member(const ir::Operand& x, const ir::Operand& coll, std::vector<Guard>& into) const {
    const RefPath* r = ref(x);
    const runtime::Value* c = constant(coll);
    if (!r || !c || !(c->is_array() || c->is_set()) || c->size() == 0) return;
    Guard g{*r, false, {}};
    for (const runtime::Value& e : c->elements()) {
      if (!e.is_string()) return;
      g.keys.emplace_back(e.string_view());
    }
    into.push_back(std::move(g));
  }

  void glob(const std::vector<ir::Operand>& in, std::vector<Guard>& into) const {
    const runtime::Value* pattern = constant(in[0]);
    const runtime::Value* delims = constant(in[1]);
    const RefPath* r = ref(in[2]);
    if (!r || !pattern || !pattern->is_string() || !delims) return;
    if (!delims->is_null()) {
      if (!delims->is_array()) return;
      for (const runtime::Value& d : delims->elements()) {
        if (!d.is_string()) return;
      }
    }
    std::string_view p = pattern->string_view();
    if (p.find_first_of("[]{}\\") != std::string_view::npos) return;
    std::string_view literal = p.substr(0, std::min(p.find_first_of("*?"), p.size()));
    if (literal.empty()) return;
    into.push_back(Guard{*r, true, {std::string(literal)}});
  }

  const ir::Policy& p_;
  std::map<ir::Local, RefPath> refs_;
  std::map<ir::Local, Guard> pending_;  // call results that are guards once tested
  std::vector<Guard> found_;
  bool last_ = false;  // a call that may raise an error was scanned: only its test may follow
};

}  // namespace

bool Planner::constant_result(const std::vector<RuleEntry>& rules) const {
  std::optional<runtime::Value> value;
  for (const RuleEntry& e : rules) {
    if (e.rule->is_default) continue;
    if (e.rule->else_rule != nullptr) return false;
    std::optional<runtime::Value> v =
        e.rule->head.value ? constant_of(*e.rule->head.value) : std::optional(runtime::Value::boolean(true));
    if (!v || (value && !(*v == *value))) return false;
    value = std::move(v);
  }
  return value.has_value();
}

// Early exit: the block moving a rule's result out (the last of its unit) leaves, once
// it has, every later rule: `depth` levels above that block hold the units.
static void exit_after_result(ir::Block& unit_end, uint32_t depth, const runtime::Location& loc) {
  unit_end.stmts.push_back(ir::make_stmt(StmtKind::kBreak, {}, {}, depth, {}, loc));
}

void Planner::index_rules(ir::Function& fn, const std::vector<size_t>& unit_starts, bool early_exit, bool index) {
  // For measuring what indexing buys (bench/): ARCANE_NO_RULE_INDEX plans as before it.
  static const bool disabled = std::getenv("ARCANE_NO_RULE_INDEX") != nullptr;
  if (disabled) return;
  size_t n = unit_starts.size();
  size_t end = fn.blocks.size();
  if (n < kMinIndexedRules || !index) {
    if (!early_exit || n < 2) return;
    // The units become the blocks of one `block` statement, so that a break can leave
    // all of them.
    for (size_t u = 0; u < n; ++u) {
      size_t last = (u + 1 < n ? unit_starts[u + 1] : end) - 1;
      exit_after_result(fn.blocks[last], 1, fn.blocks[last].stmts.back().location);
    }
    std::vector<ir::Block> all(std::make_move_iterator(fn.blocks.begin() + unit_starts[0]),
                               std::make_move_iterator(fn.blocks.end()));
    fn.blocks.erase(fn.blocks.begin() + unit_starts[0], fn.blocks.end());
    ir::Block outer;
    outer.stmts.push_back(stmt(StmtKind::kBlock, {}, {}, 0, std::move(all)));
    fn.blocks.push_back(std::move(outer));
    return;
  }
  // Per ref: the units it constrains, its table entries and distinct keys.
  struct Stats {
    size_t units = 0, entries = 0;
    std::set<std::pair<bool, std::string>> keys;
  };
  std::vector<std::vector<Guard>> guards(n);
  std::map<RefPath, Stats> stats;
  for (size_t u = 0; u < n; ++u) {
    guards[u] = GuardScanner(policy_).scan(fn.blocks[unit_starts[u]]);
    std::set<RefPath> seen;
    for (const Guard& g : guards[u]) {
      if (!seen.insert(g.ref).second) continue;
      Stats& st = stats[g.ref];
      ++st.units;
      st.entries += g.keys.size();
      for (const std::string& k : g.keys) st.keys.emplace(g.prefix, k);
    }
  }
  // The most selective ref: the fewest units expected to run for a key, i.e. those it
  // does not constrain plus the average length of its lists (`input.action` shared by
  // every fifth rule loses to `input.user` naming one rule each).
  const RefPath* best = nullptr;
  double best_cost = static_cast<double>(n);
  for (const auto& [ref, st] : stats) {
    if (st.units < 2) continue;
    double cost = static_cast<double>(n - st.units) + static_cast<double>(st.entries) / static_cast<double>(st.keys.size());
    if (cost < best_cost) best = &ref, best_cost = cost;
  }
  if (best == nullptr) {
    if (early_exit) index_rules(fn, unit_starts, early_exit, false);
    return;
  }

  ir::RuleIndexTable table;
  std::vector<ir::Block> units;
  for (size_t u = 0; u < n; ++u) {
    size_t from = unit_starts[u], to = u + 1 < n ? unit_starts[u + 1] : end;
    uint32_t index = static_cast<uint32_t>(u);
    const Guard* g = nullptr;
    for (const Guard& c : guards[u]) {
      if (c.ref == *best) {
        g = &c;
        break;
      }
    }
    if (g == nullptr) {
      table.any.push_back(index);
    } else {
      for (const std::string& k : g->keys) {
        std::vector<uint32_t>& l = (g->prefix ? table.prefix : table.eq)[k];
        if (l.empty() || l.back() != index) l.push_back(index);
      }
    }
    // The dispatching function block is one level above a unit of one block, two above
    // the blocks of a wrapped unit.
    if (early_exit) exit_after_result(fn.blocks[to - 1], to - from == 1 ? 1 : 2, fn.blocks[to - 1].stmts.back().location);
    if (to - from == 1) {
      units.push_back(std::move(fn.blocks[from]));
      continue;
    }
    std::vector<ir::Block> parts(std::make_move_iterator(fn.blocks.begin() + from),
                                 std::make_move_iterator(fn.blocks.begin() + to));
    ir::Block wrapped;
    wrapped.stmts.push_back(stmt(StmtKind::kBlock, {}, {}, 0, std::move(parts)));
    units.push_back(std::move(wrapped));
  }

  // The key: the ref's dots into fresh locals, inside a block so that an undefined ref
  // leaves the key undefined rather than the function's block.
  ir::Local next = std::max({ir::kDataLocal, ir::max_local(fn.blocks), ir::max_local(units)}) + 1;
  ir::Local key = next++;
  ir::Block dots;
  ir::Operand from = ir::Operand::local((*best)[0] == "input" ? ir::kInputLocal : ir::kDataLocal);
  for (size_t i = 1; i < best->size(); ++i) {
    ir::Local to = i + 1 == best->size() ? key : next++;
    dots.stmts.push_back(stmt(StmtKind::kDot, {from, string_constant((*best)[i])}, {to}));
    from = ir::Operand::local(to);
  }
  std::vector<ir::Block> dot_blocks;
  dot_blocks.push_back(std::move(dots));
  ir::Block dispatch;
  dispatch.stmts.push_back(stmt(StmtKind::kResetLocal, {}, {key}));
  dispatch.stmts.push_back(stmt(StmtKind::kBlock, {}, {}, 0, std::move(dot_blocks)));
  dispatch.stmts.push_back(
      stmt(StmtKind::kRuleIndex, {ir::Operand::local(key), constant(ir::encode_rule_index(table))}, {}, 0, std::move(units)));
  fn.blocks.erase(fn.blocks.begin() + unit_starts[0], fn.blocks.begin() + end);
  fn.blocks.insert(fn.blocks.begin() + unit_starts[0], std::move(dispatch));
  f_.lnext = std::max(f_.lnext, next);
}

}  // namespace arcane::compiler::plan
