// Counting the locals a planned statement reads and writes, nested blocks included: what
// the passes over finished plans (copies.h, hoist.h) decide from.
#pragma once

#include <cstddef>
#include <unordered_map>

#include "ir/ir.h"

namespace arcane::compiler::plan {

using LocalCounts = std::unordered_map<ir::Local, size_t>;

// How many times s and the statements in its blocks read each local as an operand.
inline void count_reads(const ir::Stmt& s, LocalCounts& out) {
  for (const ir::Operand& o : s.inputs) {
    if (o.is_local()) ++out[o.index];
  }
  for (const ir::Block& b : s.blocks) {
    for (const ir::Stmt& t : b.stmts) count_reads(t, out);
  }
}

// How many statements (s and those in its blocks) write each local; a `with` writes the
// document it replaces.
inline void count_writes(const ir::Stmt& s, LocalCounts& out) {
  for (ir::Local l : s.outputs) ++out[l];
  if (s.kind == ir::StmtKind::kWith) {
    ++out[s.imm == static_cast<uint32_t>(ir::Document::kData) ? ir::kDataLocal : ir::kInputLocal];
  }
  for (const ir::Block& b : s.blocks) {
    for (const ir::Stmt& t : b.stmts) count_writes(t, out);
  }
}

// The count of `l`, 0 when absent.
inline size_t count_of(const LocalCounts& m, ir::Local l) {
  auto it = m.find(l);
  return it == m.end() ? 0 : it->second;
}

}  // namespace arcane::compiler::plan
