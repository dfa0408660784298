// strconv.FormatFloat for bitSize 64, as Go's fmt uses it: shortest digits (%v, %g) from
// the C++ library's shortest round-trip conversion, fixed precisions from the C library's
// correctly rounded printf (both round exact halves to even, as strconv does), and
// strconv's own layouts for %e, %f, %g, %b and %x.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "stdlib/go_fmt.h"

namespace arcane::stdlib::gofmt {

namespace {

constexpr std::string_view kLower = "0123456789abcdefx";
constexpr std::string_view kUpper = "0123456789ABCDEFX";

// The decimal digits of |v| and the decimal point position: v = 0.d1d2... × 10^dp.
struct Digits {
  std::string d;
  int dp = 0;
};

Digits shortest_digits(double v) {
  Digits out;
  if (v == 0) return out;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') out.d += c;
  }
  int exp = 0;
  std::string_view exp_text = text.substr(e + 1);
  if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  out.dp = exp + 1;
  while (!out.d.empty() && out.d.back() == '0') out.d.pop_back();
  return out;
}

// strconv's fmtE: d.ddde±dd with prec fraction digits.
std::string fmt_e(bool neg, const Digits& digs, int prec, char fmt) {
  std::string out;
  if (neg) out += '-';
  out += digs.d.empty() ? '0' : digs.d[0];
  if (prec > 0) {
    out += '.';
    size_t m = std::min(digs.d.size(), static_cast<size_t>(prec) + 1);
    if (m > 1) out.append(digs.d, 1, m - 1);
    for (size_t i = m > 0 ? m - 1 : 0; i < static_cast<size_t>(prec); ++i) out += '0';
  }
  out += fmt;
  int exp = digs.d.empty() ? 0 : digs.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

// strconv's fmtF: ddd.ddd with prec fraction digits.
std::string fmt_f(bool neg, const Digits& digs, int prec) {
  std::string out;
  if (neg) out += '-';
  if (digs.dp > 0) {
    size_t m = std::min(digs.d.size(), static_cast<size_t>(digs.dp));
    out.append(digs.d, 0, m);
    for (size_t i = m; i < static_cast<size_t>(digs.dp); ++i) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      int j = digs.dp + i - 1;
      out += (j >= 0 && j < static_cast<int>(digs.d.size())) ? digs.d[static_cast<size_t>(j)] : '0';
    }
  }
  return out;
}

void float_bits(double v, uint64_t& mant, int& exp) {
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  exp = static_cast<int>((bits >> 52) & 0x7FF);
  mant = bits & ((uint64_t{1} << 52) - 1);
  if (exp == 0) {
    ++exp;
  } else {
    mant |= uint64_t{1} << 52;
  }
  exp += -1023;
}

// strconv's %b: mantissa p exponent, both decimal.
std::string fmt_b(double v) {
  uint64_t mant = 0;
  int exp = 0;
  float_bits(v, mant, exp);
  exp -= 52;
  std::string out = std::signbit(v) ? "-" : "";
  out += std::to_string(mant);
  out += 'p';
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
  return out;
}

// strconv's %x: -0x1.hhhp±dd.
std::string fmt_x(double v, int prec, char fmt) {
  uint64_t mant = 0;
  int exp = 0;
  float_bits(v, mant, exp);
  if (mant == 0) exp = 0;
  mant <<= 60 - 52;
  while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = static_cast<unsigned>(prec) * 4;
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) ++mant;
    mant <<= 60 - shift;
    if (mant & (uint64_t{1} << 61)) {
      mant >>= 1;
      ++exp;
    }
  }
  std::string_view hex = fmt == 'X' ? kUpper : kLower;
  std::string out = std::signbit(v) ? "-" : "";
  out += '0';
  out += fmt;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    while (mant != 0) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; ++i) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

std::string c_format(const char* spec, int prec, double v) {
  int n = std::snprintf(nullptr, 0, spec, prec, v);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), spec, prec, v);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string format_float(double v, char fmt, int prec) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  switch (fmt) {
    case 'b': return fmt_b(v);
    case 'x':
    case 'X': return fmt_x(v, prec, fmt);
    default: break;
  }
  bool neg = std::signbit(v);
  if (prec >= 0) {
    switch (fmt) {
      case 'e': return c_format("%.*e", prec, v);
      case 'E': return c_format("%.*E", prec, v);
      case 'f': return c_format("%.*f", prec, v);
      case 'g': return c_format("%.*g", prec, v);
      case 'G': return c_format("%.*G", prec, v);
      default: return c_format("%.*g", prec, v);
    }
  }
  Digits digs = shortest_digits(v);
  int nd = static_cast<int>(digs.d.size());
  switch (fmt) {
    case 'e':
    case 'E': return fmt_e(neg, digs, std::max(nd - 1, 0), fmt);
    case 'f': return fmt_f(neg, digs, std::max(nd - digs.dp, 0));
    default: break;
  }
  int exp = digs.dp - 1;
  if (exp < -4 || exp >= 6) {
    return fmt_e(neg, digs, std::max(nd - 1, 0), fmt == 'G' ? 'E' : 'e');
  }
  return fmt_f(neg, digs, std::max(nd - digs.dp, 0));
}

}  // namespace arcane::stdlib::gofmt
