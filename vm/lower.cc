// Lowering a plan to bytecode: structured blocks become jumps. See program.h for the
// scheme and docs/ir.md for the meaning of each statement.
#include <algorithm>
#include <functional>
#include <numeric>

#include "ir/rule_index.h"
#include "ir/stmt_counts.h"
#include "ir/verifier.h"
#include "vm/opcodes.h"
#include "vm/owned_registers.h"
#include "vm/program.h"

namespace arcane::vm {

class Lowerer {
 public:
  Lowerer(const ir::Policy& p, const BuiltinProvider& b) : policy_(p), provider_(b) {}

  runtime::Result<std::shared_ptr<const Program>> run(const LowerOptions& options) {
    ir::VerifyOptions vo;
    vo.definite_assignment = options.definite_assignment;
    vo.max_errors = 1;
    std::vector<runtime::Diagnostic> errors = ir::verify_policy(policy_, vo);
    if (!errors.empty()) return errors[0];
    if (policy_.constants.size() + 2 > kIndexMask) return error("ir_verify_error", "too many constants");
    prog_.reset(new Program());
    prog_->files_ = policy_.files;
    prog_->constants_ = policy_.constants;
    false_ = static_cast<uint32_t>(prog_->constants_.size());
    prog_->constants_.push_back(runtime::Value::boolean(false));
    prog_->constants_.push_back(runtime::Value::boolean(true));
    prog_->index_constant_nodes();
    if (std::optional<runtime::Diagnostic> e = resolve_builtins()) return *e;
    for (size_t i = 0; i < policy_.functions.size(); ++i) declare(policy_.functions[i], static_cast<uint32_t>(i));
    for (size_t i = 0; i < policy_.functions.size() && !error_; ++i) function(policy_.functions[i], i);
    if (error_) return *error_;
    patch_labels();
    prog_->releases_listed_ = !has_with(prog_->code_);
    for (std::vector<uint32_t>& l : prog_->index_lists_) {
      for (uint32_t& at : l) at = static_cast<uint32_t>(labels_[at].pos);
    }
    return std::shared_ptr<const Program>(std::move(prog_));
  }

 private:
  struct Label {
    int64_t pos = -1;
    std::vector<size_t> patches;
  };
  // Where control goes when it leaves a block, and how many `with` overrides are still
  // in force there (a break pops the rest).
  struct BlockExit {
    uint32_t label;
    uint32_t withs;
    bool next;  // the label is bound right after the block's code
  };

  static runtime::Diagnostic error(std::string code, std::string message, runtime::Location loc = {}) {
    return runtime::Diagnostic{std::move(code), std::move(message), loc, {}};
  }

  std::optional<runtime::Diagnostic> resolve_builtins() {
    for (const ir::BuiltinRef& ref : policy_.builtins) {
      const Builtin* b = provider_.find(ref.name);
      if (!b || !b->fn) return error("rego_type_error", "undefined function " + ref.name);
      if (ref.arity != ir::kVariadic && b->arity >= 0 && ref.arity != b->arity) {
        return error("rego_type_error", ref.name + ": arity mismatch: plan declares " + std::to_string(ref.arity) +
                                            " operand(s), the built-in takes " + std::to_string(b->arity));
      }
      prog_->builtins_.push_back(b);
    }
    return std::nullopt;
  }

  void declare(const ir::Function& f, uint32_t index) {
    FunctionInfo info;
    info.name = f.name;
    info.kind = f.kind;
    info.params = f.params;
    info.memoised = f.kind != ir::FunctionKind::kPlan && f.params.empty();
    prog_->functions_.push_back(std::move(info));
    if (!f.path.empty()) {
      std::vector<std::string_view> path(f.path.begin(), f.path.end());
      prog_->paths_.emplace(join_path(path), index);
    }
  }

  // ---- Emission --------------------------------------------------------------------

  void word(uint32_t w) { prog_->code_.push_back(w); }
  void op(Op o) { word(static_cast<uint32_t>(o)); }
  uint32_t pc() const { return static_cast<uint32_t>(prog_->code_.size()); }

  uint32_t new_label() {
    labels_.emplace_back();
    return static_cast<uint32_t>(labels_.size() - 1);
  }
  void bind(uint32_t l) { labels_[l].pos = pc(); }
  void target(uint32_t l) {
    labels_[l].patches.push_back(prog_->code_.size());
    word(0);
  }
  void patch_labels() {
    for (const Label& l : labels_) {
      for (size_t at : l.patches) prog_->code_[at] = static_cast<uint32_t>(l.pos);
    }
  }

  uint32_t operand(const ir::Operand& o) const {
    switch (o.kind) {
      case ir::Operand::Kind::kLocal: return reg(o.index);
      case ir::Operand::Kind::kConst: return kConstBit | o.index;
      case ir::Operand::Kind::kBool: return kConstBit | (false_ + o.index);
    }
    return 0;
  }
  void operands(const std::vector<ir::Operand>& in, size_t from, size_t to) {
    word(static_cast<uint32_t>(to - from));
    for (size_t i = from; i < to; ++i) word(operand(in[i]));
  }
  uint32_t fail() const { return exits_.back().label; }

  // ---- Structure ---------------------------------------------------------------------

  void function(const ir::Function& f, size_t index) {
    FunctionInfo& info = prog_->functions_[index];
    info.entry = pc();
    number_registers(f);
    for (ir::Local& p : info.params) p = reg(p);
    locals_ = registers_used_;
    next_iter_ = locals_;
    max_regs_ = locals_;
    for (const ir::Block& b : f.blocks) {
      uint32_t next = new_label();
      block(b, next, 0, true);
      bind(next);
    }
    op(f.kind == ir::FunctionKind::kPlan ? Op::kHalt : Op::kReturnUndefined);
    // Slow paths, out of the way of the code that usually runs.
    for (auto& emit : cold_) emit();
    cold_.clear();
    info.registers = max_regs_;
    info.owning = registers_holding_references(prog_->code_, info, pc());
  }

  // Registers for the locals the function mentions, numbered densely in their order
  // (the documents keep 0 and 1): planning and the passes after it leave many numbers
  // unused, and every call clears its frame.
  void number_registers(const ir::Function& f) {
    ir::LocalCounts mentions;
    for (const ir::Block& b : f.blocks) {
      for (const ir::Stmt& s : b.stmts) {
        ir::count_reads(s, mentions);
        ir::count_writes(s, mentions);
      }
    }
    for (ir::Local p : f.params) ++mentions[p];
    std::vector<bool> used(ir::kFirstFreeLocal, false);
    for (const auto& [l, n] : mentions) {
      if (l >= used.size()) used.resize(l + 1, false);
      used[l] = true;
    }
    reg_of_.assign(used.size(), 0);
    uint32_t next = ir::kFirstFreeLocal;
    for (ir::Local l = 0; l < used.size(); ++l) {
      reg_of_[l] = l < ir::kFirstFreeLocal ? l : used[l] ? next++ : 0;
    }
    registers_used_ = next;
  }
  uint32_t reg(ir::Local l) const { return reg_of_[l]; }

  void block(const ir::Block& b, uint32_t exit, uint32_t exit_withs, bool next) {
    exits_.push_back({exit, exit_withs, next});
    for (size_t i = 0; i < b.stmts.size() && !error_; ++i) {
      const ir::Stmt& s = b.stmts[i];
      note_location(s.location);
      if (size_t n = literal(b, i)) {
        build(b, i, n);
        i += n - 1;
        continue;
      }
      if (i + 1 < b.stmts.size() && compare_jump(s, b.stmts[i + 1])) {
        ++i;
        continue;
      }
      if (checked_later(b, i)) continue;
      last_ = i + 1 == b.stmts.size();
      stmt(s);
    }
    exits_.pop_back();
  }

  // A literal: `makearray` or `makeobject` followed by appends or inserts (of constant,
  // distinct keys) into it, none reading it. Returns how many statements it spans (0:
  // none, or no insert); Build makes the value at once, without a builder.
  size_t literal(const ir::Block& b, size_t i) const {
    using K = ir::StmtKind;
    constexpr size_t kMaxElements = 64;
    const ir::Stmt& make = b.stmts[i];
    if (make.kind != K::kMakeArray && make.kind != K::kMakeObject) return 0;
    const bool object = make.kind == K::kMakeObject;
    const ir::Local target = make.outputs[0];
    std::vector<const runtime::Value*> keys;
    size_t j = i + 1;
    for (; j < b.stmts.size() && j - i <= kMaxElements; ++j) {
      const ir::Stmt& s = b.stmts[j];
      bool fits = object ? (s.kind == K::kObjectInsert || s.kind == K::kObjectInsertOnce) : s.kind == K::kArrayAppend;
      if (!fits || s.outputs[0] != target) break;
      bool reads_target = false;
      for (const ir::Operand& o : s.inputs) reads_target = reads_target || (o.is_local() && o.index == target);
      if (reads_target) break;
      if (object) {
        if (s.inputs[0].is_local()) break;
        const runtime::Value* k = &prog_->constants_[operand(s.inputs[0]) & kIndexMask];
        bool repeated = false;
        for (const runtime::Value* seen : keys) repeated = repeated || *seen == *k;
        if (repeated) break;
        keys.push_back(k);
      }
    }
    return j - i >= 2 ? j - i : 0;
  }

  void build(const ir::Block& b, size_t i, size_t n) {
    const bool object = b.stmts[i].kind == ir::StmtKind::kMakeObject;
    uint32_t head = static_cast<uint32_t>(object ? runtime::Kind::kObject : runtime::Kind::kArray);
    if (object && n - 1 <= kBuildOrderMax) {
      std::vector<uint32_t> order(n - 1);
      std::iota(order.begin(), order.end(), 0u);
      auto key = [&](uint32_t k) -> const runtime::Value& {
        return prog_->constants_[operand(b.stmts[i + 1 + k].inputs[0]) & kIndexMask];
      };
      std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return key(x) < key(y); });
      head |= kBuildOrdered;
      for (size_t k = 0; k < order.size(); ++k) head |= order[k] << (kBuildOrderShift + 3 * k);
    }
    op(Op::kBuild), word(head);
    word(reg(b.stmts[i].outputs[0])), target(fail());
    word(static_cast<uint32_t>((n - 1) * (object ? 2 : 1)));
    for (size_t j = i + 1; j < i + n; ++j) {
      for (const ir::Operand& o : b.stmts[j].inputs) word(operand(o));
    }
  }

  // `isdefined l` followed (after other isdefineds, if any) by a statement of the same
  // block that reads l and leaves the block when an operand is undefined, as the
  // isdefined would: the check is the statement's own (the plan needs it only to show l
  // assigned, see ir/verifier.h).
  static bool checked_later(const ir::Block& b, size_t i) {
    using K = ir::StmtKind;
    const ir::Stmt& s = b.stmts[i];
    if (s.kind != K::kIsDefined) return false;
    size_t j = i + 1;
    while (j < b.stmts.size() && b.stmts[j].kind == K::kIsDefined) ++j;
    if (j == b.stmts.size()) return false;
    const ir::Stmt& next = b.stmts[j];
    switch (next.kind) {
      case K::kDot:
      case K::kLen:
      case K::kEqual:
      case K::kNotEqual:
      case K::kIsArray:
      case K::kIsObject:
      case K::kIsSet:
      case K::kIsString:
      case K::kIsNumber:
      case K::kIsBoolean:
      case K::kIsNull:
      case K::kCallBuiltin: break;
      default: return false;
    }
    for (const ir::Operand& o : next.inputs) {
      if (o == s.inputs[0]) return true;
    }
    return false;
  }

  void note_location(const runtime::Location& loc) {
    auto& locs = prog_->locations_;
    const runtime::Location last = locs.empty() ? runtime::Location{} : locs.back().second;
    if (loc.file == last.file && loc.offset == last.offset && loc.length == last.length) return;
    if (!locs.empty() && locs.back().first == pc()) {
      locs.back().second = loc;
    } else {
      locs.push_back({pc(), loc});
    }
  }

  void stmt(const ir::Stmt& s) {
    using K = ir::StmtKind;
    switch (s.kind) {
      case K::kBlock: return block_stmt(s);
      case K::kBreak: return break_stmt(s);
      case K::kScan: return scan(s);
      case K::kNot: return not_stmt(s);
      case K::kWith: return with(s);
      case K::kRuleIndex: return rule_index(s);
      case K::kCallBuiltin: return call_builtin(s);
      case K::kCallFunc:
        op(Op::kCallFunc), word(s.imm), word(reg(s.outputs[0])), target(fail());
        return operands(s.inputs, 0, s.inputs.size());
      case K::kCallDynamic:
        op(Op::kCallDynamic), word(reg(s.outputs[0])), target(fail());
        operands(s.inputs, 0, s.imm);
        return operands(s.inputs, s.imm, s.inputs.size());
      default: return simple(s);
    }
  }

  void block_stmt(const ir::Stmt& s) {
    for (const ir::Block& b : s.blocks) {
      uint32_t next = new_label();
      block(b, next, withs_, true);
      bind(next);
    }
  }

  void break_stmt(const ir::Stmt& s) {
    const BlockExit& to = exits_[exits_.size() - 1 - s.imm];
    if (s.imm == 0 && last_ && to.next) return;  // leaving the block is where control goes anyway
    for (uint32_t k = withs_; k > to.withs; --k) op(Op::kWithPop);
    op(Op::kJump), target(to.label);
  }

  void scan(const ir::Stmt& s) {
    uint32_t iter = next_iter_++;
    max_regs_ = std::max(max_regs_, next_iter_);
    uint32_t loop = new_label(), end = new_label();
    op(Op::kScanInit), word(operand(s.inputs[0])), word(iter), target(end);
    bind(loop);
    op(Op::kScanNext), word(iter), word(reg(s.outputs[0])), word(reg(s.outputs[1])), target(end);
    block(s.blocks[0], loop, withs_, false);
    op(Op::kJump), target(loop);
    bind(end);
    --next_iter_;
  }

  // The body leaving early (undefined) makes the not defined: continue after it. The body
  // running to its end makes the not undefined: leave the enclosing block.
  void not_stmt(const ir::Stmt& s) {
    uint32_t holds = new_label();
    block(s.blocks[0], holds, withs_, false);
    op(Op::kJump), target(fail());
    bind(holds);
  }

  void with(const ir::Stmt& s) {
    op(Op::kWithPush), word(s.imm), word(operand(s.inputs[0])), target(fail());
    operands(s.inputs, 1, s.inputs.size());
    ++withs_;
    uint32_t pop = new_label();
    block(s.blocks[0], pop, withs_, true);
    bind(pop);
    op(Op::kWithPop);
    --withs_;
  }

  // select the blocks' list into two hidden cursor registers, then a loop: `index.next`
  // jumps to the next selected block, whose end (or exit) comes back to it.
  void rule_index(const ir::Stmt& s) {
    std::string why;
    std::optional<ir::RuleIndexTable> t =
        ir::decode_rule_index(policy_.constants[s.inputs[1].index], s.blocks.size(), &why);
    if (!t) {
      error_ = error("ir_verify_error", why, s.location);
      return;
    }
    uint32_t cursor = next_iter_;
    next_iter_ += 2;
    max_regs_ = std::max(max_regs_, next_iter_);
    std::vector<uint32_t> entries(s.blocks.size());
    for (uint32_t& e : entries) e = new_label();
    uint32_t table = static_cast<uint32_t>(prog_->rule_indexes_.size());
    prog_->rule_indexes_.push_back(index_code(*t, entries));
    uint32_t next = new_label(), end = new_label();
    op(Op::kIndexSelect), word(operand(s.inputs[0])), word(table), word(cursor);
    bind(next);
    op(Op::kIndexNext), word(cursor), target(end);
    for (size_t i = 0; i < s.blocks.size(); ++i) {
      bind(entries[i]);
      block(s.blocks[i], next, withs_, false);
      op(Op::kJump), target(next);
    }
    bind(end);
    next_iter_ -= 2;
  }

  // The outcome lists, as labels of the block entries until patch time.
  RuleIndexCode index_code(const ir::RuleIndexTable& t, const std::vector<uint32_t>& entries) {
    auto list = [&](const std::vector<uint32_t>& blocks) {
      std::vector<uint32_t> labels;
      for (uint32_t b : blocks) labels.push_back(entries[b]);
      prog_->index_lists_.push_back(std::move(labels));
      return static_cast<uint32_t>(prog_->index_lists_.size() - 1);
    };
    RuleIndexCode c;
    c.any_list = list(t.any);
    std::vector<uint32_t> all(entries.size());
    std::iota(all.begin(), all.end(), 0u);
    c.other_list = t.prefix.empty() ? c.any_list : list(all);
    for (const auto& [k, blocks] : t.eq) {
      runtime::Value key = runtime::Value::from_string(k);
      c.eq.emplace(k, list(ir::select_rule_blocks(t, &key, entries.size())));
    }
    for (const auto& [p, blocks] : t.prefix) {
      std::vector<uint32_t> chosen = t.any;
      for (const auto& [q, more] : t.prefix) {
        if (p.starts_with(q)) chosen.insert(chosen.end(), more.begin(), more.end());
      }
      std::sort(chosen.begin(), chosen.end());
      chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
      c.prefix.emplace(p, list(chosen));
      if (std::find(c.prefix_lengths.begin(), c.prefix_lengths.end(), p.size()) == c.prefix_lengths.end()) {
        c.prefix_lengths.push_back(static_cast<uint32_t>(p.size()));
      }
    }
    std::sort(c.prefix_lengths.rbegin(), c.prefix_lengths.rend());
    return c;
  }

  void call_builtin(const ir::Stmt& s) {
    const Builtin* b = prog_->builtins_[s.imm];
    if (b->arity >= 0 && static_cast<size_t>(b->arity) != s.inputs.size()) {
      error_ = error("rego_type_error",
                     b->name + ": arity mismatch: called with " + std::to_string(s.inputs.size()) +
                         " operand(s), takes " + std::to_string(b->arity),
                     s.location);
      return;
    }
    if (inline_builtin(s, *b)) return;
    op(Op::kCallBuiltin), word(s.imm), word(reg(s.outputs[0])), target(fail());
    operands(s.inputs, 0, s.inputs.size());
  }

  // The comparisons, `in` and count(), the built-ins policies call most, cost several
  // times their work as calls; when they are the stdlib's own (not overridden by the
  // provider), a comparison or membership test is one Compare instruction, and count() a
  // Len whose failure (a value that is no collection or string) falls to the call, which
  // reports the type error.
  bool inline_builtin(const ir::Stmt& s, const Builtin& b) {
    if (!own_builtin(b)) return false;
    if (std::optional<CompareOp> cmp = stdlib_compare(s)) {
      op(Op::kCompare), word(operand(s.inputs[0])), word(operand(s.inputs[1])), word(reg(s.outputs[0]));
      word(static_cast<uint32_t>(*cmp)), target(fail());
      return true;
    }
    if (b.name == "count" && s.inputs.size() == 1) {
      uint32_t call = new_label(), done = new_label(), fail_to = fail();
      op(Op::kLen), word(operand(s.inputs[0])), word(reg(s.outputs[0])), target(call);
      bind(done);
      cold_.push_back([this, &s, call, done, fail_to] {
        bind(call);
        op(Op::kCallBuiltin), word(s.imm), word(reg(s.outputs[0])), target(fail_to);
        operands(s.inputs, 0, 1);
        op(Op::kJump), target(done);
      });
      return true;
    }
    return false;
  }

  static bool own_builtin(const Builtin& b) { return &b == stdlib_builtins().find(b.name); }

  // The comparison a call of the stdlib's own comparison built-in makes.
  std::optional<CompareOp> stdlib_compare(const ir::Stmt& s) const {
    if (s.kind != ir::StmtKind::kCallBuiltin || s.inputs.size() != 2) return std::nullopt;
    const Builtin& b = *prog_->builtins_[s.imm];
    if (!own_builtin(b)) return std::nullopt;
    static const std::pair<std::string_view, CompareOp> kCompares[] = {
        {"equal", CompareOp::kEqual}, {"neq", CompareOp::kNotEqual},        {"lt", CompareOp::kLess},
        {"lte", CompareOp::kLessEqual}, {"gt", CompareOp::kGreater}, {"gte", CompareOp::kGreaterEqual},
        {"internal.member_2", CompareOp::kMember}};
    for (const auto& [name, cmp] : kCompares) {
      if (b.name == name) return cmp;
    }
    return std::nullopt;
  }

  // `x > y` as a condition: a comparison followed by `notequal r, false` on its result is
  // one instruction that compares, writes r and leaves the block unless it holds.
  bool compare_jump(const ir::Stmt& s, const ir::Stmt& next) {
    std::optional<CompareOp> cmp = stdlib_compare(s);
    if (!cmp || next.kind != ir::StmtKind::kNotEqual) return false;
    ir::Local r = s.outputs[0];
    if (next.inputs[0] != ir::Operand::local(r) || next.inputs[1] != ir::Operand::boolean(false)) return false;
    op(Op::kCompareJump), word(operand(s.inputs[0])), word(operand(s.inputs[1])), word(reg(r));
    word(static_cast<uint32_t>(*cmp)), target(fail());
    return true;
  }

  // Statements that become one instruction whose words follow the IR fields in order.
  void simple(const ir::Stmt& s) {
    using K = ir::StmtKind;
    auto in = [&](size_t i) { word(operand(s.inputs[i])); };
    auto out = [&](size_t i) { word(reg(s.outputs[i])); };
    auto kind = [&](runtime::Kind k) { op(Op::kIsKind), in(0), word(static_cast<uint32_t>(k)), target(fail()); };
    switch (s.kind) {
      case K::kDot: {
        bool by_key = s.inputs[0].kind == ir::Operand::Kind::kLocal && s.inputs[1].kind != ir::Operand::Kind::kLocal;
        op(by_key ? Op::kDotKey : Op::kDot), in(0), in(1), out(0), target(fail());
        return;
      }
      case K::kLen: op(Op::kLen), in(0), out(0), target(fail()); return;
      case K::kEqual: op(Op::kEqual), in(0), in(1), target(fail()); return;
      case K::kNotEqual: op(Op::kNotEqual), in(0), in(1), target(fail()); return;
      case K::kIsArray: return kind(runtime::Kind::kArray);
      case K::kIsObject: return kind(runtime::Kind::kObject);
      case K::kIsSet: return kind(runtime::Kind::kSet);
      case K::kIsString: return kind(runtime::Kind::kString);
      case K::kIsNumber: return kind(runtime::Kind::kNumber);
      case K::kIsBoolean: return kind(runtime::Kind::kBoolean);
      case K::kIsNull: return kind(runtime::Kind::kNull);
      case K::kIsDefined: op(Op::kIsDefined), word(reg(s.inputs[0].index)), target(fail()); return;
      case K::kIsUndefined: op(Op::kIsUndefined), word(reg(s.inputs[0].index)), target(fail()); return;
      case K::kAssignVar: op(Op::kMove), in(0), out(0), target(fail()); return;
      case K::kAssignVarOnce: op(Op::kMoveOnce), in(0), out(0), target(fail()); return;
      case K::kResetLocal: op(Op::kReset), out(0); return;
      case K::kMakeArray: op(Op::kMakeArray), out(0), word(std::min<uint32_t>(s.imm, 1024)); return;
      case K::kMakeObject: op(Op::kMakeObject), out(0); return;
      case K::kMakeSet: op(Op::kMakeSet), out(0); return;
      case K::kArrayAppend: op(Op::kArrayAppend), out(0), in(0), target(fail()); return;
      case K::kObjectInsert: op(Op::kObjectInsert), out(0), in(0), in(1), target(fail()); return;
      case K::kObjectInsertOnce: op(Op::kObjectInsertOnce), out(0), in(0), in(1), target(fail()); return;
      case K::kObjectMerge: op(Op::kObjectMerge), in(0), in(1), out(0), target(fail()), word(s.imm); return;
      case K::kSetAdd: op(Op::kSetAdd), out(0), in(0), target(fail()); return;
      case K::kGroupAdd: op(Op::kGroupAdd), out(0), in(0), in(1), word(s.imm), target(fail()); return;
      case K::kGroupInsert: op(Op::kGroupInsert), out(0), in(0), in(1), in(2), target(fail()); return;
      case K::kResultSetAdd: op(Op::kResultAdd), in(0), target(fail()); return;
      case K::kReturnLocal: op(Op::kReturn), in(0); return;
      default: error_ = error("ir_verify_error", "statement cannot be lowered", s.location); return;
    }
  }

  const ir::Policy& policy_;
  const BuiltinProvider& provider_;
  std::unique_ptr<Program> prog_;
  uint32_t false_ = 0;
  std::vector<Label> labels_;
  std::vector<BlockExit> exits_;
  uint32_t withs_ = 0;
  uint32_t locals_ = 0;
  std::vector<uint32_t> reg_of_;  // the current function's register of each local
  uint32_t registers_used_ = 0;
  uint32_t next_iter_ = 0;
  uint32_t max_regs_ = 0;
  bool last_ = false;                        // the statement being lowered ends its block
  std::vector<std::function<void()>> cold_;  // emitted after the function's code
  std::optional<runtime::Diagnostic> error_;
};

runtime::Result<std::shared_ptr<const Program>> Program::lower(const ir::Policy& policy,
                                                               const BuiltinProvider& builtins,
                                                               const LowerOptions& options) {
  return Lowerer(policy, builtins).run(options);
}

}  // namespace arcane::vm
