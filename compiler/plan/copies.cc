// Copy propagation on planned functions; see copies.h.
#include "compiler/plan/copies.h"

#include <vector>

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

size_t uses_in(const Stmt& s, Local l) {
  size_t n = 0;
  for (const ir::Operand& o : s.inputs) n += o.is_local() && o.index == l;
  for (const Block& b : s.blocks) {
    for (const Stmt& t : b.stmts) n += uses_in(t, l);
  }
  return n;
}

void rename(Stmt& s, Local from, Local to) {
  for (ir::Operand& o : s.inputs) {
    if (o.is_local() && o.index == from) o.index = to;
  }
  for (Block& b : s.blocks) {
    for (Stmt& t : b.stmts) rename(t, from, to);
  }
}

class CopyRemover {
 public:
  explicit CopyRemover(const ir::Function& fn) {
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) {
        count_writes(s, writes_);
        count_reads(s, uses_);
      }
    }
  }

  // `defined_`: locals whose single writer has run on every path reaching this block.
  void block(Block& b) {
    size_t mark = defined_.size();
    for (size_t i = 0; i < b.stmts.size();) {
      Stmt& s = b.stmts[i];
      if (removable(b, i)) {
        Local from = s.inputs[0].index, to = s.outputs[0];
        for (size_t k = i + 1; k < b.stmts.size(); ++k) rename(b.stmts[k], to, from);
        uses_[from] += count_of(uses_, to) - 1;  // the renamed uses read `from`; the copy's own is gone
        uses_[to] = 0;
        b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      if (s.kind == StmtKind::kScan) {
        for (Local l : s.outputs) defined_.push_back(l);  // inside its body only
        block(s.blocks[0]);
        defined_.resize(defined_.size() - s.outputs.size());
      } else {
        for (Block& inner : s.blocks) block(inner);
        // A statement with blocks may leave its outputs unset; one without defines them
        // or ends this block (a reset leaves its output undefined).
        if (s.blocks.empty() && s.kind != StmtKind::kResetLocal) {
          for (Local l : s.outputs) defined_.push_back(l);
        }
      }
      ++i;
    }
    defined_.resize(mark);
  }

 private:
  bool removable(const Block& b, size_t i) const {
    const Stmt& s = b.stmts[i];
    if (s.kind != StmtKind::kAssignVar || s.inputs.size() != 1 || !s.inputs[0].is_local() || s.outputs.size() != 1) {
      return false;
    }
    Local from = s.inputs[0].index, to = s.outputs[0];
    if (from == to || to == ir::kInputLocal || to == ir::kDataLocal) return false;
    if (count_of(writes_, to) != 1 || count_of(writes_, from) != 1) return false;
    bool defined = false;
    for (Local l : defined_) defined = defined || l == from;
    if (!defined) return false;
    size_t later = 0;
    for (size_t k = i + 1; k < b.stmts.size(); ++k) later += uses_in(b.stmts[k], to);
    return later == count_of(uses_, to);
  }

  LocalCounts writes_, uses_;
  std::vector<Local> defined_;
};

}  // namespace

void remove_copies(ir::Function& fn) {
  CopyRemover r(fn);
  for (Block& b : fn.blocks) r.block(b);
}

}  // namespace arcane::compiler::plan
