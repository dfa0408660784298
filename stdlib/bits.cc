// bits.and, bits.or, bits.xor, bits.negate, bits.lsh, bits.rsh (topdown/bits.go): exact
// integers of any size, in two's complement as Go's big.Int computes them (negate(x)
// is -x-1, rsh rounds toward negative infinity). Operands are integers in value (7.0
// counts, 7.2 is a type error); the shift count must not be negative. A left shift
// whose result would pass Number's size limit is refused, where Go would allocate.
#include "runtime/value.h"
#include "stdlib/big_int.h"
#include "stdlib/families_strings.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// OPA's BigIntOperand.
std::optional<BuiltinError> integer_operand(std::string_view name, const Value& v, int pos, BigInt& out) {
  if (!v.is_number()) return operand_type_error(name, pos, v, {"integer"});
  if (!integer_value(v.number(), out)) {
    if (v.number().is_integer()) return builtin_error(name, "number too large");
    return operand_error(name, pos, "must be integer number but got floating-point number");
  }
  return std::nullopt;
}

BuiltinResult result_of(std::string_view name, const BigInt& r) {
  return number_result(name, integer_number(r));
}

template <typename Op>
BuiltinResult binary(std::string_view name, Args args, Op&& op) {
  BigInt a, b, r;
  if (auto e = integer_operand(name, args[0], 1, a)) return *e;
  if (auto e = integer_operand(name, args[1], 2, b)) return *e;
  if (std::optional<BuiltinError> e = op(r, a, b)) return *e;
  return result_of(name, r);
}

BuiltinError negative_shift(std::string_view name) {
  return operand_error(name, 2, "must be an unsigned integer number but got a negative integer");
}

// big.Int.Uint64 of the count: its low 64 bits.
mp_bitcnt_t shift_count(const BigInt& b) {
  BigInt low;
  mpz_fdiv_r_2exp(low.v, b.v, 64);
  return static_cast<mp_bitcnt_t>(mpz_get_ui(low.v));
}

}  // namespace

BuiltinResult bits_and(BuiltinContext&, Args args) {
  return binary("bits.and", args, [](BigInt& r, const BigInt& a, const BigInt& b) -> std::optional<BuiltinError> {
    mpz_and(r.v, a.v, b.v);
    return std::nullopt;
  });
}

BuiltinResult bits_or(BuiltinContext&, Args args) {
  return binary("bits.or", args, [](BigInt& r, const BigInt& a, const BigInt& b) -> std::optional<BuiltinError> {
    mpz_ior(r.v, a.v, b.v);
    return std::nullopt;
  });
}

BuiltinResult bits_xor(BuiltinContext&, Args args) {
  return binary("bits.xor", args, [](BigInt& r, const BigInt& a, const BigInt& b) -> std::optional<BuiltinError> {
    mpz_xor(r.v, a.v, b.v);
    return std::nullopt;
  });
}

BuiltinResult bits_negate(BuiltinContext&, Args args) {
  BigInt a, r;
  if (auto e = integer_operand("bits.negate", args[0], 1, a)) return *e;
  mpz_com(r.v, a.v);
  return result_of("bits.negate", r);
}

BuiltinResult bits_lsh(BuiltinContext&, Args args) {
  constexpr std::string_view name = "bits.lsh";
  return binary(name, args, [&](BigInt& r, const BigInt& a, const BigInt& b) -> std::optional<BuiltinError> {
    if (mpz_sgn(b.v) < 0) return negative_shift(name);
    if (mpz_sgn(a.v) == 0) return std::nullopt;
    mp_bitcnt_t shift = shift_count(b);
    // About Number::kMaxDigits decimal digits.
    constexpr mp_bitcnt_t kMaxBits = 3'400'000;
    if (shift > kMaxBits || mpz_sizeinbase(a.v, 2) + shift > kMaxBits) return builtin_error(name, "number too large");
    mpz_mul_2exp(r.v, a.v, shift);
    return std::nullopt;
  });
}

BuiltinResult bits_rsh(BuiltinContext&, Args args) {
  constexpr std::string_view name = "bits.rsh";
  return binary(name, args, [&](BigInt& r, const BigInt& a, const BigInt& b) -> std::optional<BuiltinError> {
    if (mpz_sgn(b.v) < 0) return negative_shift(name);
    mpz_fdiv_q_2exp(r.v, a.v, shift_count(b));
    return std::nullopt;
  });
}

}  // namespace arcane::stdlib::impl
