// The deprecated cast_* built-ins (v0 only; topdown/casts.go): each returns its operand
// when it already has the type, cast_array also takes a set (in sorted order) and
// cast_set an array.
#include "runtime/value_builder.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Kind;
using runtime::Value;

BuiltinResult same_kind(std::string_view name, Args args, Kind kind, std::string_view type) {
  if (args[0].kind() != kind) return operand_type_error(name, 1, args[0], {type});
  return args[0];
}

}  // namespace

BuiltinResult cast_array(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (v.is_array()) return v;
  if (!v.is_set()) return operand_type_error("cast_array", 1, v, {"array", "set"});
  runtime::ArrayBuilder out(v.size());
  for (const Value& e : v.elements()) out.push_back(e);
  return out.build();
}

BuiltinResult cast_set(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (v.is_set()) return v;
  if (!v.is_array()) return operand_type_error("cast_set", 1, v, {"array", "set"});
  runtime::SetBuilder out(v.size());
  for (const Value& e : v.elements()) out.insert(e);
  return out.build();
}

BuiltinResult cast_string(BuiltinContext&, Args args) {
  return same_kind("cast_string", args, Kind::kString, "string");
}
BuiltinResult cast_boolean(BuiltinContext&, Args args) {
  return same_kind("cast_boolean", args, Kind::kBoolean, "boolean");
}
BuiltinResult cast_null(BuiltinContext&, Args args) {
  return same_kind("cast_null", args, Kind::kNull, "null");
}
BuiltinResult cast_object(BuiltinContext&, Args args) {
  return same_kind("cast_object", args, Kind::kObject, "object");
}

}  // namespace arcane::stdlib::impl
