// Structural and dataflow checks of a plan; see verifier.h for the list.
#include "ir/verifier.h"

#include <set>
#include <string>
#include <unordered_set>

#include "ir/printer.h"
#include "ir/rule_index.h"

namespace arcane::ir {

namespace {

using runtime::Diagnostic;

class Reporter {
 public:
  Reporter(std::vector<Diagnostic>& out, size_t limit) : out_(out), limit_(limit) {}
  void add(const Function& f, const runtime::Location& loc, const std::string& what) {
    if (out_.size() < limit_) out_.push_back({"ir_verify_error", print_name(f.name) + ": " + what, loc, {}});
  }
  bool full() const { return out_.size() >= limit_; }

 private:
  std::vector<Diagnostic>& out_;
  size_t limit_;
};

// ---- Structure ------------------------------------------------------------------------

class StructureCheck {
 public:
  StructureCheck(const Policy& p, Reporter& r) : p_(p), r_(r) {}

  void function(const Function& f) {
    f_ = &f;
    check_params(f);
    if (f.blocks.empty() && f.kind != FunctionKind::kPlan) r_.add(f, f.location, "function has no blocks");
    for (const Block& b : f.blocks) block(b, 1);
  }

 private:
  void check_params(const Function& f) {
    if (f.kind != FunctionKind::kFunction && !f.params.empty()) {
      r_.add(f, f.location, "only functions take parameters");
    }
    std::set<Local> seen;
    for (Local l : f.params) {
      if (l < kFirstFreeLocal || l >= kMaxLocals)
        r_.add(f, f.location, "parameter l" + std::to_string(l) + " out of range");
      if (!seen.insert(l).second) r_.add(f, f.location, "parameter l" + std::to_string(l) + " repeated");
    }
  }

  void block(const Block& b, uint32_t depth) {
    for (const Stmt& s : b.stmts) {
      if (r_.full()) return;
      stmt(s, depth);
    }
  }

  void stmt(const Stmt& s, uint32_t depth) {
    if (static_cast<size_t>(s.kind) >= kStmtKindCount) {
      r_.add(*f_, s.location, "unknown statement kind");
      return;
    }
    const StmtShape& sh = shape(s.kind);
    std::string name(sh.name);
    if (sh.inputs != kVariadic && s.inputs.size() != static_cast<size_t>(sh.inputs)) {
      r_.add(*f_, s.location, name + " takes " + std::to_string(sh.inputs) + " operand(s)");
    }
    if (s.outputs.size() != static_cast<size_t>(sh.outputs)) {
      r_.add(*f_, s.location, name + " writes " + std::to_string(sh.outputs) + " local(s)");
    }
    bool blocks_ok = sh.blocks == kOneOrMore ? !s.blocks.empty() : s.blocks.size() == static_cast<size_t>(sh.blocks);
    if (!blocks_ok) r_.add(*f_, s.location, name + " has the wrong number of blocks");
    for (const Operand& o : s.inputs) operand(s, o);
    for (Local l : s.outputs) {
      if (l < kFirstFreeLocal) r_.add(*f_, s.location, name + " writes input or data");
      if (l >= kMaxLocals) r_.add(*f_, s.location, "local l" + std::to_string(l) + " out of range");
    }
    if (s.location.file > p_.files.size() && !p_.files.empty()) r_.add(*f_, s.location, "location file out of range");
    kind_specific(s, depth);
    for (const Block& b : s.blocks) block(b, depth + 1);
  }

  void operand(const Stmt& s, const Operand& o) {
    switch (o.kind) {
      case Operand::Kind::kLocal:
        if (o.index >= kMaxLocals) r_.add(*f_, s.location, "local l" + std::to_string(o.index) + " out of range");
        return;
      case Operand::Kind::kConst:
        if (o.index >= p_.constants.size()) {
          r_.add(*f_, s.location, "constant " + std::to_string(o.index) + " out of range");
        }
        return;
      case Operand::Kind::kBool:
        if (o.index > 1) r_.add(*f_, s.location, "boolean operand out of range");
        return;
      default: r_.add(*f_, s.location, "unknown operand kind"); return;
    }
  }

  void kind_specific(const Stmt& s, uint32_t depth) {
    switch (s.kind) {
      case StmtKind::kBreak:
        if (s.imm >= depth) {
          r_.add(*f_, s.location,
                 "break " + std::to_string(s.imm) + " leaves the function (" + std::to_string(depth) +
                     " enclosing block(s))");
        }
        return;
      case StmtKind::kCallBuiltin: return call_builtin(s);
      case StmtKind::kCallFunc: return call_func(s);
      case StmtKind::kCallDynamic:
        if (s.imm > s.inputs.size() || s.imm == 0) r_.add(*f_, s.location, "calldynamic path length out of range");
        return;
      case StmtKind::kGroupAdd:
        if (s.imm > static_cast<uint32_t>(Group::kSet)) r_.add(*f_, s.location, "groupadd of an unknown collection kind");
        return;
      case StmtKind::kWith:
        if (s.imm > 1) r_.add(*f_, s.location, "with replaces an unknown document");
        if (s.inputs.empty()) r_.add(*f_, s.location, "with needs a value");
        for (size_t i = 1; i < s.inputs.size(); ++i) {
          if (s.inputs[i].kind != Operand::Kind::kConst)
            r_.add(*f_, s.location, "with path elements must be constants");
        }
        return;
      case StmtKind::kIsDefined:
      case StmtKind::kIsUndefined:
        if (!s.inputs.empty() && !s.inputs[0].is_local()) r_.add(*f_, s.location, "operand must be a local");
        return;
      case StmtKind::kRuleIndex: return rule_index(s);
      case StmtKind::kResultSetAdd:
        if (f_->kind != FunctionKind::kPlan) r_.add(*f_, s.location, "resultsetadd outside a plan");
        return;
      case StmtKind::kReturnLocal:
        if (f_->kind == FunctionKind::kPlan) r_.add(*f_, s.location, "return in a plan");
        return;
      default: return;
    }
  }

  void rule_index(const Stmt& s) {
    if (s.inputs.size() != 2 || s.inputs[1].kind != Operand::Kind::kConst || s.inputs[1].index >= p_.constants.size()) {
      r_.add(*f_, s.location, "ruleindex needs a constant table");
      return;
    }
    std::string why;
    if (!decode_rule_index(p_.constants[s.inputs[1].index], s.blocks.size(), &why)) r_.add(*f_, s.location, why);
  }

  void call_builtin(const Stmt& s) {
    if (s.imm >= p_.builtins.size()) {
      r_.add(*f_, s.location, "built-in " + std::to_string(s.imm) + " out of range");
      return;
    }
    const BuiltinRef& b = p_.builtins[s.imm];
    if (b.arity != kVariadic && s.inputs.size() != static_cast<size_t>(b.arity)) {
      r_.add(*f_, s.location,
             "call of " + b.name + " with " + std::to_string(s.inputs.size()) + " operand(s), want " +
                 std::to_string(b.arity));
    }
  }

  void call_func(const Stmt& s) {
    if (s.imm >= p_.functions.size()) {
      r_.add(*f_, s.location, "function " + std::to_string(s.imm) + " out of range");
      return;
    }
    const Function& callee = p_.functions[s.imm];
    if (callee.kind == FunctionKind::kPlan) r_.add(*f_, s.location, "call of plan " + callee.name);
    if (s.inputs.size() != callee.params.size()) {
      r_.add(*f_, s.location,
             "call of " + callee.name + " with " + std::to_string(s.inputs.size()) + " operand(s), want " +
                 std::to_string(callee.params.size()));
    }
  }

  const Policy& p_;
  Reporter& r_;
  const Function* f_ = nullptr;
};

// ---- Definite assignment ----------------------------------------------------------------

// The locals certainly assigned at a program point; `reachable` false is "no path gets
// here", the top of the lattice.
struct Assigned {
  bool reachable = false;
  std::vector<bool> bits;

  bool has(Local l) const { return !reachable || (l < bits.size() && bits[l]); }
  void set(Local l, bool v) {
    if (l >= bits.size()) bits.resize(l + 1, false);
    bits[l] = v;
  }
  void meet(const Assigned& other) {
    if (!other.reachable) return;
    if (!reachable) {
      *this = other;
      return;
    }
    if (bits.size() > other.bits.size()) bits.resize(other.bits.size());
    for (size_t i = 0; i < bits.size(); ++i) bits[i] = bits[i] && other.bits[i];
  }
};

class AssignmentCheck {
 public:
  AssignmentCheck(Reporter& r) : r_(r) {}

  void function(const Function& f) {
    f_ = &f;
    reported_.clear();
    Assigned cur;
    cur.reachable = true;
    cur.set(kInputLocal, true);
    cur.set(kDataLocal, true);
    for (Local l : f.params) cur.set(l, true);
    for (const Block& b : f.blocks) cur = block(b, cur);
  }

 private:
  // The state after the block: the meet of every edge that leaves it.
  Assigned block(const Block& b, Assigned cur) {
    exits_.push_back(Assigned{});
    for (const Stmt& s : b.stmts) stmt(s, cur);
    exits_.back().meet(cur);
    Assigned out = std::move(exits_.back());
    exits_.pop_back();
    return out;
  }

  void leave(const Assigned& cur) { exits_.back().meet(cur); }

  void use(const Stmt& s, Local l, const Assigned& cur) {
    if (cur.has(l) || !reported_.insert(l).second) return;
    r_.add(*f_, s.location,
           std::string(shape(s.kind).name) + " reads l" + std::to_string(l) + " before it is assigned on some path");
  }

  void uses(const Stmt& s, const Assigned& cur) {
    switch (s.kind) {
      case StmtKind::kIsDefined:
      case StmtKind::kIsUndefined:
      case StmtKind::kReturnLocal:
      case StmtKind::kRuleIndex: return;  // its key may be undefined (then it selects less)
      case StmtKind::kArrayAppend:
      case StmtKind::kObjectInsert:
      case StmtKind::kObjectInsertOnce:
      case StmtKind::kSetAdd:
      case StmtKind::kGroupAdd:
      case StmtKind::kGroupInsert: use(s, s.outputs[0], cur); break;
      default: break;
    }
    for (const Operand& o : s.inputs) {
      if (o.is_local()) use(s, o.index, cur);
    }
  }

  void stmt(const Stmt& s, Assigned& cur) {
    if (!cur.reachable) return;
    uses(s, cur);
    switch (s.kind) {
      case StmtKind::kBlock:
        for (const Block& b : s.blocks) cur = block(b, cur);
        return;
      case StmtKind::kScan: {
        Assigned body = cur;
        for (Local l : s.outputs) body.set(l, true);
        block(s.blocks[0], body);  // the body's end loops back; after the scan: as before
        return;
      }
      case StmtKind::kRuleIndex:
        // Any subset of the blocks may run, in order: each is checked from the state
        // before the statement, and nothing they assign counts after it.
        for (const Block& b : s.blocks) block(b, cur);
        return;
      case StmtKind::kNot:
        block(s.blocks[0], cur);
        leave(cur);
        return;
      case StmtKind::kWith:
        leave(cur);
        cur = block(s.blocks[0], cur);
        return;
      case StmtKind::kBreak:
        exits_[exits_.size() - 1 - s.imm].meet(cur);
        cur.reachable = false;
        return;
      case StmtKind::kReturnLocal: cur.reachable = false; return;
      case StmtKind::kResetLocal: cur.set(s.outputs[0], false); return;
      case StmtKind::kIsDefined:
        leave(cur);
        cur.set(s.inputs[0].index, true);
        return;
      default:
        if (shape(s.kind).may_be_undefined) leave(cur);
        for (Local l : s.outputs) cur.set(l, true);
        return;
    }
  }

  Reporter& r_;
  const Function* f_ = nullptr;
  std::vector<Assigned> exits_;
  std::unordered_set<Local> reported_;
};

void check_names(const Policy& p, Reporter& r) {
  std::set<std::string> names;
  std::set<std::vector<std::string>> paths;
  for (const Function& f : p.functions) {
    if (!names.insert(f.name).second) r.add(f, f.location, "function name defined twice");
    if (!f.path.empty() && !paths.insert(f.path).second) r.add(f, f.location, "function path defined twice");
  }
}

}  // namespace

std::vector<Diagnostic> verify_policy(const Policy& p, const VerifyOptions& options) {
  std::vector<Diagnostic> out;
  Reporter r(out, options.max_errors);
  check_names(p, r);
  StructureCheck structure(p, r);
  for (const Function& f : p.functions) structure.function(f);
  if (!out.empty() || !options.definite_assignment) return out;  // the dataflow trusts the shapes
  AssignmentCheck assignment(r);
  for (const Function& f : p.functions) assignment.function(f);
  return out;
}

}  // namespace arcane::ir
