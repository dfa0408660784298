// Arrays: array.concat, array.slice (indices clamped, never an error for range), and
// array.reverse (topdown/array.go). Slice indices must be integer literals, as OPA's
// IntOperand requires: array.slice(a, 1.0, 2) is a type error there too.
#include <algorithm>
#include <variant>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// OPA's IntOperand.
std::variant<int64_t, BuiltinError> int_operand(std::string_view name, const Value& v, int pos) {
  if (!v.is_number()) return operand_type_error(name, pos, v, {"number"});
  std::optional<int64_t> i = literal_int(v.number());
  if (!i) return operand_error(name, pos, "must be integer number but got floating-point number");
  return *i;
}

}  // namespace

BuiltinResult array_concat(BuiltinContext&, Args args) {
  if (!args[0].is_array()) return operand_type_error("array.concat", 1, args[0], {"array"});
  if (!args[1].is_array()) return operand_type_error("array.concat", 2, args[1], {"array"});
  runtime::ArrayBuilder out(args[0].size() + args[1].size());
  for (const Value& v : args[0].elements()) out.push_back(v);
  for (const Value& v : args[1].elements()) out.push_back(v);
  return out.build();
}

BuiltinResult array_slice(BuiltinContext&, Args args) {
  const Value& array = args[0];
  if (!array.is_array()) return operand_type_error("array.slice", 1, array, {"array"});
  auto start = int_operand("array.slice", args[1], 2);
  if (auto* e = std::get_if<BuiltinError>(&start)) return *e;
  auto stop = int_operand("array.slice", args[2], 3);
  if (auto* e = std::get_if<BuiltinError>(&stop)) return *e;
  auto len = static_cast<int64_t>(array.size());
  int64_t hi = std::clamp<int64_t>(std::get<int64_t>(stop), 0, len);
  int64_t lo = std::clamp<int64_t>(std::get<int64_t>(start), 0, hi);
  runtime::ArrayBuilder out(static_cast<size_t>(hi - lo));
  for (int64_t i = lo; i < hi; ++i) out.push_back(array.at(static_cast<size_t>(i)));
  return out.build();
}

BuiltinResult array_reverse(BuiltinContext&, Args args) {
  if (!args[0].is_array()) return operand_type_error("array.reverse", 1, args[0], {"array"});
  std::vector<Value> items(args[0].elements().rbegin(), args[0].elements().rend());
  return runtime::take_array(items);
}

}  // namespace arcane::stdlib::impl
