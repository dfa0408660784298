// Counting the locals a statement reads and writes, nested blocks included: what the
// passes over finished plans (compiler/plan: copies, hoist, inline) and the lowering's
// peepholes decide from.
#pragma once

#include <cstddef>
#include <unordered_map>

#include "ir/ir.h"

namespace arcane::ir {

using LocalCounts = std::unordered_map<Local, size_t>;

// How many times s and the statements in its blocks read each local as an operand.
inline void count_reads(const Stmt& s, LocalCounts& out) {
  for (const Operand& o : s.inputs) {
    if (o.is_local()) ++out[o.index];
  }
  for (const Block& b : s.blocks) {
    for (const Stmt& t : b.stmts) count_reads(t, out);
  }
}

// How many statements (s and those in its blocks) write each local; a `with` writes the
// document it replaces.
inline void count_writes(const Stmt& s, LocalCounts& out) {
  for (Local l : s.outputs) ++out[l];
  if (s.kind == StmtKind::kWith) {
    ++out[s.imm == static_cast<uint32_t>(Document::kData) ? kDataLocal : kInputLocal];
  }
  for (const Block& b : s.blocks) {
    for (const Stmt& t : b.stmts) count_writes(t, out);
  }
}

// Statements whose output is updated in place (an insert, or `assignonce`, which
// compares with the value there): they read it first.
inline bool reads_output(StmtKind k) {
  switch (k) {
    case StmtKind::kAssignVarOnce:
    case StmtKind::kArrayAppend:
    case StmtKind::kObjectInsert:
    case StmtKind::kObjectInsertOnce:
    case StmtKind::kSetAdd:
    case StmtKind::kGroupAdd:
    case StmtKind::kGroupInsert: return true;
    default: return false;
  }
}

// How many statements read each local's value: as an operand, or as an output updated in
// place (reads_output). `isdefined` counts only with `with_isdefined`: it tests whether a
// local is set without reading it.
inline void count_readers(const Stmt& s, LocalCounts& out, bool with_isdefined = true) {
  if (with_isdefined || s.kind != StmtKind::kIsDefined) {
    for (const Operand& o : s.inputs) {
      if (o.is_local()) ++out[o.index];
    }
    if (reads_output(s.kind)) {
      for (Local l : s.outputs) ++out[l];
    }
  }
  for (const Block& b : s.blocks) {
    for (const Stmt& t : b.stmts) count_readers(t, out, with_isdefined);
  }
}

// The count of `l`, 0 when absent.
inline size_t count_of(const LocalCounts& m, Local l) {
  auto it = m.find(l);
  return it == m.end() ? 0 : it->second;
}

}  // namespace arcane::ir
