// BuiltinContext: the per-evaluation state built-ins may touch.
//
// The VM gives one to every built-in call of an evaluation (its own, restarted between
// evaluations, unless the caller passes one). It holds
// what OPA's BuiltinContext holds that matters to results:
//   - the clock, read once, so every time.now_ns() of one evaluation agrees;
//   - the cache of nondeterministic built-ins, so two calls with equal operands in one
//     evaluation return the same value (rand.intn, uuid.rfc4122, ...);
//   - the print sink: print() output goes there (stderr by default) and never changes a
//     result; an empty sink disables printing;
//   - a cancellation flag owned by the caller, polled by long-running built-ins.
// It is not shared between threads: each evaluation has its own.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "runtime/value.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib {

// Receives an evaluation's trace notes (OPA's trace() built-in) when the evaluation is
// traced; the embedding layer's trace recorder implements it (api/src/trace_recorder.h).
class EvalTracer {
 public:
  virtual ~EvalTracer() = default;
  virtual void note(std::string_view message) = 0;
};

class BuiltinContext {
 public:
  using PrintSink = std::function<void(std::string_view line)>;  // one line, no newline

  BuiltinContext();                         // the clock is read when first asked for
  explicit BuiltinContext(int64_t now_ns);  // a fixed clock (tests, replays)

  // One time for the whole evaluation, as OPA's time.now_ns. Read lazily: most decisions
  // never ask, and a clock read costs more than many of their instructions.
  int64_t now_ns() const {
    if (now_ns_ == kUnread) now_ns_ = wall_clock_ns();
    return now_ns_;
  }

  // As a new context for the next evaluation: the clock unread, no cached results. The
  // print sink, cancellation flag, module parser and tracer stay (a machine keeps its
  // context between evaluations, so each one does not construct and destroy one).
  void restart() {
    now_ns_ = kUnread;
    if (!cache_.empty()) cache_.clear();
  }

  void set_print_sink(PrintSink sink) { print_sink_ = std::move(sink); }
  bool print_enabled() const { return static_cast<bool>(print_sink_); }
  void print(std::string_view line) const;

  // The flag is owned by the caller and must outlive the evaluation.
  void set_cancel_flag(const std::atomic<bool>* flag) { cancel_ = flag; }
  bool cancelled() const { return cancel_ != nullptr && cancel_->load(std::memory_order_relaxed); }

  // rego.parse_module needs the Rego parser, which sits above stdlib: the embedding layer
  // hands it in (the module as OPA's AST JSON value, or a rego_parse_error message).
  // Without one, rego.parse_module reports that it is unavailable.
  using ModuleParser = std::function<BuiltinResult(std::string_view file, std::string_view text)>;
  void set_module_parser(const ModuleParser* parser) { module_parser_ = parser; }
  const ModuleParser* module_parser() const { return module_parser_; }

  // The evaluation's tracer, owned by the caller; nullptr (the default): not traced.
  void set_tracer(EvalTracer* tracer) { tracer_ = tracer; }
  EvalTracer* tracer() const { return tracer_; }

  // Nondeterministic results by built-in name and operands (an array of them).
  const runtime::Value* cached(std::string_view builtin, const runtime::Value& operands) const;
  void remember(std::string_view builtin, runtime::Value operands, runtime::Value result);

 private:
  using Results = std::unordered_map<runtime::Value, runtime::Value, runtime::ValueHash>;

  static constexpr int64_t kUnread = INT64_MIN;
  static int64_t wall_clock_ns();
  mutable int64_t now_ns_;
  PrintSink print_sink_;
  const std::atomic<bool>* cancel_ = nullptr;
  const ModuleParser* module_parser_ = nullptr;
  EvalTracer* tracer_ = nullptr;
  std::map<std::string, Results, std::less<>> cache_;
};

}  // namespace arcane::stdlib
