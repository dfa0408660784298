// array.flatten(arr): arr with its array elements spliced in, one level deep.
#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

BuiltinResult array_flatten(BuiltinContext&, Args args) {
  const runtime::Value& arr = args[0];
  if (!arr.is_array()) return operand_type_error("array.flatten", 1, arr, {"array"});
  runtime::ArrayBuilder out(arr.size());
  for (const runtime::Value& v : arr.elements()) {
    if (v.is_array()) {
      for (const runtime::Value& inner : v.elements()) out.push_back(inner);
    } else {
      out.push_back(v);
    }
  }
  return out.build();
}

}  // namespace arcane::stdlib::impl
