// Comparison: ==, !=, <, <=, >, >= on any two values, in OPA's total order (null <
// booleans < numbers < strings < arrays < objects < sets; numbers by value, so 1 == 1.0).
// They never fail: comparing a string with a number is simply false or true.
#include "stdlib/families.h"

namespace arcane::stdlib::impl {

namespace {

int order(Args args) {
  return compare(args[0], args[1]);
}

}  // namespace

BuiltinResult equal(BuiltinContext&, Args args) {
  return runtime::Value::boolean(args[0] == args[1]);
}
BuiltinResult neq(BuiltinContext&, Args args) {
  return runtime::Value::boolean(!(args[0] == args[1]));
}
BuiltinResult lt(BuiltinContext&, Args args) {
  return runtime::Value::boolean(order(args) < 0);
}
BuiltinResult lte(BuiltinContext&, Args args) {
  return runtime::Value::boolean(order(args) <= 0);
}
BuiltinResult gt(BuiltinContext&, Args args) {
  return runtime::Value::boolean(order(args) > 0);
}
BuiltinResult gte(BuiltinContext&, Args args) {
  return runtime::Value::boolean(order(args) >= 0);
}

}  // namespace arcane::stdlib::impl
