// trace(note): true. OPA adds the note to the evaluation trace when tracing is on; we
// keep no trace, so the note goes nowhere and the call always succeeds.
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

BuiltinResult trace(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("trace", 1, args[0], {"string"});
  return runtime::Value::boolean(true);
}

}  // namespace arcane::stdlib::impl
