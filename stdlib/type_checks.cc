// Types: the is_* predicates and type_name (topdown/type.go). They never fail: any
// value has a type.
#include "stdlib/families.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Kind;
using runtime::Value;

Value is(Args args, Kind kind) {
  return Value::boolean(args[0].kind() == kind);
}

}  // namespace

BuiltinResult is_number(BuiltinContext&, Args args) {
  return is(args, Kind::kNumber);
}
BuiltinResult is_string(BuiltinContext&, Args args) {
  return is(args, Kind::kString);
}
BuiltinResult is_boolean(BuiltinContext&, Args args) {
  return is(args, Kind::kBoolean);
}
BuiltinResult is_array(BuiltinContext&, Args args) {
  return is(args, Kind::kArray);
}
BuiltinResult is_set(BuiltinContext&, Args args) {
  return is(args, Kind::kSet);
}
BuiltinResult is_object(BuiltinContext&, Args args) {
  return is(args, Kind::kObject);
}
BuiltinResult is_null(BuiltinContext&, Args args) {
  return is(args, Kind::kNull);
}

BuiltinResult type_name(BuiltinContext&, Args args) {
  return Value::from_string(runtime::kind_name(args[0].kind()));
}

}  // namespace arcane::stdlib::impl
