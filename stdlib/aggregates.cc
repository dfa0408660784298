// Aggregates: count, sum, product, max, min, sort, and the deprecated any/all
// (topdown/aggregates.go).
//
// sum and product are exact while every element is an integer (a sum past 2^64 stays
// exact); one non-integer sends the whole fold through big.Float, as in OPA: sum at 64
// bits, product at 53 (OPA starts it from big.NewFloat(1), whose precision is a
// double's). count of a string counts runes the way Go does, so each byte of invalid
// UTF-8 is one.
#include <algorithm>
#include <vector>

#include "runtime/big_float.h"
#include "runtime/value_builder.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::BigFloat;
using runtime::Number;
using runtime::Value;

bool all_integers(std::span<const Value> items) {
  return std::all_of(items.begin(), items.end(),
                     [](const Value& v) { return v.is_number() && v.number().is_integer(); });
}

// Integers: int64 while it lasts, exact Numbers after that.
BuiltinResult exact_sum(std::span<const Value> items) {
  int64_t small = 0;
  size_t i = 0;
  for (; i < items.size() && items[i].number().is_small_int(); ++i) {
    if (__builtin_add_overflow(small, *items[i].number().to_int64(), &small)) break;
  }
  if (i == items.size()) return Value::integer(small);
  std::optional<Number> acc = Number();
  for (const Value& v : items) {
    acc = add(*acc, v.number());
    if (!acc) return number_result("sum", std::nullopt);
  }
  return Value::from_number(std::move(*acc));
}

BuiltinResult exact_product(std::span<const Value> items) {
  std::optional<Number> acc = Number::from_int64(1);
  for (const Value& v : items) {
    acc = multiply(*acc, v.number());
    if (!acc) return number_result("product", std::nullopt);
  }
  return Value::from_number(std::move(*acc));
}

// The float fold; `acc` starts as OPA starts it and `prec` is the accumulator's.
BuiltinResult float_fold(std::string_view name, const Value& collection, BigFloat acc, uint32_t prec, bool multiply) {
  for (const Value& v : collection.elements()) {
    if (!v.is_number()) return operand_element_error(name, 1, collection, v, {"number"});
    std::optional<BigFloat> x = BigFloat::from_number(v.number());
    if (!x) return number_result(name, std::nullopt);
    acc = multiply ? BigFloat::mul(acc, *x, prec) : BigFloat::add(acc, *x, prec);
  }
  return float_result(name, acc);
}

bool is_collection(const Value& v) {
  return v.is_array() || v.is_set();
}

}  // namespace

BuiltinResult count(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (v.is_array() || v.is_object() || v.is_set()) return Value::integer(static_cast<int64_t>(v.size()));
  if (v.is_string()) return Value::integer(static_cast<int64_t>(rune_count(v.string_view())));
  return operand_type_error("count", 1, v, {"array", "object", "set", "string"});
}

BuiltinResult sum(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("sum", 1, v, {"set", "array"});
  if (all_integers(v.elements())) return exact_sum(v.elements());
  return float_fold("sum", v, BigFloat(), 0, false);
}

BuiltinResult product(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("product", 1, v, {"set", "array"});
  if (all_integers(v.elements())) return exact_product(v.elements());
  return float_fold("product", v, BigFloat::from_parts(1, 0, 53), 53, true);
}

// Of equal maxima (1 and 1.0) an array yields the last, as OPA's scan does.
BuiltinResult max(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("max", 1, v, {"set", "array"});
  if (v.size() == 0) return BuiltinResult::undefined();
  const Value* best = &v.elements()[0];
  for (const Value& e : v.elements()) {
    if (compare(*best, e) <= 0) best = &e;
  }
  return *best;
}

BuiltinResult min(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("min", 1, v, {"set", "array"});
  if (v.size() == 0) return BuiltinResult::undefined();
  const Value* best = &v.elements()[0];
  for (const Value& e : v.elements()) {
    if (compare(*best, e) >= 0) best = &e;
  }
  return *best;
}

BuiltinResult sort(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("sort", 1, v, {"set", "array"});
  if (v.is_set()) return runtime::copy_array(v.elements());  // a set is held in order
  std::vector<Value> items(v.elements().begin(), v.elements().end());
  std::stable_sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a < b; });
  return runtime::take_array(items);
}

BuiltinResult any(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("any", 1, v, {"array", "set"});
  const Value yes = Value::boolean(true);
  auto items = v.elements();
  return Value::boolean(std::any_of(items.begin(), items.end(), [&](const Value& e) { return e == yes; }));
}

BuiltinResult all(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (!is_collection(v)) return operand_type_error("all", 1, v, {"array", "set"});
  const Value yes = Value::boolean(true);
  auto items = v.elements();
  return Value::boolean(std::all_of(items.begin(), items.end(), [&](const Value& e) { return e == yes; }));
}

}  // namespace arcane::stdlib::impl
