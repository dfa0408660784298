// Inlining rule calls; see inline.h.
#include "compiler/plan/inline.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::count_of;
using ir::count_writes;
using ir::LocalCounts;
using ir::Local;
using ir::Stmt;
using ir::StmtKind;

// A body this small costs less to run again than a call costs (frame, memo, return).
constexpr size_t kSmallStatements = 24;
// A rule called from one place moves into its caller whatever its size, up to this bound
// on the caller's frame.
constexpr size_t kSingleSiteStatements = 512;
// Into the decision plan, which every decision runs, a rule called there once moves
// whatever its length (a rule of 10,000 indexed bodies) when it adds at most this many
// locals to the plan's frame: the call, its frame and its memo cost more than the rule
// index's lookup. The query plan keeps the call, so a large rule is copied once.
constexpr size_t kDecisionPlanLocals = 512;

// Built-ins whose calls do more than compute a value: running one twice is observable.
bool has_effect(std::string_view builtin) {
  return builtin == "internal.print" || builtin == "print" || builtin == "trace" || builtin == "internal.test_case";
}

struct Summary {
  size_t statements = 0;
  size_t locals = 0;  // the highest local the blocks mention
  bool straight_line = true;  // no loops, calls of functions, `with`, effects
  bool return_in_not = false;
};

void summarise(const ir::Policy& p, const std::vector<Block>& blocks, bool in_not, Summary& out) {
  for (const Block& b : blocks) {
    for (const Stmt& s : b.stmts) {
      ++out.statements;
      switch (s.kind) {
        case StmtKind::kScan:
        case StmtKind::kCallFunc:
        case StmtKind::kCallDynamic:
        case StmtKind::kWith: out.straight_line = false; break;
        case StmtKind::kCallBuiltin:
          if (s.imm >= p.builtins.size() || has_effect(p.builtins[s.imm].name)) out.straight_line = false;
          break;
        case StmtKind::kReturnLocal: out.return_in_not = out.return_in_not || in_not; break;
        default: break;
      }
      summarise(p, s.blocks, in_not || s.kind == StmtKind::kNot, out);
    }
  }
}

// Every statement of `blocks`, nested ones included, in order; const or not as they are.
template <typename Blocks, typename Fn>
void for_each_stmt(Blocks& blocks, const Fn& fn) {
  for (auto& b : blocks) {
    for (auto& s : b.stmts) {
      fn(s);
      for_each_stmt(s.blocks, fn);
    }
  }
}

Local highest_local(const ir::Function& f) {
  Local m = ir::max_local(f.blocks);
  for (Local l : f.params) m = std::max(m, l);
  return std::max<Local>(m, ir::kFirstFreeLocal - 1);
}

class Inliner {
 public:
  Inliner(ir::Policy& p, std::string_view decision_plan)
      : p_(p),
        sites_(p.functions.size(), 0),
        summaries_(p.functions.size()),
        done_(p.functions.size(), false),
        decision_plan_(decision_plan) {
    // An evaluation runs one plan, so a rule's sites that can run in one evaluation are
    // those of the functions and of the plan with the most of them.
    std::vector<size_t> in_plan(p.functions.size(), 0), plan_sites(p.functions.size(), 0);
    for (const ir::Function& f : p_.functions) {
      bool plan = f.kind == ir::FunctionKind::kPlan;
      std::fill(in_plan.begin(), in_plan.end(), 0);
      for_each_stmt(f.blocks, [&](const Stmt& s) {
        if (s.kind == StmtKind::kCallFunc && s.imm < sites_.size()) ++(plan ? in_plan : sites_)[s.imm];
      });
      if (plan) {
        for (size_t c = 0; c < in_plan.size(); ++c) plan_sites[c] = std::max(plan_sites[c], in_plan[c]);
      }
    }
    for (size_t c = 0; c < sites_.size(); ++c) sites_[c] += plan_sites[c];
  }

  // Callees before callers, without recursion on the call graph (chains of rules can be
  // long); a cycle (which the compiler rejects for rules) is cut where it closes.
  void run() {
    enum : uint8_t { kNew, kOpen, kDone };
    std::vector<uint8_t> state(p_.functions.size(), kNew);
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> stack;
    auto open = [&](uint32_t f) {
      state[f] = kOpen;
      std::vector<uint32_t> callees;
      for_each_stmt(p_.functions[f].blocks, [&](const Stmt& s) {
        if (s.kind == StmtKind::kCallFunc && s.imm < state.size()) callees.push_back(s.imm);
      });
      stack.emplace_back(f, std::move(callees));
    };
    for (uint32_t root = 0; root < p_.functions.size(); ++root) {
      if (state[root] != kNew) continue;
      open(root);
      while (!stack.empty()) {
        auto& [f, callees] = stack.back();
        if (!callees.empty()) {
          uint32_t c = callees.back();
          callees.pop_back();
          if (state[c] == kNew) open(c);
          continue;
        }
        uint32_t done = f;
        stack.pop_back();
        process(done);
        state[done] = kDone;
        done_[done] = true;
      }
    }
  }

 private:
  void process(uint32_t f) {
    ir::Function& fn = p_.functions[f];
    caller_ = f;
    next_ = highest_local(fn) + 1;
    writes_.clear();
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) count_writes(s, writes_);
    }
    for (Block& b : fn.blocks) walk(b, false);
    summaries_[f] = Summary{};
    summarise(p_, fn.blocks, false, summaries_[f]);
    summaries_[f].locals = highest_local(fn);
  }

  void walk(Block& b, bool in_loop) {
    for (size_t i = 0; i < b.stmts.size(); ++i) {
      Stmt& s = b.stmts[i];
      if (s.kind == StmtKind::kCallFunc && !in_loop && inlinable(s)) {
        std::vector<Stmt> copy = expand(s);
        size_t n = copy.size();
        b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i));
        b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(copy.begin()),
                       std::make_move_iterator(copy.end()));
        i += n - 1;  // the copy was processed as its own function
        continue;
      }
      for (Block& inner : s.blocks) walk(inner, in_loop || s.kind == StmtKind::kScan);
    }
  }

  bool inlinable(const Stmt& call) const {
    uint32_t c = call.imm;
    if (c >= p_.functions.size() || c == caller_ || !done_[c]) return false;
    const ir::Function& callee = p_.functions[c];
    if (callee.kind != ir::FunctionKind::kRule || !callee.params.empty() || !call.inputs.empty()) return false;
    if (call.outputs.size() != 1) return false;
    // Not into Rego functions: a conflict in a rule's copy would be reported as the
    // function's ("functions must not produce multiple outputs"), and a function may run
    // many times where the rule's memo ran it once.
    if (p_.functions[caller_].kind == ir::FunctionKind::kFunction) return false;
    const Summary& s = summaries_[c];
    if (s.return_in_not) return false;
    if (s.straight_line && s.statements <= kSmallStatements) return true;
    if (sites_[c] != 1) return false;
    if (s.statements <= kSingleSiteStatements) return true;
    return !decision_plan_.empty() && p_.functions[caller_].kind == ir::FunctionKind::kPlan &&
           p_.functions[caller_].name == decision_plan_ && s.locals <= kDecisionPlanLocals;
  }

  // The statements that replace `call`: its callee's blocks with fresh locals, returns
  // assigning the call's target.
  std::vector<Stmt> expand(const Stmt& call) {
    const ir::Function& callee = p_.functions[call.imm];
    Local target = call.outputs[0];
    Local offset = next_ - ir::kFirstFreeLocal;
    next_ += highest_local(callee) + 1 - ir::kFirstFreeLocal;
    std::vector<Block> blocks = callee.blocks;
    // When the call's target is written by the call alone, the local the rule returns
    // last becomes the target itself, and that return disappears.
    std::optional<Local> alias;
    if (count_of(writes_, target) == 1 && !blocks.empty() && !blocks.back().stmts.empty()) {
      const Stmt& last = blocks.back().stmts.back();
      if (last.kind == StmtKind::kReturnLocal && last.inputs[0].is_local() &&
          last.inputs[0].index >= ir::kFirstFreeLocal) {
        alias = last.inputs[0].index;
      }
    }
    auto fresh = [&](Local l) { return l < ir::kFirstFreeLocal ? l : l == alias ? target : l + offset; };
    for_each_stmt(blocks, [&](Stmt& s) {
      for (ir::Operand& o : s.inputs) {
        if (o.is_local()) o.index = fresh(o.index);
      }
      for (Local& l : s.outputs) l = fresh(l);
    });
    bool exits = false;
    for (size_t i = 0; i < blocks.size(); ++i) {
      returns(blocks[i], 1, i + 1 == blocks.size(), target, call.location, exits);
    }
    if (blocks.size() > 1 && blocks.back().stmts.empty()) blocks.pop_back();  // it held only the return
    std::vector<Stmt> out;
    // The target is fresh unless the caller writes it elsewhere too.
    if (count_of(writes_, target) > 1) out.push_back(ir::make_stmt(StmtKind::kResetLocal, {}, {target}, 0, {}, call.location));
    Stmt body = ir::make_stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks), call.location);
    if (exits) {
      Block wrapper;
      wrapper.stmts.push_back(std::move(body));
      std::vector<Block> one;
      one.push_back(std::move(wrapper));
      body = ir::make_stmt(StmtKind::kBlock, {}, {}, 0, std::move(one), call.location);
    }
    out.push_back(std::move(body));
    // Undefined fails the call, as the call itself would have; this also tells the
    // verifier that the target is assigned from here on.
    out.push_back(ir::make_stmt(StmtKind::kIsDefined, {ir::Operand::local(target)}, {}, 0, {}, call.location));
    return out;
  }

  // Rewrites the returns of `b`, a block `depth` levels inside the copy. The last
  // statement of the last top-level block needs no exit: the copy ends there anyway.
  void returns(Block& b, uint32_t depth, bool last_block, Local target, const runtime::Location& loc, bool& exits) {
    for (size_t i = 0; i < b.stmts.size(); ++i) {
      Stmt& s = b.stmts[i];
      if (s.kind != StmtKind::kReturnLocal) {
        for (Block& inner : s.blocks) returns(inner, depth + 1, false, target, loc, exits);
        continue;
      }
      bool last = depth == 1 && last_block && i + 1 == b.stmts.size();
      if (s.inputs[0].is_local() && s.inputs[0].index == target) {  // the aliased local
        if (last) {
          b.stmts.pop_back();
          return;
        }
        s = ir::make_stmt(StmtKind::kBreak, {}, {}, depth, {}, loc);
        exits = true;
        continue;
      }
      // An undefined result leaves the block at the `isdefined` (which also tells the
      // verifier the assignment reads a defined local).
      std::vector<Block> inner(1);
      if (s.inputs[0].is_local()) {
        inner[0].stmts.push_back(ir::make_stmt(StmtKind::kIsDefined, {s.inputs[0]}, {}, 0, {}, s.location));
      }
      inner[0].stmts.push_back(ir::make_stmt(StmtKind::kAssignVar, {s.inputs[0]}, {target}, 0, {}, s.location));
      if (last) {  // leaving the last block is the copy's end
        b.stmts.pop_back();
        for (Stmt& t : inner[0].stmts) b.stmts.push_back(std::move(t));
        return;
      }
      // Not the end: the assignment gets a block of its own, and the break follows it.
      s = ir::make_stmt(StmtKind::kBlock, {}, {}, 0, std::move(inner), loc);
      b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                     ir::make_stmt(StmtKind::kBreak, {}, {}, depth, {}, loc));
      exits = true;
      ++i;
    }
  }

  ir::Policy& p_;
  std::vector<size_t> sites_;  // per rule: the most call sites one evaluation can run
  std::vector<Summary> summaries_;
  std::vector<bool> done_;
  std::string_view decision_plan_;
  uint32_t caller_ = 0;
  Local next_ = 0;
  LocalCounts writes_;
};

}  // namespace

void inline_rules(ir::Policy& policy, std::string_view decision_plan) {
  Inliner(policy, decision_plan).run();
}

}  // namespace arcane::compiler::plan
