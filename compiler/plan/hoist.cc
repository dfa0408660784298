// Loop-invariant code motion; see hoist.h.
#include "compiler/plan/hoist.h"

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::count_of;
using ir::count_reads;
using ir::count_writes;
using ir::LocalCounts;
using ir::Local;
using ir::Stmt;
using ir::StmtKind;

// Statements that neither fail with an error nor change anything but their own outputs.
bool effect_free(StmtKind k) {
  switch (k) {
    case StmtKind::kDot:
    case StmtKind::kLen:
    case StmtKind::kAssignVar:
    case StmtKind::kEqual:
    case StmtKind::kNotEqual:
    case StmtKind::kIsArray:
    case StmtKind::kIsObject:
    case StmtKind::kIsSet:
    case StmtKind::kIsString:
    case StmtKind::kIsNumber:
    case StmtKind::kIsBoolean:
    case StmtKind::kIsNull:
    case StmtKind::kIsDefined:
    case StmtKind::kIsUndefined: return true;
    default: return false;
  }
}

// The kinds worth moving: they compute a value from their operands alone.
bool movable(StmtKind k) { return k == StmtKind::kDot || k == StmtKind::kLen || k == StmtKind::kAssignVar; }

// How many times s and its blocks mention each local, as an operand or an output (a
// `with` also mentions the document it replaces).
void count_mentions(const Stmt& s, LocalCounts& out) {
  count_reads(s, out);
  count_writes(s, out);
}

}  // namespace

class Hoister {
 public:
  Hoister(LoopInvariants& invariants, const ir::Function& fn)
      : invariants_(invariants), policy_(invariants.policy_), next_(ir::max_local(fn.blocks) + 1) {
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) count_mentions(s, uses_);
    }
  }

  void block(Block& b) {
    for (size_t i = 0; i < b.stmts.size(); ++i) {
      for (Block& inner : b.stmts[i].blocks) block(inner);
      if (b.stmts[i].kind != StmtKind::kScan || i + 1 != b.stmts.size()) continue;
      std::vector<Stmt> moved = take_invariants(b.stmts[i]);
      b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(moved.begin()),
                     std::make_move_iterator(moved.end()));
      i += moved.size();
    }
  }

 private:
  // The invariant statements at the head of a scan's body, removed from it.
  std::vector<Stmt> take_invariants(Stmt& scan) {
    std::vector<Stmt> out;
    LocalCounts writes, inside;
    count_writes(scan, writes);  // the scan's own key and value included
    count_mentions(scan, inside);
    std::vector<Stmt>& body = scan.blocks[0].stmts;
    for (size_t j = 0; j < body.size() && (effect_free(body[j].kind) || (j == 0 && rule_call(body[j])));) {
      const Stmt& s = body[j];
      bool invariant = (movable(s.kind) || rule_call(s)) && s.blocks.empty() && s.outputs.size() == 1;
      for (const ir::Operand& o : s.inputs) invariant = invariant && !(o.is_local() && writes[o.index] > 0);
      if (invariant) {
        // Written by this statement alone, and used only inside the loop.
        Local target = s.outputs[0];
        invariant = writes[target] == 1 && uses_[target] == inside[target] && target != ir::kInputLocal &&
                    target != ir::kDataLocal;
      }
      if (!invariant) {
        if (rule_call(s)) break;  // what follows may not run before it (it may fail with an error)
        ++j;
        continue;
      }
      writes[s.outputs[0]] = 0;  // now computed before the loop
      if (rule_call(s)) guard(scan.inputs[0], s.location, out);
      out.push_back(std::move(body[j]));
      body.erase(body.begin() + static_cast<std::ptrdiff_t>(j));
    }
    return out;
  }

  bool rule_call(const Stmt& s) const {
    return s.kind == StmtKind::kCallFunc && s.inputs.empty() && s.imm < policy_.functions.size() &&
           policy_.functions[s.imm].kind == ir::FunctionKind::kRule;
  }

  // `not { isstring c }  len c -> n  notequal n, 0`: what holds when scanning c iterates.
  void guard(const ir::Operand& c, const runtime::Location& loc, std::vector<Stmt>& out) {
    Block is_string;
    is_string.stmts.push_back(ir::make_stmt(StmtKind::kIsString, {c}, {}, 0, {}, loc));
    std::vector<Block> blocks;
    blocks.push_back(std::move(is_string));
    out.push_back(ir::make_stmt(StmtKind::kNot, {}, {}, 0, std::move(blocks), loc));
    Local n = next_++;
    out.push_back(ir::make_stmt(StmtKind::kLen, {c}, {n}, 0, {}, loc));
    out.push_back(
        ir::make_stmt(StmtKind::kNotEqual, {ir::Operand::local(n), ir::Operand::constant(invariants_.zero())}, {}, 0, {}, loc));
  }

  LoopInvariants& invariants_;
  const ir::Policy& policy_;
  Local next_;
  LocalCounts uses_;
};

uint32_t LoopInvariants::zero() {
  if (!zero_) zero_ = ir::ConstantInterner(policy_).intern(runtime::Value::integer(0));
  return *zero_;
}

void LoopInvariants::hoist(ir::Function& fn) {
  Hoister h(*this, fn);
  for (Block& b : fn.blocks) h.block(b);
}

}  // namespace arcane::compiler::plan
