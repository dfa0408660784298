// evaluate(): a Machine per call, taken from the calling thread's pool; see eval.h.
#include "vm/eval.h"

#include <memory>

#include "vm/machine.h"

namespace arcane::vm {

namespace {

// A thread keeps the machines its evaluations used, so the next evaluation reuses their
// register stack, frames and memo instead of allocating them. More than one because an
// evaluation may start another on the same thread (a custom built-in that evaluates).
// A machine that grew beyond kMaxKeptRegisters (deep recursion) is not kept.
constexpr size_t kMaxKept = 4;
constexpr size_t kMaxKeptRegisters = size_t{1} << 16;

struct Pool {
  std::vector<std::unique_ptr<Machine>> free;
};
thread_local Pool pool;

}  // namespace

EvalResult evaluate(const Program& program, uint32_t plan, const EvalOptions& options) {
  std::unique_ptr<Machine> machine;
  if (pool.free.empty()) {
    machine = std::make_unique<Machine>();
  } else {
    machine = std::move(pool.free.back());
    pool.free.pop_back();
  }
  EvalResult result;
  machine->run(program, options, plan, result);
  if (pool.free.size() < kMaxKept && machine->retained_registers() <= kMaxKeptRegisters) {
    pool.free.push_back(std::move(machine));
  }
  return result;
}

EvalResult evaluate(const Program& program, std::string_view plan, const EvalOptions& options) {
  std::optional<uint32_t> index = program.find_plan(plan);
  if (!index) {
    EvalResult r;
    runtime::Diagnostic d{"eval_internal_error", "no plan named " + std::string(plan), {}, {}};
    r.error = EvalError{ErrorKind::kInternal, d, program.render(d)};
    return r;
  }
  return evaluate(program, *index, options);
}

}  // namespace arcane::vm
