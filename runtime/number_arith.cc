// Exact comparison and arithmetic on numbers. Each operation tries, in order: both
// inline int64 (machine arithmetic with an overflow check), both coefficients in int64
// (128-bit arithmetic), then GMP. Results are normalized by NumberAccess::make, so a
// sum that fits an int64 comes back as an inline int64 whatever the operands were.
// Inexact operations (division, and anything on non-integers) follow Go's big.Float, in
// big_float.cc; the integer remainder is here because it is exact.
#include <algorithm>

#include "runtime/number_node.h"

namespace arcane::runtime {

using detail::kPow10;
using detail::Mpz;
using detail::NumberAccess;
using detail::Parts;

namespace {

size_t count_digits(uint64_t m) {
  size_t n = 1;
  while (m >= 10) m /= 10, ++n;
  return n;
}

uint64_t magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// Decimal digits of the coefficient; for GMP coefficients possibly one too many.
size_t digits_of(const Parts& p) {
  return p.big ? mpz_sizeinbase(p.z, 10) : count_digits(magnitude(p.coef));
}

void scale_up(mpz_t v, uint64_t places) {
  if (places == 0) return;
  Mpz p;
  mpz_ui_pow_ui(p.v, 10, places);
  mpz_mul(v, v, p.v);
}

int compare_small(const Parts& a, const Parts& b, int sign) {
  int64_t d = a.exp - b.exp;
  // |a| >= 10^a.exp since a's coefficient is a nonzero integer, and |b| < 10^(b.exp + 19)
  // since b's fits in an int64: beyond 18 places the exponents alone decide.
  if (d > 18) return sign;
  if (d < -18) return -sign;
  __int128 x = a.coef, y = b.coef;
  if (d > 0) x *= kPow10[d];
  if (d < 0) y *= kPow10[-d];
  return (x > y) - (x < y);
}

std::optional<Number> add_parts(const Parts& a, const Parts& b, bool negate_b) {
  int64_t e = std::min(a.exp, b.exp);
  if (!a.big && !b.big && a.exp - b.exp >= -18 && a.exp - b.exp <= 18) {
    __int128 x = a.coef, y = b.coef;
    x *= kPow10[a.exp - e];
    y *= kPow10[b.exp - e];
    return NumberAccess::make(negate_b ? x - y : x + y, e);
  }
  uint64_t shift = static_cast<uint64_t>(std::max(a.exp, b.exp) - e);
  if (shift + std::max(digits_of(a), digits_of(b)) > Number::kMaxDigits + 1) return std::nullopt;
  Mpz x, y;
  detail::set_mpz(x.v, a);
  detail::set_mpz(y.v, b);
  scale_up(x.v, static_cast<uint64_t>(a.exp - e));
  scale_up(y.v, static_cast<uint64_t>(b.exp - e));
  if (negate_b) {
    mpz_sub(x.v, x.v, y.v);
  } else {
    mpz_add(x.v, x.v, y.v);
  }
  return NumberAccess::make(x.v, e);
}

}  // namespace

namespace detail {

int compare_parts(const Parts& a, const Parts& b) {
  int sa = sign_of(a), sb = sign_of(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  if (!a.big && !b.big) return compare_small(a, b, sa);
  // Order of magnitude first: it settles almost every case without scaling, and it keeps
  // 1e900000000 vs 1 from materializing a billion-digit number.
  int64_t adj_a = a.exp + static_cast<int64_t>(digits_of(a));
  int64_t adj_b = b.exp + static_cast<int64_t>(digits_of(b));
  if (adj_a - adj_b >= 2) return sa;
  if (adj_b - adj_a >= 2) return -sa;
  Mpz x, y;
  set_mpz(x.v, a);
  set_mpz(y.v, b);
  int64_t e = std::min(a.exp, b.exp);
  scale_up(x.v, static_cast<uint64_t>(a.exp - e));
  scale_up(y.v, static_cast<uint64_t>(b.exp - e));
  int c = mpz_cmp(x.v, y.v);
  return (c > 0) - (c < 0);
}

}  // namespace detail

std::optional<Number> add(const Number& a, const Number& b) {
  int64_t r;
  if (a.form_ == Number::Form::kInt && b.form_ == Number::Form::kInt && !__builtin_add_overflow(a.i_, b.i_, &r)) {
    return Number::from_int64(r);
  }
  return add_parts(NumberAccess::parts(a), NumberAccess::parts(b), false);
}

std::optional<Number> subtract(const Number& a, const Number& b) {
  int64_t r;
  if (a.form_ == Number::Form::kInt && b.form_ == Number::Form::kInt && !__builtin_sub_overflow(a.i_, b.i_, &r)) {
    return Number::from_int64(r);
  }
  return add_parts(NumberAccess::parts(a), NumberAccess::parts(b), true);
}

std::optional<Number> multiply(const Number& a, const Number& b) {
  int64_t r;
  if (a.form_ == Number::Form::kInt && b.form_ == Number::Form::kInt && !__builtin_mul_overflow(a.i_, b.i_, &r)) {
    return Number::from_int64(r);
  }
  Parts pa = NumberAccess::parts(a), pb = NumberAccess::parts(b);
  if (!pa.big && !pb.big) {
    return NumberAccess::make(static_cast<__int128>(pa.coef) * pb.coef, pa.exp + pb.exp);
  }
  if (digits_of(pa) + digits_of(pb) > Number::kMaxDigits + 2) return std::nullopt;
  Mpz x, y;
  detail::set_mpz(x.v, pa);
  detail::set_mpz(y.v, pb);
  mpz_mul(x.v, x.v, y.v);
  return NumberAccess::make(x.v, pa.exp + pb.exp);
}

namespace {

// An integer's coefficient and non-negative decimal exponent (value = coef × 10^exp).
void integer_parts(const Number& n, mpz_t coef, int64_t& exp) {
  Parts p = NumberAccess::parts(n);
  detail::set_mpz(coef, p);
  exp = p.exp;
  if (exp < 0) {  // an integral decimal such as 1.0: the division is exact
    Mpz scale;
    mpz_ui_pow_ui(scale.v, 10, static_cast<unsigned long>(-exp));
    mpz_divexact(coef, coef, scale.v);
    exp = 0;
  }
}

}  // namespace

std::optional<Number> remainder(const Number& a, const Number& b) {
  if (!a.is_integer() || !b.is_integer() || b.sign() == 0) return std::nullopt;
  if (a.form_ == Number::Form::kInt && b.form_ == Number::Form::kInt) {
    if (b.i_ == -1) return Number::from_int64(0);  // INT64_MIN % -1 traps in C++
    return Number::from_int64(a.i_ % b.i_);
  }
  Mpz ca, cb, r;
  int64_t ea = 0, eb = 0;
  integer_parts(a, ca.v, ea);
  integer_parts(b, cb.v, eb);
  // Factor out the common power of ten: (ca·10^(ea-g)) rem (cb·10^(eb-g)), times 10^g.
  int64_t g = std::min(ea, eb);
  mpz_abs(cb.v, cb.v);
  if (ea > g) {
    // |a'| mod |b'| through modular exponentiation, never building 10^(ea-g).
    Mpz ten(10), e(ea - g), t;
    mpz_powm(t.v, ten.v, e.v, cb.v);
    mpz_abs(r.v, ca.v);
    mpz_mul(r.v, r.v, t.v);
    mpz_mod(r.v, r.v, cb.v);
    if (mpz_sgn(ca.v) < 0) mpz_neg(r.v, r.v);
  } else if (eb > g && static_cast<int64_t>(mpz_sizeinbase(ca.v, 10)) < eb - g) {
    mpz_set(r.v, ca.v);  // |a'| < 10^(eb-g) <= |b'|
  } else {
    scale_up(cb.v, static_cast<uint64_t>(eb - g));
    mpz_tdiv_r(r.v, ca.v, cb.v);
  }
  return NumberAccess::make(r.v, g);
}

}  // namespace arcane::runtime
