// Flag locals; see flags.h.
#include "compiler/plan/flags.h"

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::LocalCounts;
using ir::Stmt;
using ir::StmtKind;

// How many statements mention each local, as an operand or an output.
void count_mentions(const Stmt& s, LocalCounts& out) {
  ir::count_reads(s, out);
  ir::count_writes(s, out);
}

LocalCounts counted(const ir::Function& fn, void (*count)(const Stmt&, LocalCounts&)) {
  LocalCounts out;
  for (const Block& b : fn.blocks) {
    for (const Stmt& s : b.stmts) count(s, out);
  }
  return out;
}

class Negations {
 public:
  explicit Negations(const ir::Function& fn) : mentions_(counted(fn, count_mentions)) {}

  void block(Block& b) {
    for (Stmt& s : b.stmts) {
      for (Block& inner : s.blocks) block(inner);
    }
    for (size_t i = 0; i + 2 < b.stmts.size(); ++i) {
      if (!flag_negation(b.stmts[i], b.stmts[i + 1], b.stmts[i + 2])) continue;
      Stmt& guarded = b.stmts[i + 1];
      std::vector<Stmt>& body = guarded.blocks[0].stmts;
      body.resize(body.size() - 2);  // the assignment and the break
      Stmt negation = ir::make_stmt(StmtKind::kNot, {}, {}, 0, std::move(guarded.blocks), guarded.location);
      b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i), b.stmts.begin() + static_cast<std::ptrdiff_t>(i + 3));
      b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i), std::move(negation));
    }
  }

 private:
  // reset f; block { ... assign true -> f  break 0 }; isundefined f, with f nowhere else.
  bool flag_negation(const Stmt& reset, const Stmt& guarded, const Stmt& test) const {
    if (reset.kind != StmtKind::kResetLocal || guarded.kind != StmtKind::kBlock || guarded.blocks.size() != 1 ||
        test.kind != StmtKind::kIsUndefined) {
      return false;
    }
    Local f = reset.outputs[0];
    if (!test.inputs[0].is_local() || test.inputs[0].index != f || ir::count_of(mentions_, f) != 3) return false;
    const std::vector<Stmt>& body = guarded.blocks[0].stmts;
    if (body.size() < 2) return false;
    const Stmt& assign = body[body.size() - 2];
    const Stmt& leave = body.back();
    return assign.kind == StmtKind::kAssignVar && assign.outputs[0] == f &&
           assign.inputs[0] == ir::Operand::boolean(true) && leave.kind == StmtKind::kBreak && leave.imm == 0;
  }

  LocalCounts mentions_;
};

void drop_unread_resets(Block& b, const LocalCounts& readers) {
  std::erase_if(b.stmts, [&](const Stmt& s) {
    return s.kind == StmtKind::kResetLocal && ir::count_of(readers, s.outputs[0]) == 0;
  });
  for (Stmt& s : b.stmts) {
    for (Block& inner : s.blocks) drop_unread_resets(inner, readers);
  }
}

}  // namespace

void drop_flags(ir::Function& fn) {
  Negations n(fn);
  for (Block& b : fn.blocks) n.block(b);
  LocalCounts readers = counted(fn, [](const Stmt& s, LocalCounts& out) { ir::count_readers(s, out); });
  for (Block& b : fn.blocks) drop_unread_resets(b, readers);
}

}  // namespace arcane::compiler::plan
