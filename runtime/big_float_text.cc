// BigFloat to text, as Go's Float.Text(fmt, -1) writes it (math/big/ftoa.go): the
// exact decimal expansion of the float, cut to the shortest prefix that still lies
// strictly within half an ulp (at the float's precision) of it, then laid out as %e, %f
// or %g. OPA turns every inexact arithmetic result into a number through this text.
#include <algorithm>
#include <string>

#include "runtime/big_float_rep.h"
#include "runtime/number_node.h"

namespace arcane::runtime {

using detail::Mpz;

namespace {

// Beyond this many binary places the decimal expansion is refused: it would have more
// digits than a Number may hold anyway.
constexpr int64_t kMaxShift = 4'000'000;

// Go's big.decimal: value = 0.mant × 10^exp, mant without leading or trailing zeros.
struct Decimal {
  std::string mant;
  int64_t exp = 0;

  char at(int64_t i) const { return i >= 0 && i < static_cast<int64_t>(mant.size()) ? mant[i] : '0'; }
  void trim() {
    while (!mant.empty() && mant.back() == '0') mant.pop_back();
    if (mant.empty()) exp = 0;
  }
};

std::string digits_of(mpz_srcptr v) {
  std::string s(mpz_sizeinbase(v, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, v);
  s.resize(std::char_traits<char>::length(s.c_str()));
  return s;
}

// m × 2^shift exactly.
bool decimal_init(Decimal& d, mpz_srcptr m, int64_t shift) {
  if (shift > kMaxShift || shift < -kMaxShift) return false;
  Mpz n;
  if (shift >= 0) {
    mpz_mul_2exp(n.v, m, static_cast<mp_bitcnt_t>(shift));
    d.mant = digits_of(n.v);
    d.exp = static_cast<int64_t>(d.mant.size());
  } else {
    // m / 2^k == m × 5^k / 10^k
    Mpz p;
    mpz_ui_pow_ui(p.v, 5, static_cast<unsigned long>(-shift));
    mpz_mul(n.v, m, p.v);
    d.mant = digits_of(n.v);
    d.exp = static_cast<int64_t>(d.mant.size()) + shift;
  }
  if (mpz_sgn(n.v) == 0) d.mant.clear();
  d.trim();
  return true;
}

bool should_round_up(const Decimal& d, size_t n) {
  if (d.mant[n] == '5' && n + 1 == d.mant.size()) return n > 0 && ((d.mant[n - 1] - '0') & 1) != 0;
  return d.mant[n] >= '5';
}

void round_up(Decimal& d, size_t n) {
  if (n >= d.mant.size()) return;
  while (n > 0 && d.mant[n - 1] >= '9') --n;
  if (n == 0) {
    d.mant.assign(1, '1');  // not = "1": GCC 12 raises a false -Wrestrict on that
    ++d.exp;
    return;
  }
  ++d.mant[n - 1];
  d.mant.resize(n);
}

void round_down(Decimal& d, size_t n) {
  if (n >= d.mant.size()) return;
  d.mant.resize(n);
  d.trim();
}

void round_nearest(Decimal& d, size_t n) {
  if (n >= d.mant.size()) return;
  if (should_round_up(d, n)) {
    round_up(d, n);
  } else {
    round_down(d, n);
  }
}

// Go's roundShortest. The bounds are x ± half an ulp at x's precision; they are
// possible outputs only when x's mantissa is even (round-to-even would pick x).
bool round_shortest(Decimal& d, mpz_srcptr m, int64_t e, uint32_t prec) {
  if (d.mant.empty()) return true;
  int64_t widen = static_cast<int64_t>(prec) + 1 - static_cast<int64_t>(mpz_sizeinbase(m, 2));
  Mpz mant, tmp;
  mpz_mul_2exp(mant.v, m, static_cast<mp_bitcnt_t>(widen));  // prec + 1 bits: lsb = half ulp
  int64_t exp = e - widen;
  Decimal lower, upper;
  mpz_sub_ui(tmp.v, mant.v, 1);
  if (!decimal_init(lower, tmp.v, exp)) return false;
  mpz_add_ui(tmp.v, mant.v, 1);
  if (!decimal_init(upper, tmp.v, exp)) return false;
  bool inclusive = mpz_tstbit(mant.v, 1) == 0;
  for (size_t i = 0; i < d.mant.size(); ++i) {
    char l = lower.at(static_cast<int64_t>(i)), u = upper.at(static_cast<int64_t>(i)), c = d.mant[i];
    bool ok_down = l != c || (inclusive && i + 1 == lower.mant.size());
    bool ok_up = c != u && (inclusive || c + 1 < u || i + 1 < upper.mant.size());
    if (ok_down && ok_up) return round_nearest(d, i + 1), true;
    if (ok_down) return round_down(d, i + 1), true;
    if (ok_up) return round_up(d, i + 1), true;
  }
  return true;
}

void format_e(std::string& out, char fmt, int64_t prec, const Decimal& d) {
  out += d.mant.empty() ? '0' : d.mant[0];
  if (prec > 0) {
    out += '.';
    int64_t i = 1;
    int64_t m = std::min<int64_t>(static_cast<int64_t>(d.mant.size()), prec + 1);
    if (i < m) {
      out.append(d.mant, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; ++i) out += '0';
  }
  out += fmt;
  int64_t exp = d.mant.empty() ? 0 : d.exp - 1;
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

void format_f(std::string& out, int64_t prec, const Decimal& d) {
  if (d.exp > 0) {
    int64_t m = std::min<int64_t>(static_cast<int64_t>(d.mant.size()), d.exp);
    out.append(d.mant, 0, static_cast<size_t>(m));
    out.append(static_cast<size_t>(d.exp - m), '0');
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int64_t i = 0; i < prec; ++i) out += d.at(d.exp + i);
  }
}

void format_shortest(std::string& out, char fmt, const Decimal& d) {
  auto len = static_cast<int64_t>(d.mant.size());
  switch (fmt) {
    case 'e': format_e(out, 'e', len - 1, d); return;
    case 'f': format_f(out, std::max<int64_t>(len - d.exp, 0), d); return;
    default: break;
  }
  // %g: exponent form outside [1e-4, 1e6) when the digits are the shortest.
  int64_t exp = d.exp - 1;
  if (exp < -4 || exp >= 6) {
    format_e(out, 'e', len - 1, d);
    return;
  }
  format_f(out, std::max<int64_t>(len - d.exp, 0), d);
}

}  // namespace

std::optional<std::string> BigFloat::text(char fmt) const {
  std::string out;
  if (neg_) out += '-';
  if (form_ == Form::kInf) {
    if (!neg_) out += '+';
    return out + "Inf";
  }
  Decimal d;
  if (form_ == Form::kFinite) {
    if (!decimal_init(d, mant_->v, exp_)) return std::nullopt;
    if (!round_shortest(d, mant_->v, exp_, prec_)) return std::nullopt;
  }
  format_shortest(out, fmt, d);
  return out;
}

std::optional<Number> BigFloat::to_number() const {
  if (form_ == Form::kInf) return std::nullopt;
  std::optional<std::string> t = text(is_int() ? 'f' : 'g');
  if (!t) return std::nullopt;
  return Number::from_text(*t);
}

}  // namespace arcane::runtime
