// Conditions known to hold; see known_conditions.h.
#include "compiler/plan/known_conditions.h"

#include <unordered_map>
#include <vector>

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::Operand;
using ir::Stmt;
using ir::StmtKind;

class Dropper {
 public:
  Dropper(const ir::Policy& p, const ir::Function& fn) : p_(p) {
    for (Local l : fn.params) only_true_[l] = false;
    only_true_[ir::kInputLocal] = false;
    only_true_[ir::kDataLocal] = false;
    for (const Block& b : fn.blocks) scan(b);
  }

  void block(Block& b) {
    std::vector<Stmt> out;
    out.reserve(b.stmts.size());
    for (Stmt& s : b.stmts) {
      for (Block& inner : s.blocks) block(inner);
      const Stmt* prev = out.empty() ? nullptr : &out.back();
      if (s.kind == StmtKind::kNotEqual && constant_unequal(s.inputs[0], s.inputs[1])) continue;
      if (s.kind == StmtKind::kNotEqual && s.inputs[0].is_local() && is_boolean(s.inputs[1], false) &&
          holds_only_true(s.inputs[0].index)) {
        if (prev && prev->kind == StmtKind::kIsDefined && prev->inputs[0] == s.inputs[0]) continue;
        s.kind = StmtKind::kIsDefined;
        s.inputs.pop_back();
      }
      if (s.kind == StmtKind::kIsDefined && prev && prev->kind == StmtKind::kIsDefined &&
          prev->inputs[0] == s.inputs[0]) {
        continue;
      }
      out.push_back(std::move(s));
    }
    b.stmts = std::move(out);
  }

 private:
  // Which locals are only ever written `true` (or reset).
  void scan(const Block& b) {
    for (const Stmt& s : b.stmts) {
      bool writes_true =
          (s.kind == StmtKind::kAssignVar || s.kind == StmtKind::kAssignVarOnce) && is_boolean(s.inputs[0], true);
      for (Local l : s.outputs) {
        auto [it, fresh] = only_true_.try_emplace(l, true);
        if (!writes_true && s.kind != StmtKind::kResetLocal) it->second = false;
      }
      if (s.kind == StmtKind::kWith) {  // replaces a document
        only_true_[s.imm == static_cast<uint32_t>(ir::Document::kData) ? ir::kDataLocal : ir::kInputLocal] = false;
      }
      for (const Block& inner : s.blocks) scan(inner);
    }
  }

  bool holds_only_true(Local l) const {
    auto it = only_true_.find(l);
    return it != only_true_.end() && it->second;
  }

  const runtime::Value* constant(const Operand& o, runtime::Value& scratch) const {
    if (o.kind == Operand::Kind::kBool) {
      scratch = runtime::Value::boolean(o.index != 0);
      return &scratch;
    }
    if (o.kind == Operand::Kind::kConst && o.index < p_.constants.size()) return &p_.constants[o.index];
    return nullptr;
  }

  // The boolean b, as a boolean operand or a constant of the pool.
  bool is_boolean(const Operand& o, bool b) const {
    runtime::Value scratch;
    const runtime::Value* v = constant(o, scratch);
    return v && v->is_boolean() && v->as_bool() == b;
  }

  bool constant_unequal(const Operand& a, const Operand& b) const {
    runtime::Value sa, sb;
    const runtime::Value* va = constant(a, sa);
    const runtime::Value* vb = constant(b, sb);
    return va && vb && !(*va == *vb);
  }

  const ir::Policy& p_;
  std::unordered_map<Local, bool> only_true_;
};

}  // namespace

void drop_known_conditions(const ir::Policy& policy, ir::Function& fn) {
  Dropper d(policy, fn);
  for (Block& b : fn.blocks) d.block(b);
}

}  // namespace arcane::compiler::plan
