// Shared lookups; see shared_lookups.h.
#include "compiler/plan/shared_lookups.h"

#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::Operand;
using ir::Stmt;
using ir::StmtKind;

// A lookup's source and key operands (kinds and indexes); a rule call's function index
// after kRuleCall.
using Key = std::tuple<uint8_t, uint32_t, uint8_t, uint32_t>;
constexpr uint8_t kRuleCall = 0xff;

class Sharer {
 public:
  Sharer(const ir::Policy& policy, const ir::Function& fn) : policy_(policy), fn_(fn) {
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) ir::count_writes(s, writes_);
    }
  }

  void block(Block& b) {
    std::vector<Key> added;
    for (size_t i = 0; i < b.stmts.size();) {
      Stmt& s = b.stmts[i];
      for (Operand& o : s.inputs) {
        if (!o.is_local()) continue;
        auto a = alias_.find(o.index);
        if (a != alias_.end()) o.index = a->second;
      }
      std::optional<Key> shared = shareable(s);
      if (shared) {
        const Key& k = *shared;
        auto found = available_.find(k);
        if (found != available_.end()) {
          alias_[s.outputs[0]] = found->second;
          b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i));
          continue;
        }
        available_.emplace(k, s.outputs[0]);
        added.push_back(k);
      } else if (s.kind == StmtKind::kWith) {
        // The documents differ inside: nothing looked up outside is known there.
        std::map<Key, Local> outside;
        outside.swap(available_);
        for (Block& inner : s.blocks) block(inner);
        available_.swap(outside);
      } else {
        for (Block& inner : s.blocks) block(inner);
      }
      ++i;
    }
    for (const Key& k : added) available_.erase(k);
  }

 private:
  // The key of a statement whose result another with the same key may stand for: a
  // lookup of stable operands, or a call of a rule (the memo gives every call within one
  // set of documents the same result).
  std::optional<Key> shareable(const Stmt& s) const {
    if (s.outputs.empty() || !written_once(s.outputs[0])) return std::nullopt;
    if (s.kind == StmtKind::kDot && stable(s.inputs[0]) && stable(s.inputs[1])) {
      return Key{static_cast<uint8_t>(s.inputs[0].kind), s.inputs[0].index, static_cast<uint8_t>(s.inputs[1].kind),
                 s.inputs[1].index};
    }
    if (s.kind == StmtKind::kCallFunc && s.inputs.empty() && s.imm < policy_.functions.size() &&
        policy_.functions[s.imm].kind == ir::FunctionKind::kRule) {
      return Key{kRuleCall, s.imm, 0, 0};
    }
    return std::nullopt;
  }

  // Whether an operand holds one value wherever it is read (the documents change only
  // under `with`, which hides what was looked up outside it).
  bool stable(const Operand& o) const {
    if (!o.is_local() || o.index < ir::kFirstFreeLocal) return true;
    return is_param(o.index) ? ir::count_of(writes_, o.index) == 0 : written_once(o.index);
  }
  bool written_once(Local l) const {
    return l >= ir::kFirstFreeLocal && !is_param(l) && ir::count_of(writes_, l) == 1;
  }
  bool is_param(Local l) const {
    for (Local p : fn_.params) {
      if (p == l) return true;
    }
    return false;
  }

  const ir::Policy& policy_;
  const ir::Function& fn_;
  ir::LocalCounts writes_;
  std::map<Key, Local> available_;
  std::unordered_map<Local, Local> alias_;
};

}  // namespace

void share_lookups(const ir::Policy& policy, ir::Function& fn) {
  Sharer s(policy, fn);
  for (Block& b : fn.blocks) s.block(b);
}

}  // namespace arcane::compiler::plan
