// The state of one evaluation, and the interpreter's slow paths.
//
// Registers of all frames live in one stack (parallel arrays: the Value, a state byte,
// an auxiliary word for scan positions, and a collection builder made on first use), so a
// call is a window move, not an allocation. A register's state says what it holds:
// nothing (undefined), a Value, a collection being built, or a built collection read
// since (its builder moved the elements into the Value; an insert thaws it again); bit
// 0 set means "the Value slot is valid", which is the one test the dispatch loop's fast
// path makes on every register read.
//
// The dispatch loop (dispatch.inc) keeps pc, the frame's register pointers and the
// instruction count in locals and calls in here for everything that is not a few lines:
// calls and returns (frames, memo), `with` (override stack, memo scopes), built-ins,
// rows, errors and limit checks. Those calls return where to continue.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "runtime/value_arena.h"
#include "stdlib/context.h"
#include "vm/collection_builder.h"
#include "vm/eval.h"
#include "vm/opcodes.h"
#include "vm/program.h"

namespace arcane::vm {

enum RegState : uint8_t { kUndefined = 0, kHasValue = 1, kBuilding = 2, kBuiltFrozen = 3 };

inline constexpr uint32_t kAbort = UINT32_MAX;  // "stop": returned instead of a pc

class Machine {
 public:
  // Runs `plan` into `out`; afterwards the machine holds no value and may run again (its
  // buffers are what a thread keeps between evaluations, see eval.cc).
  void run(const Program& program, const EvalOptions& options, uint32_t plan, EvalResult& out);
  size_t retained_registers() const;

  // ---- For the dispatch loop --------------------------------------------------------
  const uint32_t* code() const { return prog_->code().data(); }
  const runtime::Value* constants() const { return prog_->constants().data(); }
  runtime::Value* regs() { return regs_.data() + base_; }
  uint8_t* states() { return states_.data() + base_; }
  uint32_t* aux() { return aux_.data() + base_; }
  uint32_t start_pc() const { return start_pc_; }
  uint64_t first_check() const { return next_check_; }

  // A register (of the current frame) that is not plainly a value: the frozen builder,
  // or nullptr when undefined.
  const runtime::Value* read_slow(uint32_t reg);
  const runtime::Value* read(uint32_t word);
  CollectionBuilder& builder(uint32_t reg) { return *builders_[base_ + reg]; }
  void start_builder(uint32_t reg, runtime::Kind kind, size_t capacity) {
    uint32_t a = base_ + reg;
    CollectionBuilder* b = builders_[a].get();
    if (b == nullptr) b = new_builder(a);
    activate(a);
    b->start(kind, capacity);
    states_[a] = kBuilding;
  }
  // The builder of `reg` ready for inserts of `kind` (thawing a plain value). nullptr
  // when the register is undefined, or, with failed() true, when it holds another kind.
  CollectionBuilder* mutable_builder(uint32_t reg, runtime::Kind kind, uint32_t pc) {
    uint32_t a = base_ + reg;
    if (states_[a] == kBuilding && builders_[a]->kind() == kind) return builders_[a].get();
    return mutable_builder_slow(reg, kind, pc);
  }
  bool failed() const { return out_->error.has_value(); }
  uint32_t index_select(const runtime::Value* key, uint32_t table) const { return prog_->rule_index(table).select(key); }
  const std::vector<uint32_t>& index_list(uint32_t list) const { return prog_->index_list(list); }

  // Each returns the pc to continue at, or kAbort.
  uint32_t call_function(uint32_t pc);
  uint32_t call_dynamic(uint32_t pc);
  uint32_t call_builtin(uint32_t pc);
  uint32_t do_return(const runtime::Value* result, uint32_t word = 0);  // word: the operand it came from
  // A literal array or object (Build): its value made at once, no builder.
  uint32_t build(uint32_t pc);
  uint32_t with_push(uint32_t pc, const runtime::Value* value);  // nullptr: the document becomes undefined
  void with_pop();
  uint32_t add_row(const runtime::Value& row, uint32_t next_pc);
  uint32_t conflict(uint32_t pc, bool object_key);
  uint32_t internal_error(uint32_t pc, std::string message);
  // Limit and cancellation checks; false when evaluation must stop. Sets next_check.
  bool checkpoint(uint32_t pc, uint64_t steps, uint64_t& next_check);
  void finish(uint64_t steps) { out_->instructions = steps; }

 private:
  struct Frame {
    uint32_t function;
    uint32_t base;       // absolute index of register 0
    uint32_t return_pc;  // in the caller
    uint32_t fail_pc;    // in the caller, when the result is undefined
    uint32_t result;     // caller's register for the result
    uint32_t withs;      // overrides in force at entry
    bool memo;           // store the result in the memo
  };
  struct WithSave {
    uint32_t reg;  // absolute
    runtime::Value old;
    uint8_t old_state;
  };
  enum MemoState : uint8_t { kUnknown, kDefinedResult, kUndefinedResult };
  struct MemoEntry {
    uint8_t state = kUnknown;
    runtime::Value value;
  };

  // Stores `v`, read from operand `word`, into `dst` (a register, memo or operand slot of
  // this evaluation): borrowed when `v` is a constant or already borrowed (value.h).
  static void hold(runtime::Value& dst, uint32_t word, const runtime::Value& v) {
    if ((word & kConstBit) || v.is_borrowed()) {
      dst.assign_borrowed(v);
    } else {
      dst = v;
    }
  }
  void ensure_registers(size_t n);
  CollectionBuilder* new_builder(uint32_t a);
  CollectionBuilder* mutable_builder_slow(uint32_t reg, runtime::Kind kind, uint32_t pc);
  uint32_t enter(uint32_t function, uint32_t pc_after, uint32_t fail, uint32_t result, const uint32_t* args,
                 uint32_t nargs, uint32_t pc);
  const MemoEntry* memo_lookup(uint32_t function) const;
  // Stores the result `v` (nullptr: undefined); `v` may be left borrowing the stored value.
  void memo_store(uint32_t function, runtime::Value* v);
  // Releases what the frame of `function` at `base` may hold (FunctionInfo::owning).
  void release_frame(uint32_t function, uint32_t base);
  void record_builtin_failure(uint32_t pc, const stdlib::BuiltinError& f);
  stdlib::BuiltinContext& builtin_context();
  uint32_t fail(uint32_t pc, ErrorKind kind, std::string code, std::string message);
  EvalError make_error(ErrorKind kind, runtime::Diagnostic d) const;

  void finish_run();
  // The value a row hands to the caller: for a program constant, this thread's own copy
  // of it (runtime/value_copy.h), so decisions on many threads that all return one
  // constant do not share a reference count.
  runtime::Value result_value(const runtime::Value& row);

  const Program* prog_ = nullptr;
  const EvalOptions* options_ = nullptr;
  size_t used_ = 0;  // registers this evaluation touched
  std::vector<runtime::Value> regs_;
  std::vector<uint8_t> states_;
  std::vector<uint32_t> aux_;
  std::vector<std::unique_ptr<CollectionBuilder>> builders_;
  // Registers whose builder holds values of this evaluation, each listed once (pooled
  // machines keep builders, and finish_run clears only these).
  std::vector<uint32_t> active_builders_;
  std::vector<uint8_t> builder_active_;  // sized with builders_
  void activate(uint32_t a) {
    if (builder_active_[a]) return;
    builder_active_[a] = 1;
    active_builders_.push_back(a);
  }
  std::vector<Frame> frames_;
  std::vector<WithSave> withs_;
  std::vector<std::vector<MemoEntry>> memo_;           // a scope per `with` in force, lazily sized
  std::vector<uint32_t> memo_touched_;                 // entries of the outer scope to clear
  std::vector<runtime::Value> args_;                   // built-in operands, reused
  std::vector<runtime::Value> literal_items_;          // build()'s scratch, reused
  std::vector<runtime::ObjectEntry> literal_entries_;
  std::vector<uint32_t> owned_;                        // finish_run's scratch
  std::optional<stdlib::BuiltinContext> own_context_;  // when the caller gives none; kept
  bool context_used_ = false;                          // by this evaluation (finish_run restarts it)
  uint32_t base_ = 0;
  uint32_t start_pc_ = 0;
  uint64_t next_check_ = UINT64_MAX;
  std::chrono::steady_clock::time_point deadline_;
  bool has_deadline_ = false;
  std::unordered_set<runtime::Value, runtime::ValueHash> seen_rows_;
  // result_value's copies: of the program with serial own_serial_, by the constant's node
  // (which the program holds, so no other node can have its address meanwhile).
  // Pooled machines are per thread, so each thread has its own.
  struct OwnConstant {
    const void* node;  // the constant's (runtime::node_identity)
    runtime::Value value;
  };
  uint64_t own_serial_ = 0;
  std::vector<OwnConstant> own_constants_;
  // The nodes an evaluation makes (sets, strings, sorted arrays, its result), in chunks
  // that the next evaluation starts over when none of them is alive any more (else it
  // goes on filling them). Small chunks: a value the caller keeps holds its chunk.
  static constexpr size_t kArenaChunk = 4096;
  runtime::ValueArena arena_{kArenaChunk};
  EvalResult* out_ = nullptr;  // the caller's, during run()
};

// The dispatch loops (dispatch.inc, compiled twice): run from start_pc() until the plan
// halts or an error stops it.
void run_threaded(Machine& m);
void run_switch(Machine& m);

}  // namespace arcane::vm
