// object.get(object, key, default): the value at key, or, when key is an array, the
// value at that path (through objects, arrays by integer index, and sets by element),
// or default when there is none. An empty path yields the object itself, as in OPA.
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

BuiltinResult object_get(BuiltinContext&, Args args) {
  const runtime::Value &object = args[0], &path = args[1], &fallback = args[2];
  if (!object.is_object()) return operand_type_error("object.get", 1, object, {"object"});
  if (!path.is_array()) {
    const runtime::Value* found = object.find(path);
    return found != nullptr ? *found : fallback;
  }
  const runtime::Value* current = &object;
  for (const runtime::Value& key : path.elements()) {
    current = term_get(*current, key);
    if (current == nullptr) return fallback;
  }
  return *current;
}

}  // namespace arcane::stdlib::impl
