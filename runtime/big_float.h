// Binary floating point with Go's math/big.Float semantics, for the built-ins where OPA
// leaves exact arithmetic.
//
// OPA computes exactly on integers, but as soon as an operand of + - * / (or of abs,
// round, ceil, floor, sum, product) is not an integer it converts the operands to
// big.Float (a 64-bit mantissa, round-to-nearest-even), computes there, and prints the
// result back as a number with the shortest decimal text that reads back to the same
// float. That text *is* the result: 1/3 is 0.3333333333333333333 (19 digits, not 17
// as with doubles), 1234567.5 is 1.2345675e+06, and 0 / -1 is -0. Reproducing OPA's
// results therefore means reproducing big.Float, and this class does, operation by
// operation:
//   - a value is ±mantissa × 2^exponent with a precision in bits; zero is signed;
//   - an operation's result takes the precision it is given, or, given 0 (Go's
//     new(big.Float)), the larger of its operands' precisions, and is rounded once,
//     to nearest even, from the exact result;
//   - from_number follows Go's SetString: the literal's digits exactly, then a power of
//     five (computed the way Go computes it, with the same intermediate roundings);
//   - text() is Go's Text(fmt, -1) with its shortest-digits algorithm (which bounds the
//     interval by half an ulp *at the float's precision*, as Go does).
// Only what OPA uses is here: no other rounding modes, no NaN (OPA never divides by
// zero), and infinities only as the result of exponent overflow.
//
// GMP stays inside big_float.cc; values share their immutable mantissa.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "runtime/number.h"

namespace arcane::runtime {

class BigFloat {
 public:
  BigFloat() noexcept = default;  // +0 with precision 0: Go's new(big.Float)

  // coefficient × 2^exp2, rounded to prec bits (big.NewFloat(0.5) is (1, -1, 53)).
  static BigFloat from_parts(int64_t coefficient, int64_t exp2, uint32_t prec);
  // Go's new(big.Float).SetString(n's text): precision 64. nullopt where Go fails
  // ("exponent overflow": a binary exponent beyond int32).
  static std::optional<BigFloat> from_number(const Number& n);

  uint32_t prec() const { return prec_; }
  bool is_zero() const { return form_ == Form::kZero; }
  bool is_inf() const { return form_ == Form::kInf; }
  bool signbit() const { return neg_; }  // true for -0 too
  bool is_int() const;                   // zero counts; infinities do not
  int cmp(const BigFloat& other) const;  // numeric: -0 == +0

  BigFloat abs() const;
  BigFloat negated() const;
  // Go's new(big.Float).SetInt(x.Int(nil)): truncated toward zero, precision
  // max(64, bits); the zero it yields is always +0.
  BigFloat truncated() const;

  // z.Op(x, y) with z's precision prec; prec 0 is Go's new(big.Float).
  static BigFloat add(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat sub(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat mul(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat quo(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);  // y != 0

  // Go's Text(fmt, -1) for fmt 'e', 'f' or 'g'. nullopt when the text would have more
  // than about a million digits (Go would print it; we refuse, as Number does).
  std::optional<std::string> text(char fmt) const;
  // OPA's builtins.FloatToNumber: Text('f', -1) for integers, Text('g', -1) otherwise.
  // nullopt for an infinity or an oversized text.
  std::optional<Number> to_number() const;

 private:
  struct Mantissa;
  friend struct BigFloatAccess;  // big_float_rep.h
  enum class Form : uint8_t { kZero, kFinite, kInf };

  Form form_ = Form::kZero;
  bool neg_ = false;
  uint32_t prec_ = 0;
  int64_t exp_ = 0;                       // finite: value = mantissa × 2^exp_
  std::shared_ptr<const Mantissa> mant_;  // finite: odd, at most prec_ bits
};

}  // namespace arcane::runtime
