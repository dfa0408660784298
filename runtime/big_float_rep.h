// Internals of BigFloat shared by big_float.cc (arithmetic, conversion from numbers) and
// big_float_text.cc (Go's shortest decimal text). GMP appears only in these files and in
// the Number ones.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <memory>

#include "runtime/big_float.h"

namespace arcane::runtime {

struct BigFloat::Mantissa {
  mpz_t v;
  Mantissa() { mpz_init(v); }
  Mantissa(const Mantissa&) = delete;
  Mantissa& operator=(const Mantissa&) = delete;
  ~Mantissa() { mpz_clear(v); }
};

// Builds BigFloats from exact results and reads their parts.
struct BigFloatAccess {
  using Form = BigFloat::Form;
  static Form form(const BigFloat& f) { return f.form_; }
  static mpz_srcptr mantissa(const BigFloat& f) { return f.mant_->v; }
  static int64_t exponent(const BigFloat& f) { return f.exp_; }

  static BigFloat zero(bool neg, uint32_t prec);
  static BigFloat inf(bool neg, uint32_t prec);
  // ±m × 2^e rounded to prec bits, to nearest even; `sticky` says nonzero bits were
  // dropped below m. Consumes m.
  static BigFloat finish(bool neg, mpz_t m, int64_t e, uint32_t prec, bool sticky = false);
  // ±m × 2^e *without* rounding: Go's SetString holds all the digits until it scales.
  static BigFloat unrounded(bool neg, mpz_t m, int64_t e, uint32_t prec);
};

}  // namespace arcane::runtime
