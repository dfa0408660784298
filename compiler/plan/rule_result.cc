// One-body rules; see rule_result.h.
#include "compiler/plan/rule_result.h"

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::LocalCounts;
using ir::Stmt;
using ir::StmtKind;

void counts(const Block& b, LocalCounts& reads, LocalCounts& writes) {
  for (const Stmt& s : b.stmts) {
    ir::count_reads(s, reads);
    ir::count_writes(s, writes);
  }
}

}  // namespace

void assign_rule_results_directly(ir::Function& fn) {
  if (fn.kind == ir::FunctionKind::kPlan || fn.blocks.size() < 3) return;
  Block& body = fn.blocks[0];
  const Block& copy = fn.blocks[1];
  if (body.stmts.empty() || body.stmts[0].kind != StmtKind::kResetLocal || copy.stmts.size() != 2) return;
  Local result = body.stmts[0].outputs[0];
  const Stmt& check = copy.stmts[0];
  const Stmt& assign = copy.stmts[1];
  if (check.kind != StmtKind::kIsDefined || check.inputs[0] != ir::Operand::local(result) ||
      assign.kind != StmtKind::kAssignVarOnce || assign.inputs[0] != ir::Operand::local(result)) {
    return;
  }
  Local ret = assign.outputs[0];
  if (ret == result || ret < ir::kFirstFreeLocal || result < ir::kFirstFreeLocal) return;
  // `result` lives in these two blocks only, and `ret` is written by the copy alone.
  LocalCounts reads, writes, body_reads, body_writes;
  for (const Block& b : fn.blocks) counts(b, reads, writes);
  counts(body, body_reads, body_writes);
  if (ir::count_of(reads, result) != 2 || ir::count_of(body_reads, result) != 0) return;
  if (ir::count_of(writes, result) != ir::count_of(body_writes, result)) return;
  if (ir::count_of(writes, ret) != 1 || ir::count_of(body_reads, ret) != 0) return;
  for (Local p : fn.params) {
    if (p == result || p == ret) return;
  }
  body.stmts.erase(body.stmts.begin());
  ir::rename_local(body, result, ret);
  fn.blocks.erase(fn.blocks.begin() + 1);
}

}  // namespace arcane::compiler::plan
