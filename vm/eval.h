// Evaluating a lowered program: the interpreter's public face.
//
//   auto program = vm::Program::lower(policy, builtins);      // once; immutable, shared
//   vm::EvalOptions options;
//   options.input = &input;                                   // nullptr: input undefined
//   options.data = &data;                                     // nullptr: data is {}
//   options.limits.max_time = std::chrono::milliseconds(50);
//   vm::EvalResult r = vm::evaluate(**program, "authz/allow", options);
//   if (r.error) log(r.error->text);                          // "policy.rego:7: eval_conflict_error: ..."
//   for (const runtime::Value& row : r.rows) ...              // objects: variable -> value
//
// evaluate() may run on any number of threads at once against one Program: everything
// mutable (registers, frames, `with` overrides, the memo of rule values) belongs to the
// call. The buffers holding it are kept per thread and reused by the thread's next call,
// so a warm evaluation allocates nothing of its own. Nothing throws.
//
// Errors. Built-in failures follow OPA: the calling statement is undefined and the first
// failure is recorded (first_builtin_error); with strict_builtin_errors the query also
// returns it as `error`, together with the rows evaluation produced anyway. Evaluator
// errors (conflicts, limits, cancellation, internal errors) stop evaluation and are
// returned in both modes. Limits are checked cheaply: instruction count and cancellation
// at loop iterations and calls, the clock every few thousand instructions there.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/boxed.h"
#include "runtime/diagnostic.h"
#include "runtime/value.h"
#include "stdlib/context.h"
#include "vm/program.h"

namespace arcane::vm {

struct Limits {
  uint64_t max_instructions = 0;              // 0: unlimited
  std::chrono::nanoseconds max_time{0};       // wall time of the evaluation; 0: unlimited
  uint32_t max_call_depth = 10000;            // plan-function frames
  const std::atomic<bool>* cancel = nullptr;  // set it (from any thread) to stop
};

enum class Dispatch : uint8_t {
  kThreaded,  // computed goto (GCC, Clang); the portable switch elsewhere
  kSwitch,    // the portable switch, always (tests run both)
};

struct EvalOptions {
  const runtime::Value* input = nullptr;  // nullptr: `input` is undefined
  const runtime::Value* data = nullptr;   // nullptr: the empty object
  bool strict_builtin_errors = false;
  Limits limits;
  // Handed to every built-in call; nullptr: the evaluation makes its own at its first
  // built-in call (clock read then, print to stderr, cancel flag = limits.cancel).
  stdlib::BuiltinContext* builtin_context = nullptr;
  // rego.parse_module's parser, for the context the evaluation makes (see BuiltinContext).
  const stdlib::BuiltinContext::ModuleParser* module_parser = nullptr;
  Dispatch dispatch = Dispatch::kThreaded;
  // Stop at the first row and return it in EvalResult::first instead of `rows`: a
  // decision (one value) without the cost of collecting rows.
  bool first_row_only = false;
};

enum class ErrorKind : uint8_t {
  kConflict,          // eval_conflict_error: two values for one complete rule, key, ...
  kBuiltin,           // a built-in's own code (eval_type_error, eval_builtin_error, ...)
  kInstructionLimit,  // eval_cancel_error: evaluation limit exceeded: instructions (N)
  kTimeLimit,         // eval_cancel_error: evaluation limit exceeded: time (N ms)
  kCallDepthLimit,    // eval_cancel_error: evaluation limit exceeded: call depth (N)
  kCancelled,         // eval_cancel_error: caller cancelled query execution
  kInternal,          // eval_internal_error: a plan the verifier could not rule out
};

struct EvalError {
  ErrorKind kind = ErrorKind::kInternal;
  runtime::Diagnostic diagnostic;  // code, message, the statement's location
  std::string text;                // as OPA prints it: "file:row: code: message"
};

struct EvalResult {
  std::vector<runtime::Value> rows;  // ResultSetAdd values in first-added order, no repeats
  std::optional<runtime::Value> first;  // first_row_only: the first row, if any
  runtime::Boxed<EvalError> error;
  runtime::Boxed<EvalError> first_builtin_error;  // recorded in both modes
  size_t builtin_errors = 0;
  uint64_t instructions = 0;  // executed
};

EvalResult evaluate(const Program& program, uint32_t plan, const EvalOptions& options = {});
// By plan name; an unknown name is an eval_internal_error.
EvalResult evaluate(const Program& program, std::string_view plan, const EvalOptions& options = {});

}  // namespace arcane::vm
