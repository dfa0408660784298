// trace(note): true. When the evaluation is traced (OPA's --explain, `opa test -v`), the
// note becomes a Note event of the trace; otherwise it goes nowhere.
#include "stdlib/context.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

BuiltinResult trace(BuiltinContext& ctx, Args args) {
  if (!args[0].is_string()) return operand_type_error("trace", 1, args[0], {"string"});
  if (EvalTracer* tracer = ctx.tracer()) tracer->note(args[0].string_view());
  return runtime::Value::boolean(true);
}

}  // namespace arcane::stdlib::impl
