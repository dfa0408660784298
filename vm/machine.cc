// The evaluation state and the interpreter's slow paths; see machine.h.
#include "vm/machine.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>

#include "runtime/value_builder.h"
#include "runtime/value_copy.h"
#include "vm/value_ops.h"

namespace arcane::vm {

using runtime::Value;

namespace {

constexpr uint64_t kCheckInterval = 2048;  // instructions between limit checks

std::string duration_text(std::chrono::nanoseconds d) {
  using namespace std::chrono;
  if (d >= milliseconds(1)) return std::to_string(duration_cast<milliseconds>(d).count()) + "ms";
  if (d >= microseconds(1)) return std::to_string(duration_cast<microseconds>(d).count()) + "us";
  return std::to_string(d.count()) + "ns";
}

}  // namespace

void Machine::run(const Program& program, const EvalOptions& options, uint32_t plan, EvalResult& out) {
  prog_ = &program;
  out_ = &out;
  options_ = &options;
  arena_.recycle();
  runtime::ArenaScope scope(&arena_);
  const Limits& l = options.limits;
  has_deadline_ = l.max_time.count() > 0;
  next_check_ = UINT64_MAX;
  if (l.max_instructions || l.cancel || has_deadline_) next_check_ = kCheckInterval;
  if (l.max_instructions) next_check_ = std::min(next_check_, l.max_instructions);
  base_ = 0;
  const std::vector<FunctionInfo>& fs = prog_->functions();
  if (plan >= fs.size() || fs[plan].kind != ir::FunctionKind::kPlan) {
    fail(0, ErrorKind::kInternal, "eval_internal_error", "no plan " + std::to_string(plan));
    return finish_run();
  }
  frames_.push_back({plan, 0, 0, 0, 0, 0, false});
  ensure_registers(std::max<uint32_t>(fs[plan].registers, 2));
  // The caller keeps input and data alive for the whole evaluation, so registers borrow
  // them and every part of them they read (value.h): no reference counts are touched.
  if (options_->input) {
    regs_[ir::kInputLocal].assign_borrowed(*options_->input);
    states_[ir::kInputLocal] = kHasValue;
  } else {
    regs_[ir::kInputLocal] = Value();  // no stale handle to copy into frames and `with`
  }
  if (options_->data) {
    regs_[ir::kDataLocal].assign_borrowed(*options_->data);
  } else {
    regs_[ir::kDataLocal] = Value::empty_object();
  }
  states_[ir::kDataLocal] = kHasValue;
  if (memo_.empty()) memo_.emplace_back();
  start_pc_ = fs[plan].entry;
  if (has_deadline_) deadline_ = std::chrono::steady_clock::now() + options_->limits.max_time;
  try {
    if (options_->dispatch == Dispatch::kSwitch) {
      run_switch(*this);
    } else {
      run_threaded(*this);
    }
  } catch (const std::bad_alloc&) {
    out_->error = make_error(ErrorKind::kInternal, {"eval_internal_error", "out of memory", {}, {}});
  }
  if (!out_->error && options_->strict_builtin_errors && out_->first_builtin_error) {
    out_->error = out_->first_builtin_error;
  }
  return finish_run();
}

// Hands the result over and leaves the machine as a new one, keeping only capacity: every
// value this evaluation held is released (borrowed ones must not outlive it).
void Machine::finish_run() {
  for (uint32_t a : active_builders_) {
    builders_[a]->clear();
    builder_active_[a] = 0;
  }
  active_builders_.clear();
  // Registers that need no release keep their bits: every register is undefined by its
  // state from here on, so nothing reads them, and writing one releases nothing they
  // hold. Frames that returned released their own (do_return); the ones still here did
  // not.
  if (prog_->releases_listed()) {
    for (const Frame& f : frames_) release_frame(f.function, f.base);
  } else {
    // Any register may hold a reference, in no pattern a branch predictor learns: the
    // ones that do are listed without a branch and released.
    Value* r = regs_.data();
    owned_.resize(std::max(owned_.size(), used_));
    size_t n = 0;
    for (size_t i = 0; i < used_; ++i) {
      owned_[n] = static_cast<uint32_t>(i);
      n += r[i].holds_reference();
    }
    for (size_t k = 0; k < n; ++k) r[owned_[k]] = Value();
  }
  std::memset(states_.data(), kUndefined, used_);
  used_ = 0;
  frames_.clear();
  withs_.clear();
  memo_.resize(std::min<size_t>(memo_.size(), 1));
  if (!memo_.empty()) {
    for (uint32_t f : memo_touched_) {
      if (f < memo_[0].size()) memo_[0][f] = MemoEntry{};
    }
  }
  memo_touched_.clear();
  args_.clear();
  if (context_used_) {
    own_context_->restart();
    context_used_ = false;
  }
  if (!seen_rows_.empty()) seen_rows_.clear();
  out_ = nullptr;
}

size_t Machine::retained_registers() const { return regs_.size(); }

void Machine::ensure_registers(size_t n) {
  used_ = std::max(used_, n);
  if (regs_.size() >= n) return;
  size_t m = std::max(n, regs_.size() * 2);
  // The registers move bit for bit: a vector would move each Value, and moving a
  // borrowed handle takes a reference (value.h), which would turn borrowed registers into
  // owned ones that no release list names, and stale bits (finish_run) into references.
  std::vector<Value> bigger(m);
  if (!regs_.empty()) {  // (memcpy from an empty vector's null data is undefined)
    std::memcpy(static_cast<void*>(bigger.data()), regs_.data(), regs_.size() * sizeof(Value));
    std::memset(static_cast<void*>(regs_.data()), 0, regs_.size() * sizeof(Value));  // null, no reference
  }
  regs_.swap(bigger);
  states_.resize(m, kUndefined);
  aux_.resize(m, 0);
  builders_.resize(m);
  builder_active_.resize(m, 0);
}

// ---- Registers ---------------------------------------------------------------------------

const Value* Machine::read_slow(uint32_t reg) {
  uint32_t a = base_ + reg;
  switch (states_[a]) {
    case kUndefined: return nullptr;
    case kBuilding:
      // The elements move into the value (an insert after this thaws it again): copying
      // them would cost a reference count per element, twice.
      regs_[a] = builders_[a]->take();
      states_[a] = kBuiltFrozen;
      return &regs_[a];
    default: return &regs_[a];
  }
}

const Value* Machine::read(uint32_t word) {
  if (word & kConstBit) return &prog_->constants()[word & kIndexMask];
  return (states_[base_ + word] & kHasValue) ? &regs_[base_ + word] : read_slow(word);
}

CollectionBuilder* Machine::new_builder(uint32_t a) {
  builders_[a] = std::make_unique<CollectionBuilder>();
  return builders_[a].get();
}

CollectionBuilder* Machine::mutable_builder_slow(uint32_t reg, runtime::Kind kind, uint32_t pc) {
  uint32_t a = base_ + reg;
  uint8_t s = states_[a];
  if (s == kUndefined) return nullptr;
  std::unique_ptr<CollectionBuilder>& b = builders_[a];
  bool building = s == kBuilding;  // a frozen builder gave its elements to the value
  if ((building ? b->kind() : regs_[a].kind()) != kind) {
    internal_error(pc, std::string("insert into a value that is not of kind ") + runtime::kind_name(kind));
    return nullptr;
  }
  if (!building) {
    if (!b) b = std::make_unique<CollectionBuilder>();
    activate(a);
    b->thaw(regs_[a]);
  }
  states_[a] = kBuilding;
  return b.get();
}

// ---- Calls -------------------------------------------------------------------------------

uint32_t Machine::call_function(uint32_t pc) {
  const uint32_t* c = prog_->code().data() + pc;
  uint32_t nargs = c[4];
  return enter(c[1], pc + 5 + nargs, c[3], c[2], c + 5, nargs, pc);
}

uint32_t Machine::call_dynamic(uint32_t pc) {
  const uint32_t* c = prog_->code().data() + pc;
  uint32_t fail_pc = c[2], npath = c[3], nargs = c[4 + npath];
  std::vector<std::string_view> path;
  path.reserve(npath);
  for (uint32_t i = 0; i < npath; ++i) {
    const Value* v = read(c[4 + i]);
    if (!v || !v->is_string()) return fail_pc;
    path.push_back(v->string_view());
  }
  std::optional<uint32_t> f = prog_->find_path(path);
  if (!f || prog_->functions()[*f].params.size() != nargs) return fail_pc;
  return enter(*f, pc + 5 + npath + nargs, fail_pc, c[1], c + 5 + npath, nargs, pc);
}

uint32_t Machine::enter(uint32_t function, uint32_t pc_after, uint32_t fail_pc, uint32_t result, const uint32_t* args,
                        uint32_t nargs, uint32_t pc) {
  const FunctionInfo& f = prog_->functions()[function];
  if (f.memoised) {
    if (const MemoEntry* e = memo_lookup(function)) {
      if (e->state == kUndefinedResult) return fail_pc;
      // The outermost memo lives until the evaluation ends (finish_run releases the
      // registers first), so registers may borrow from it.
      if (memo_.size() == 1) {
        regs_[base_ + result].assign_borrowed(e->value);
      } else {
        regs_[base_ + result].assign_shared(e->value);
      }
      states_[base_ + result] = kHasValue;
      return pc_after;
    }
  }
  if (frames_.size() >= options_->limits.max_call_depth) {
    return fail(pc, ErrorKind::kCallDepthLimit, "eval_cancel_error",
                "evaluation limit exceeded: call depth (" + std::to_string(options_->limits.max_call_depth) + ")");
  }
  uint32_t nb = base_ + prog_->functions()[frames_.back().function].registers;
  ensure_registers(static_cast<size_t>(nb) + f.registers);
  std::fill(states_.begin() + nb, states_.begin() + nb + f.registers, kUndefined);
  for (uint32_t i = 0; i < nargs; ++i) {
    const Value* a = read(args[i]);
    if (!a) {
      // No frame owns these registers yet: what the arguments before it hold goes now.
      for (uint32_t k = 0; k < i; ++k) regs_[nb + f.params[k]] = Value();
      return fail_pc;
    }
    hold(regs_[nb + f.params[i]], args[i], *a);
    states_[nb + f.params[i]] = kHasValue;
  }
  for (uint32_t doc : {ir::kInputLocal, ir::kDataLocal}) {
    regs_[nb + doc].assign_shared(regs_[base_ + doc]);
    states_[nb + doc] = states_[base_ + doc];
  }
  frames_.push_back({function, nb, pc_after, fail_pc, result, static_cast<uint32_t>(withs_.size()), f.memoised});
  base_ = nb;
  return f.entry;
}

uint32_t Machine::do_return(const Value* result, uint32_t word) {
  Frame fr = frames_.back();
  if (frames_.size() == 1) return internal_error(0, "return from a plan");
  // Held in `out` (borrowed when the result is) because popping `with`s may overwrite it.
  // An owned value in one of the callee's registers is moved: the frame dies here, and a
  // copy would cost reference-count updates on every return.
  Value out;
  if (result) {
    if (!(word & kConstBit) && !result->is_borrowed()) {
      out = std::move(regs_[base_ + word]);
    } else {
      hold(out, word, *result);
    }
  }
  while (withs_.size() > fr.withs) with_pop();
  frames_.pop_back();
  if (prog_->releases_listed()) release_frame(fr.function, fr.base);
  if (fr.memo) memo_store(fr.function, result ? &out : nullptr);
  base_ = frames_.back().base;
  if (!result) return fr.fail_pc;
  if (out.is_borrowed()) {
    regs_[base_ + fr.result].assign_borrowed(out);
  } else {
    regs_[base_ + fr.result] = std::move(out);
  }
  states_[base_ + fr.result] = kHasValue;
  return fr.return_pc;
}

const Machine::MemoEntry* Machine::memo_lookup(uint32_t function) const {
  const std::vector<MemoEntry>& scope = memo_.back();
  if (function >= scope.size() || scope[function].state == kUnknown) return nullptr;
  return &scope[function];
}

void Machine::memo_store(uint32_t function, Value* v) {
  std::vector<MemoEntry>& scope = memo_.back();
  // A pooled machine's scope may be sized for another program (its entries are clear).
  if (scope.size() < prog_->functions().size()) scope.resize(prog_->functions().size());
  MemoEntry& e = scope[function];
  e.state = v ? kDefinedResult : kUndefinedResult;
  if (memo_.size() == 1) memo_touched_.push_back(function);
  if (!v) return;
  if (memo_.size() == 1) {
    // The outermost memo outlives the registers (see enter): it keeps an owned result
    // and the caller's register borrows it, with no reference count touched.
    if (!v->is_borrowed()) {
      e.value = std::move(*v);
      v->assign_borrowed(e.value);
      return;
    }
  }
  e.value.assign_shared(*v);
}

void Machine::release_frame(uint32_t function, uint32_t base) {
  // Only a reference needs clearing: other bits left behind are never read (the states
  // say undefined) and never released.
  for (uint32_t r : prog_->functions()[function].owning) {
    Value& v = regs_[base + r];
    if (v.holds_reference()) v = Value();
  }
}

stdlib::BuiltinContext& Machine::builtin_context() {
  if (options_->builtin_context) return *options_->builtin_context;
  if (!context_used_) {
    if (!own_context_) own_context_.emplace();
    own_context_->set_cancel_flag(options_->limits.cancel);
    own_context_->set_module_parser(options_->module_parser);
    context_used_ = true;
  }
  return *own_context_;
}

uint32_t Machine::call_builtin(uint32_t pc) {
  const uint32_t* c = prog_->code().data() + pc;
  uint32_t nargs = c[4];
  // The arguments are borrowed whatever they are: their registers outlive the call (a
  // built-in cannot write registers). Left behind, borrowed handles release nothing; the
  // next call and finish_run empty args_.
  args_.clear();
  for (uint32_t i = 0; i < nargs; ++i) {
    const Value* a = read(c[5 + i]);
    if (!a) return c[3];
    args_.emplace_back().assign_borrowed(*a);
  }
  const Builtin* b = prog_->builtins()[c[1]];
  stdlib::BuiltinContext& context = builtin_context();
  std::optional<stdlib::BuiltinResult> out;
  try {
    if (b->direct != nullptr) {
      out.emplace(b->direct(context, args_));
    } else {
      out.emplace(b->fn(BuiltinCall{context, b->data}, args_));
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (...) {
    return internal_error(pc, b->name + ": built-in threw an exception");
  }
  if (out->has_value()) {
    regs_[base_ + c[2]] = out->take_value();
    states_[base_ + c[2]] = kHasValue;
    return pc + 5 + nargs;
  }
  if (out->is_undefined()) return c[3];
  record_builtin_failure(pc, out->error());
  if (out->error().halt) {
    out_->error = out_->first_builtin_error;
    return kAbort;
  }
  return c[3];
}

// ---- Literals ------------------------------------------------------------------------------

// The elements are copied (owning: they go into a value that may outlive the evaluation's
// borrowed handles) and moved into the node. An undefined one fails the literal, leaving
// the register as the make and inserts it stands for would: a builder holding the
// elements before it.
uint32_t Machine::build(uint32_t pc) {
  const uint32_t* c = prog_->code().data() + pc;
  const bool object = static_cast<runtime::Kind>(c[1] & kBuildKindMask) == runtime::Kind::kObject;
  const uint32_t dst = c[2], fail_pc = c[3], n = c[4];
  const uint32_t* ops = c + 5;
  literal_items_.clear();
  literal_entries_.clear();
  for (uint32_t i = 0; i < n; i += object ? 2 : 1) {
    const Value* v = read(ops[object ? i + 1 : i]);
    if (!v) {
      start_builder(dst, object ? runtime::Kind::kObject : runtime::Kind::kArray, 0);
      CollectionBuilder& b = builder(dst);
      for (Value& item : literal_items_) b.append(std::move(item));
      for (runtime::ObjectEntry& e : literal_entries_) b.insert(std::move(e.key), std::move(e.value), false);
      literal_items_.clear();
      literal_entries_.clear();
      return fail_pc;
    }
    if (object) {
      literal_entries_.push_back({*read(ops[i]), *v});
    } else {
      literal_items_.push_back(*v);
    }
  }
  Value out;
  if (object && (c[1] & kBuildOrdered)) {  // the keys' order, known at lowering
    uint16_t order[kBuildOrderMax];
    for (uint32_t k = 0; k < n / 2; ++k) order[k] = (c[1] >> (kBuildOrderShift + 3 * k)) & 7;
    out = runtime::take_object_ordered(literal_entries_, order);
  } else {
    out = object ? runtime::take_object(literal_entries_) : runtime::take_array(literal_items_);
  }
  literal_items_.clear();
  literal_entries_.clear();
  regs_[base_ + dst] = std::move(out);
  states_[base_ + dst] = kHasValue;
  return pc + 5 + n;
}

// ---- With ----------------------------------------------------------------------------------

uint32_t Machine::with_push(uint32_t pc, const Value* value) {
  const uint32_t* c = prog_->code().data() + pc;
  uint32_t reg = base_ + c[1], n = c[4];
  std::vector<Value> path;
  path.reserve(n);
  for (uint32_t i = 0; i < n; ++i) path.push_back(prog_->constants()[c[5 + i] & kIndexMask]);
  uint8_t old_state = states_[reg];
  withs_.push_back({reg, Value(), old_state});
  // Only a value: an undefined register may hold stale bits (finish_run), and withs_
  // moves its elements as it grows.
  if (old_state & kHasValue) withs_.back().old.assign_shared(regs_[reg]);
  const Value& old = withs_.back().old;
  if (value == nullptr) {
    regs_[reg] = Value();
    states_[reg] = 0;
  } else {
    regs_[reg] = upsert(old_state & kHasValue ? &old : nullptr, path, *value);
    states_[reg] = kHasValue;
  }
  memo_.emplace_back();  // rule values computed under other documents do not apply
  return pc + 5 + n;
}

void Machine::with_pop() {
  WithSave& w = withs_.back();
  regs_[w.reg].assign_shared(w.old);
  states_[w.reg] = w.old_state;
  withs_.pop_back();
  memo_.pop_back();
}

// ---- Results and errors --------------------------------------------------------------------

uint32_t Machine::add_row(const Value& row, uint32_t next_pc) {
  if (options_->first_row_only) {
    out_->first = result_value(row);
    return kAbort;
  }
  if (seen_rows_.insert(row).second) out_->rows.push_back(result_value(row));
  return next_pc;
}

Value Machine::result_value(const Value& row) {
  // A constant's copy costs one allocation per thread, and its node is held until the
  // thread runs another program: only small values, and only a few of them.
  constexpr size_t kMaxOwnElements = 64;
  constexpr size_t kMaxOwnBytes = 1024;  // of a string
  constexpr size_t kMaxOwnConstants = 8;
  if (!row.is_borrowed()) return row;
  if (own_serial_ != prog_->serial()) {
    own_constants_.clear();
    own_serial_ = prog_->serial();
  }
  const void* node = runtime::node_identity(row);
  for (const OwnConstant& c : own_constants_) {
    if (c.node == node) return c.value;
  }
  bool small = row.is_string() ? row.string_view().size() <= kMaxOwnBytes : row.size() <= kMaxOwnElements;
  if (!small || own_constants_.size() == kMaxOwnConstants || !prog_->is_constant(row)) return row;
  runtime::ArenaScope heap(nullptr);  // kept across evaluations: not in the arena
  own_constants_.push_back({node, runtime::own_node_copy(row)});
  return own_constants_.back().value;
}

uint32_t Machine::conflict(uint32_t pc, bool object_key) {
  const char* message = "object keys must be unique";
  if (!object_key) {
    message = prog_->functions()[frames_.back().function].kind == ir::FunctionKind::kFunction
                  ? "functions must not produce multiple outputs for same inputs"
                  : "complete rules must not produce multiple outputs";
  }
  return fail(pc, ErrorKind::kConflict, "eval_conflict_error", message);
}

uint32_t Machine::internal_error(uint32_t pc, std::string message) {
  return fail(pc, ErrorKind::kInternal, "eval_internal_error", std::move(message));
}

uint32_t Machine::fail(uint32_t pc, ErrorKind kind, std::string code, std::string message) {
  if (!out_->error) {
    out_->error = make_error(kind, {std::move(code), std::move(message), prog_->location_at(pc), {}});
  }
  return kAbort;
}

void Machine::record_builtin_failure(uint32_t pc, const stdlib::BuiltinError& f) {
  ++out_->builtin_errors;
  if (!out_->first_builtin_error) {
    out_->first_builtin_error = make_error(ErrorKind::kBuiltin, {f.code, f.message, prog_->location_at(pc), {}});
  }
}

EvalError Machine::make_error(ErrorKind kind, runtime::Diagnostic d) const {
  std::string text = prog_->render(d);
  return EvalError{kind, std::move(d), std::move(text)};
}

bool Machine::checkpoint(uint32_t pc, uint64_t steps, uint64_t& next_check) {
  const Limits& l = options_->limits;
  if (l.max_instructions && steps >= l.max_instructions) {
    fail(pc, ErrorKind::kInstructionLimit, "eval_cancel_error",
         "evaluation limit exceeded: instructions (" + std::to_string(l.max_instructions) + ")");
    return false;
  }
  if (l.cancel && l.cancel->load(std::memory_order_relaxed)) {
    fail(pc, ErrorKind::kCancelled, "eval_cancel_error", "caller cancelled query execution");
    return false;
  }
  if (has_deadline_ && std::chrono::steady_clock::now() >= deadline_) {
    fail(pc, ErrorKind::kTimeLimit, "eval_cancel_error",
         "evaluation limit exceeded: time (" + duration_text(l.max_time) + ")");
    return false;
  }
  next_check = steps + kCheckInterval;
  if (l.max_instructions) next_check = std::min(next_check, l.max_instructions);
  return true;
}

}  // namespace arcane::vm
