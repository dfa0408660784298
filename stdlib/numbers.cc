// numbers.range(a, b) and numbers.range_step(a, b, step): the integers from a to b
// inclusive, ascending or descending as a <= b or a > b (topdown/numbers.go). Bounds
// may be integers of any size (1.0 counts as an integer, as Go's big.Float says); the
// step must be positive. A range polls the context's cancellation flag at every element
// (one step on a bound of 300,000 digits costs as much as thousands of small ones), and
// stops with OPA's cancel error when it is raised.
#include <variant>

#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Number;
using runtime::Value;

// OPA's BigIntOperand.
std::variant<Number, BuiltinError> integer_operand(std::string_view name, const Value& v, int pos) {
  if (!v.is_number()) return operand_type_error(name, pos, v, {"integer"});
  if (!v.number().is_integer()) return operand_error(name, pos, "must be integer number but got floating-point number");
  return v.number();
}

BuiltinError cancelled(std::string_view name) {
  return BuiltinError{std::string(kCancelError),
                      std::string(name) + ": timed out before generating all numbers in range", /*halt=*/true};
}

BuiltinResult generate(BuiltinContext& ctx, std::string_view name, const Number& from, const Number& to,
                       const Number& step) {
  bool down = from > to;
  runtime::ArrayBuilder out;
  std::optional<Number> i = add(from, Number());  // 1.0 counts from 1, as OPA's big.Int does
  while (down ? *i >= to : *i <= to) {
    if (ctx.cancelled()) return cancelled(name);
    out.push_back(Value::from_number(*i));
    i = down ? subtract(*i, step) : add(*i, step);
    if (!i) return number_result(name, std::nullopt);
  }
  return out.build();
}

BuiltinResult range(BuiltinContext& ctx, std::string_view name, Args args, bool with_step) {
  auto from = integer_operand(name, args[0], 1);
  if (auto* e = std::get_if<BuiltinError>(&from)) return *e;
  auto to = integer_operand(name, args[1], 2);
  if (auto* e = std::get_if<BuiltinError>(&to)) return *e;
  Number step = Number::from_int64(1);
  if (with_step) {
    auto s = integer_operand(name, args[2], 3);
    if (auto* e = std::get_if<BuiltinError>(&s)) return *e;
    step = std::get<Number>(s);
    // OPA's message already names the built-in, and OPA prefixes it once more.
    if (step.sign() <= 0) return builtin_error(name, std::string(name) + ": step must be a positive integer");
  }
  return generate(ctx, name, std::get<Number>(from), std::get<Number>(to), step);
}

}  // namespace

BuiltinResult numbers_range(BuiltinContext& ctx, Args args) {
  return range(ctx, "numbers.range", args, false);
}

BuiltinResult numbers_range_step(BuiltinContext& ctx, Args args) {
  return range(ctx, "numbers.range_step", args, true);
}

}  // namespace arcane::stdlib::impl
