// BigFloat arithmetic and conversion from numbers (Go's big.Float Add, Sub, Mul, Quo,
// SetString, Int/SetInt). Every operation computes the exact result (or, for a
// quotient, enough bits plus a sticky bit) and rounds it once, to nearest even, so the
// result equals Go's bit for bit. The text side is in big_float_text.cc.
#include <algorithm>
#include <climits>
#include <string>

#include "runtime/big_float_rep.h"
#include "runtime/number_node.h"

namespace arcane::runtime {

using detail::Mpz;

namespace {

constexpr uint32_t kDefaultPrec = 64;  // Go's precision for SetString and SetInt64

// An exact finite operand: ±m × 2^e (m > 0, any number of bits).
struct View {
  bool neg = false;
  mpz_srcptr m = nullptr;
  int64_t e = 0;
};

int64_t bit_length(mpz_srcptr m) {
  return static_cast<int64_t>(mpz_sizeinbase(m, 2));
}

// Rounds m × 2^e to prec bits, to nearest even; `sticky` says the true value lies just
// above m × 2^e (the caller dropped nonzero bits below m's lowest).
void round_to_prec(mpz_t m, int64_t& e, uint32_t prec, bool sticky) {
  int64_t bits = bit_length(m);
  if (bits <= static_cast<int64_t>(prec)) return;  // callers give prec + 2 bits with sticky
  auto shift = static_cast<mp_bitcnt_t>(bits - prec);
  bool guard = mpz_tstbit(m, shift - 1) != 0;
  bool rest = sticky || mpz_scan1(m, 0) < shift - 1;
  mpz_fdiv_q_2exp(m, m, shift);
  e += static_cast<int64_t>(shift);
  if (guard && (rest || mpz_odd_p(m))) mpz_add_ui(m, m, 1);
}

}  // namespace

BigFloat BigFloatAccess::zero(bool neg, uint32_t prec) {
  BigFloat f;
  f.neg_ = neg;
  f.prec_ = prec;
  return f;
}

BigFloat BigFloatAccess::inf(bool neg, uint32_t prec) {
  BigFloat f = zero(neg, prec);
  f.form_ = Form::kInf;
  return f;
}

BigFloat BigFloatAccess::unrounded(bool neg, mpz_t m, int64_t e, uint32_t prec) {
  BigFloat f = zero(neg, prec);
  f.form_ = Form::kFinite;
  f.exp_ = e;
  auto mant = std::make_shared<BigFloat::Mantissa>();
  mpz_swap(mant->v, m);
  f.mant_ = std::move(mant);
  return f;
}

BigFloat BigFloatAccess::finish(bool neg, mpz_t m, int64_t e, uint32_t prec, bool sticky) {
  if (mpz_sgn(m) == 0) return zero(neg, prec);
  round_to_prec(m, e, prec, sticky);
  mp_bitcnt_t tz = mpz_scan1(m, 0);
  mpz_fdiv_q_2exp(m, m, tz);
  e += static_cast<int64_t>(tz);
  // Go keeps value = 0.mantissa × 2^exp with exp an int32.
  int64_t go_exp = e + bit_length(m);
  if (go_exp > INT32_MAX) return inf(neg, prec);
  if (go_exp < INT32_MIN) return zero(neg, prec);
  return unrounded(neg, m, e, prec);
}

namespace {

using Form = BigFloatAccess::Form;
using Access = BigFloatAccess;

View view(const BigFloat& f) {
  return {f.signbit(), Access::mantissa(f), Access::exponent(f)};
}

uint32_t result_prec(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  return prec != 0 ? prec : std::max(x.prec(), y.prec());
}

// Exact |x| + |y| or |x| - |y| (sign handled by the caller's choice of operands), then
// rounding. An operand far below the other's rounding position only matters through the
// sticky bit, so it is replaced by a single bit just as far below: this keeps 1e300000 +
// 1e-300000 from materializing a million-bit integer, and rounds exactly the same.
BigFloat add_views(View x, View y, uint32_t prec) {
  int64_t top_x = x.e + bit_length(x.m), top_y = y.e + bit_length(y.m);
  bool x_hi = top_x >= top_y;
  View& hi = x_hi ? x : y;
  View& lo = x_hi ? y : x;
  int64_t top_hi = std::max(top_x, top_y), top_lo = std::min(top_x, top_y);
  int64_t p = std::max<int64_t>(prec, bit_length(hi.m));
  int64_t t = std::min(hi.e - 1, top_hi - p - 3);
  Mpz tiny(1);
  if (top_lo <= t) {
    lo.m = tiny.v;
    lo.e = t - 1;
  }
  int64_t e = std::min(x.e, y.e);
  Mpz a, b;
  mpz_mul_2exp(a.v, x.m, static_cast<mp_bitcnt_t>(x.e - e));
  mpz_mul_2exp(b.v, y.m, static_cast<mp_bitcnt_t>(y.e - e));
  if (x.neg) mpz_neg(a.v, a.v);
  if (y.neg) mpz_neg(b.v, b.v);
  mpz_add(a.v, a.v, b.v);
  bool neg = mpz_sgn(a.v) < 0;
  mpz_abs(a.v, a.v);
  // An exact zero from x + (-x) is +0 when rounding to nearest.
  return Access::finish(neg, a.v, e, prec);
}

BigFloat pow5(uint64_t n);

}  // namespace

// --- construction ------------------------------------------------------------------

BigFloat BigFloat::from_parts(int64_t coefficient, int64_t exp2, uint32_t prec) {
  if (prec == 0) prec = kDefaultPrec;
  Mpz m(coefficient);
  bool neg = coefficient < 0;
  mpz_abs(m.v, m.v);
  return Access::finish(neg, m.v, exp2, prec);
}

namespace {

struct Scanned {
  bool neg = false;
  std::string digits;  // integer and fraction digits, without the point
  int64_t exp5 = 0;    // value = digits × 10^exp5
};

// The pieces Go's Float.scan takes from a JSON number literal.
Scanned scan_literal(const std::string& text) {
  Scanned s;
  size_t i = 0;
  if (i < text.size() && text[i] == '-') s.neg = true, ++i;
  int64_t frac = 0;
  bool in_frac = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      in_frac = true;
      continue;
    }
    s.digits += text[i];
    if (in_frac) ++frac;
  }
  int64_t exp = 0;
  bool exp_neg = false;
  if (i < text.size()) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_neg = text[i++] == '-';
    for (; i < text.size(); ++i) {
      if (exp < INT64_MAX / 20) exp = exp * 10 + (text[i] - '0');
    }
  }
  s.exp5 = (exp_neg ? -exp : exp) - frac;
  return s;
}

}  // namespace

std::optional<BigFloat> BigFloat::from_number(const Number& n) {
  if (n.is_small_int()) return from_parts(*n.to_int64(), 0, kDefaultPrec);
  Scanned s = scan_literal(n.to_string());
  Mpz m;
  mpz_set_str(m.v, s.digits.c_str(), 10);
  if (mpz_sgn(m.v) == 0) return Access::zero(s.neg, kDefaultPrec);
  int64_t exp2 = bit_length(m.v) + s.exp5;
  if (exp2 > INT32_MAX || exp2 < INT32_MIN) return std::nullopt;
  if (s.exp5 == 0) return Access::finish(s.neg, m.v, 0, kDefaultPrec);
  // Go keeps the digits exact, scales by 2^exp5 at once, and applies 5^|exp5| through
  // a 128-bit Float (exact up to 5^55), rounding once more to 64 bits.
  BigFloat z = Access::unrounded(s.neg, m.v, s.exp5, kDefaultPrec);
  BigFloat p = pow5(static_cast<uint64_t>(s.exp5 < 0 ? -s.exp5 : s.exp5));
  return s.exp5 < 0 ? quo(z, p, kDefaultPrec) : mul(z, p, kDefaultPrec);
}

namespace {

// Go's Float.pow5: exact up to 5^27, then square-and-multiply with z at 128 bits and the
// running square at 192.
BigFloat pow5(uint64_t n) {
  constexpr uint64_t kExactMax = 27;  // 5^27 is the largest power of 5 in a uint64
  Mpz m;
  mpz_ui_pow_ui(m.v, 5, std::min(n, kExactMax));
  BigFloat z = Access::finish(false, m.v, 0, 128);
  if (n <= kExactMax) return z;
  n -= kExactMax;
  BigFloat f = BigFloat::from_parts(5, 0, 192);
  while (n > 0) {
    if (n & 1) z = BigFloat::mul(z, f, 128);
    f = BigFloat::mul(f, f, 192);
    n >>= 1;
  }
  return z;
}

}  // namespace

// --- queries -----------------------------------------------------------------------

bool BigFloat::is_int() const {
  if (form_ != Form::kFinite) return form_ == Form::kZero;
  return exp_ >= 0;  // the mantissa is odd
}

int BigFloat::cmp(const BigFloat& o) const {
  auto sign = [](const BigFloat& f) { return f.form_ == Form::kZero ? 0 : (f.neg_ ? -1 : 1); };
  int sa = sign(*this), sb = sign(o);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  if (form_ == Form::kInf || o.form_ == Form::kInf) {
    if (form_ == o.form_) return 0;
    return (form_ == Form::kInf ? 1 : -1) * sa;
  }
  int64_t ta = exp_ + bit_length(mant_->v), tb = o.exp_ + bit_length(o.mant_->v);
  if (ta != tb) return (ta > tb ? 1 : -1) * sa;
  int64_t e = std::min(exp_, o.exp_);
  Mpz a, b;
  mpz_mul_2exp(a.v, mant_->v, static_cast<mp_bitcnt_t>(exp_ - e));
  mpz_mul_2exp(b.v, o.mant_->v, static_cast<mp_bitcnt_t>(o.exp_ - e));
  int c = mpz_cmp(a.v, b.v);
  return ((c > 0) - (c < 0)) * sa;
}

BigFloat BigFloat::abs() const {
  BigFloat f = *this;
  f.neg_ = false;
  return f;
}

BigFloat BigFloat::negated() const {
  BigFloat f = *this;
  f.neg_ = !neg_;
  return f;
}

BigFloat BigFloat::truncated() const {
  if (form_ != Form::kFinite) return *this;  // Go's Int is undefined on Inf; OPA never asks
  if (exp_ >= 0) {
    // Already an integer: the same value, at the precision SetInt would give it, without
    // materializing 1e300000000 as a billion-bit integer.
    BigFloat f = *this;
    f.prec_ = static_cast<uint32_t>(std::max<int64_t>(kDefaultPrec, bit_length(mant_->v) + exp_));
    return f;
  }
  Mpz m;
  mpz_fdiv_q_2exp(m.v, mant_->v, static_cast<mp_bitcnt_t>(-exp_));
  if (mpz_sgn(m.v) == 0) return Access::zero(false, kDefaultPrec);
  auto prec = static_cast<uint32_t>(std::max<int64_t>(kDefaultPrec, bit_length(m.v)));
  return Access::finish(neg_, m.v, 0, prec);
}

// --- arithmetic ----------------------------------------------------------------------

BigFloat BigFloat::add(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  prec = result_prec(x, y, prec);
  if (x.form_ == Form::kFinite && y.form_ == Form::kFinite) {
    return add_views(view(x), view(y), prec);
  }
  if (x.form_ == Form::kZero && y.form_ == Form::kZero) return Access::zero(x.neg_ && y.neg_, prec);
  const BigFloat& keep = (x.form_ == Form::kInf || y.form_ == Form::kZero) ? x : y;
  if (keep.form_ == Form::kInf) return Access::inf(keep.neg_, prec);
  Mpz m;
  mpz_set(m.v, keep.mant_->v);
  return Access::finish(keep.neg_, m.v, keep.exp_, prec);  // z.Set(keep)
}

BigFloat BigFloat::sub(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  return add(x, y.negated(), prec);
}

BigFloat BigFloat::mul(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  prec = result_prec(x, y, prec);
  bool neg = x.neg_ != y.neg_;
  if (x.form_ == Form::kInf || y.form_ == Form::kInf) return Access::inf(neg, prec);
  if (x.form_ == Form::kZero || y.form_ == Form::kZero) return Access::zero(neg, prec);
  Mpz m;
  mpz_mul(m.v, x.mant_->v, y.mant_->v);
  return Access::finish(neg, m.v, x.exp_ + y.exp_, prec);
}

BigFloat BigFloat::quo(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  prec = result_prec(x, y, prec);
  bool neg = x.neg_ != y.neg_;
  if (x.form_ == Form::kInf || y.form_ == Form::kZero) return Access::inf(neg, prec);
  if (x.form_ == Form::kZero || y.form_ == Form::kInf) return Access::zero(neg, prec);
  // Enough quotient bits for the guard bit, plus a sticky bit from the remainder.
  int64_t shift =
      std::max<int64_t>(0, static_cast<int64_t>(prec) + 3 + bit_length(y.mant_->v) - bit_length(x.mant_->v));
  Mpz q, r;
  mpz_mul_2exp(q.v, x.mant_->v, static_cast<mp_bitcnt_t>(shift));
  mpz_tdiv_qr(q.v, r.v, q.v, y.mant_->v);
  return Access::finish(neg, q.v, x.exp_ - y.exp_ - shift, prec, mpz_sgn(r.v) != 0);
}

}  // namespace arcane::runtime
