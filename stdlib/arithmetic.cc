// Arithmetic: + - * / % and abs, round, ceil, floor, with OPA's split between exact
// and floating-point results (topdown/arithmetic.go):
//   - + - * on two integers are exact at any size; otherwise both operands become
//     64-bit big.Floats and the result is the float's shortest text (0.1 * 3 is
//     0.30000000000000000001 in OPA, and here);
//   - / is exact only for int32-range integers that divide evenly (and a nonzero
//     dividend: 0 / -1 is the float -0); everything else is a float quotient;
//   - % is defined on integers only ("modulo on floating-point number");
//   - abs, round, ceil and floor keep int32-range integer literals as they are and go
//     through floats otherwise, including OPA's truncation-based ceil and floor (so
//     ceil(-0.5) is 1 and floor(-0.5) is 0, as in OPA).
// `-` on two sets is set difference.
#include <cstdlib>

#include "runtime/big_float.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::BigFloat;
using runtime::Number;
using runtime::Value;

enum class Op { kAdd, kSub, kMul };

// OPA's smallInt: an integer literal inside the int32 window, where products fit int64.
std::optional<int64_t> small_int(const Number& n) {
  std::optional<int64_t> v = literal_int(n);
  if (!v || *v < INT32_MIN || *v > INT32_MAX) return std::nullopt;
  return v;
}

std::optional<Number> exact(Op op, const Number& a, const Number& b) {
  switch (op) {
    case Op::kAdd: return add(a, b);
    case Op::kSub: return subtract(a, b);
    case Op::kMul: return multiply(a, b);
  }
  return std::nullopt;
}

BigFloat inexact(Op op, const BigFloat& x, const BigFloat& y) {
  switch (op) {
    case Op::kAdd: return BigFloat::add(x, y);
    case Op::kSub: return BigFloat::sub(x, y);
    case Op::kMul: return BigFloat::mul(x, y);
  }
  return {};
}

BuiltinResult too_large(std::string_view name) {
  return number_result(name, std::nullopt);
}

BuiltinResult arith(std::string_view name, Op op, const Number& a, const Number& b) {
  if (a.is_integer() && b.is_integer()) return number_result(name, exact(op, a, b));
  std::optional<BigFloat> x = BigFloat::from_number(a), y = BigFloat::from_number(b);
  if (!x || !y) return too_large(name);
  return float_result(name, inexact(op, *x, *y));
}

// Both operands must be numbers; the operation sees them as such.
template <typename F>
BuiltinResult with_numbers(std::string_view name, Args args, F&& f) {
  if (!args[0].is_number()) return operand_type_error(name, 1, args[0], {"number"});
  if (!args[1].is_number()) return operand_type_error(name, 2, args[1], {"number"});
  return f(args[0].number(), args[1].number());
}

template <typename F>
BuiltinResult unary(std::string_view name, Args args, F&& on_float, bool is_abs = false) {
  if (!args[0].is_number()) return operand_type_error(name, 1, args[0], {"number"});
  const Number& n = args[0].number();
  if (std::optional<int64_t> v = small_int(n)) return Value::integer(is_abs ? std::llabs(*v) : *v);
  std::optional<BigFloat> x = BigFloat::from_number(n);
  if (!x) return too_large(name);
  return float_result(name, on_float(*x));
}

BigFloat constant(int64_t coefficient, int64_t exp2) {
  return BigFloat::from_parts(coefficient, exp2, 53);
}

}  // namespace

BuiltinResult plus(BuiltinContext&, Args args) {
  return with_numbers("plus", args, [](const Number& a, const Number& b) { return arith("plus", Op::kAdd, a, b); });
}

BuiltinResult mul(BuiltinContext&, Args args) {
  return with_numbers("mul", args, [](const Number& a, const Number& b) { return arith("mul", Op::kMul, a, b); });
}

BuiltinResult minus(BuiltinContext&, Args args) {
  const Value &a = args[0], &b = args[1];
  if (a.is_number() && b.is_number()) return arith("minus", Op::kSub, a.number(), b.number());
  if (a.is_set() && b.is_set()) return set_difference(a, b);
  // OPA's checks, in its order: a set minus a string is reported as wanting a number.
  if (!a.is_number() && !a.is_set()) return operand_type_error("minus", 1, a, {"number", "set"});
  if (b.is_number()) return operand_type_error("minus", 2, b, {"set"});
  return operand_type_error("minus", 2, b, {"number"});
}

BuiltinResult div(BuiltinContext&, Args args) {
  return with_numbers("div", args, [](const Number& a, const Number& b) -> BuiltinResult {
    std::optional<int64_t> x = small_int(a), y = small_int(b);
    if (x && y) {
      if (*y == 0) return builtin_error("div", "divide by zero");
      if (*x != 0 && *x % *y == 0) return Value::integer(*x / *y);
    }
    std::optional<BigFloat> fx = BigFloat::from_number(a), fy = BigFloat::from_number(b);
    if (!fx || !fy) return too_large("div");
    if (fy->is_zero()) return builtin_error("div", "divide by zero");
    return float_result("div", BigFloat::quo(*fx, *fy));
  });
}

BuiltinResult rem(BuiltinContext&, Args args) {
  return with_numbers("rem", args, [](const Number& a, const Number& b) -> BuiltinResult {
    std::optional<int64_t> x = small_int(a), y = small_int(b);
    if (x && y) {
      if (*y == 0) return builtin_error("rem", "modulo by zero");
      return Value::integer(*x % *y);
    }
    if (!a.is_integer() || !b.is_integer()) return builtin_error("rem", "modulo on floating-point number");
    if (b.sign() == 0) return builtin_error("rem", "modulo by zero");
    return number_result("rem", remainder(a, b));
  });
}

BuiltinResult abs(BuiltinContext&, Args args) {
  return unary(
      "abs", args, [](const BigFloat& x) { return x.abs(); }, /*is_abs=*/true);
}

BuiltinResult round(BuiltinContext&, Args args) {
  return unary("round", args, [](const BigFloat& x) {
    BigFloat half = constant(1, -1);
    return (x.signbit() ? BigFloat::sub(x, half) : BigFloat::add(x, half)).truncated();
  });
}

BuiltinResult ceil(BuiltinContext&, Args args) {
  return unary("ceil", args, [](const BigFloat& x) {
    BigFloat f = x.truncated();
    if (f.signbit() || x.cmp(f) == 0) return f;
    return BigFloat::add(f, constant(1, 0));
  });
}

BuiltinResult floor(BuiltinContext&, Args args) {
  return unary("floor", args, [](const BigFloat& x) {
    BigFloat f = x.truncated();
    if (!f.signbit() || x.cmp(f) == 0) return f;
    return BigFloat::sub(f, constant(1, 0));
  });
}

}  // namespace arcane::stdlib::impl
