// The run-time half of tracing: the internal trace built-ins a traced plan calls
// (compiler/plan/plan_trace.h) and the recorder that turns their calls into OPA's events.
//
// The recorder keeps the open frames (bodies) as a stack. Events that name their frame
// close the frames above it; a rule group's return closes the frames its bodies opened.
// A frame being closed whose deepest expression never reached the next one reports that
// expression's Fail, which is how OPA's evaluator reports it (the plan itself cannot: an
// undefined expression silently leaves its block). A body OPA's rule index would have
// skipped (an indexed `input.x == "v"` that does not hold) is recorded as hidden, with
// everything under it, so the trace shows what OPA's shows.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "arcane/trace.h"
#include "compiler/plan/plan_trace.h"
#include "runtime/value.h"
#include "stdlib/context.h"
#include "vm/builtins.h"
#include "vm/eval.h"

namespace arcane::api {

class TraceRecorder final : public stdlib::EvalTracer {
 public:
  explicit TraceRecorder(const compiler::plan::TracePlan& plan) : plan_(plan) {}

  // A body starts; `parent` is its enclosing frame, or kTraceParentIsCaller. `inputs` is
  // [input] or [] (input undefined), for the body's rule index conditions.
  int64_t enter(uint32_t site, int64_t parent, const runtime::Value& data, const runtime::Value& inputs);
  void eval(uint32_t site, int64_t frame);
  void exit(uint32_t site, int64_t frame);
  void call();
  void ret();
  void note(std::string_view message) override;
  // Closes every frame still open; the events of the whole evaluation.
  std::vector<TraceEvent> finish();

 private:
  struct Frame {
    uint64_t id = 0, parent = 0;
    uint32_t site = 0;
    bool hidden = false;
    int64_t top = -1;  // the site of the deepest expression evaluated so far
    bool top_solved = false;
  };
  void unwind_to(int64_t frame);
  void leave(const Frame& f);
  void record(TraceOp op, const Frame& f, uint32_t site, std::string_view message = {});

  const compiler::plan::TracePlan& plan_;
  std::vector<Frame> frames_;     // by id
  std::vector<uint64_t> open_;    // innermost last
  std::vector<int64_t> callers_;  // per rule-group call: the frame that called it (-1: none)
  std::vector<TraceEvent> events_;
};

// `base` with the internal trace built-ins added, for lowering traced plans.
std::shared_ptr<const vm::BuiltinTable> traced_builtins(std::shared_ptr<const vm::BuiltinTable> base);

// Runs a traced program with a recorder attached and hands its events to `tracer`.
vm::EvalResult evaluate_traced(const vm::Program& program, vm::EvalOptions options,
                               const compiler::plan::TracePlan& plan, Tracer& tracer);

}  // namespace arcane::api
