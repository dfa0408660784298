// opa.runtime(): the runtime's information (environment, version, configuration). OPA
// answers {} when the evaluation was started without a runtime (the embedded case), and
// that is all an evaluation here has: BuiltinContext carries no runtime value yet.
#include "stdlib/families_encoding.h"

namespace arcane::stdlib::impl {

BuiltinResult opa_runtime(BuiltinContext&, Args) {
  return runtime::Value::empty_object();
}

}  // namespace arcane::stdlib::impl
