// evaluate(): one Machine per call; see eval.h.
#include "vm/eval.h"

#include "vm/machine.h"

namespace arcane::vm {

EvalResult evaluate(const Program& program, uint32_t plan, const EvalOptions& options) {
  Machine machine(program, options);
  return machine.run(plan);
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
