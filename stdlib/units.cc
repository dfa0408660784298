// units.parse and units.parse_bytes (topdown/parse_units.go, parse_bytes.go): an amount
// with an optional SI or binary unit suffix. The amount is split off the way OPA splits
// it (digits, '.', signs and a decimal exponent of at most six digits), then
//   - units.parse computes exactly, as Go's big.Rat: the milli factor is the float64
//     0.001 (not 1/1000), and a non-integer result is printed with ten decimals, rounded
//     half away from zero ("500m" is 0.5000000000);
//   - units.parse_bytes multiplies as Go's 64-bit big.Float and truncates to an integer.
// Quotes are dropped first; parse_bytes ignores case, parse only after the first letter
// (so "m" is milli and "M" mega). Errors keep OPA's wording, name prefixed twice as OPA
// reports them.
#include <gmp.h>

#include "runtime/big_float.h"
#include "stdlib/big_int.h"
#include "stdlib/families_strings.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr size_t kMaxExponentDigits = 6;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

struct Split {
  std::string_view num, unit;
  bool exponent_too_large = false;
};

// extractNumAndUnit.
Split split_amount(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool numeric = is_digit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    if (!numeric) return i == 0 ? Split{{}, s} : Split{s.substr(0, i), s.substr(i)};
    if (c != 'e' && c != 'E') continue;
    if (i + 1 == s.size() || (!is_digit(s[i + 1]) && s[i + 1] != '+' && s[i + 1] != '-')) {
      return i == 0 ? Split{{}, s} : Split{s.substr(0, i), s.substr(i)};
    }
    if (s[i + 1] == '+' || s[i + 1] == '-') ++i;
    size_t end = i + 1;
    while (end < s.size() && is_digit(s[end])) ++end;
    if (end - (i + 1) > kMaxExponentDigits) return Split{{}, {}, true};
  }
  return Split{s, {}};
}

// A decimal literal as Go's big.Rat and big.Float read it: [+-] digits [. digits]
// [eE [+-] digits], at least one mantissa digit.
struct Decimal {
  bool neg = false;
  std::string int_digits, frac_digits;
  int64_t exp = 0;
};

std::optional<Decimal> parse_decimal(std::string_view s) {
  Decimal d;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) d.neg = s[i++] == '-';
  while (i < s.size() && is_digit(s[i])) d.int_digits += s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) d.frac_digits += s[i++];
  }
  if (d.int_digits.empty() && d.frac_digits.empty()) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg_exp = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg_exp = s[i++] == '-';
    if (i == s.size()) return std::nullopt;
    while (i < s.size() && is_digit(s[i])) {
      if (d.exp < 100'000'000) d.exp = d.exp * 10 + (s[i] - '0');
      ++i;
    }
    if (neg_exp) d.exp = -d.exp;
  }
  if (i != s.size()) return std::nullopt;
  return d;
}

BuiltinError units_error(std::string_view name, std::string_view message) {
  return builtin_error(name, std::string(name) + ": " + std::string(message));
}

std::string without_quotes(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '"') out += c;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// units.parse's factor; false for an unknown unit.
bool si_factor(std::string_view unit, mpq_t out) {
  static constexpr struct {
    std::string_view a, b;
    unsigned shift;   // binary: 2^shift
    unsigned power;   // decimal: 10^power
  } kUnits[] = {
      {"", "", 0, 0},      {"k", "K", 0, 3},    {"ki", "Ki", 10, 0}, {"M", "M", 0, 6},    {"mi", "Mi", 20, 0},
      {"g", "G", 0, 9},    {"gi", "Gi", 30, 0}, {"t", "T", 0, 12},   {"ti", "Ti", 40, 0}, {"p", "P", 0, 15},
      {"pi", "Pi", 50, 0}, {"e", "E", 0, 18},   {"ei", "Ei", 60, 0},
  };
  if (unit == "m") {
    mpq_set_d(out, 0.001);
    return true;
  }
  for (const auto& u : kUnits) {
    if (unit != u.a && unit != u.b) continue;
    mpz_t f;
    mpz_init(f);
    if (u.shift > 0) {
      mpz_setbit(f, u.shift);
    } else {
      mpz_ui_pow_ui(f, 10, u.power);
    }
    mpq_set_z(out, f);
    mpz_clear(f);
    return true;
  }
  return false;
}

// big.Rat's FloatString(10).
std::string float_string(const mpq_t q) {
  constexpr int kPrec = 10;
  mpz_t quo, rem, p, half;
  mpz_inits(quo, rem, p, half, nullptr);
  mpz_tdiv_qr(quo, rem, mpq_numref(q), mpq_denref(q));
  mpz_abs(quo, quo);
  mpz_abs(rem, rem);
  mpz_ui_pow_ui(p, 10, kPrec);
  mpz_mul(rem, rem, p);
  mpz_tdiv_qr(rem, half, rem, mpq_denref(q));
  mpz_mul_2exp(half, half, 1);
  if (mpz_cmp(mpq_denref(q), half) <= 0) {
    mpz_add_ui(rem, rem, 1);
    if (mpz_cmp(rem, p) >= 0) {
      mpz_add_ui(quo, quo, 1);
      mpz_sub(rem, rem, p);
    }
  }
  std::string out = mpq_sgn(q) < 0 ? "-" : "";
  BigInt tmp;
  mpz_set(tmp.v, quo);
  out += tmp.text();
  mpz_set(tmp.v, rem);
  std::string frac = tmp.text();
  out += '.';
  out.append(kPrec - frac.size(), '0');
  out += frac;
  mpz_clears(quo, rem, p, half, nullptr);
  return out;
}

BuiltinResult rational_result(std::string_view name, const Decimal& d, const mpq_t factor) {
  if (d.exp > static_cast<int64_t>(runtime::Number::kMaxDigits) ||
      d.exp < -static_cast<int64_t>(runtime::Number::kMaxDigits)) {
    return number_result(name, std::nullopt);
  }
  mpq_t q;
  mpq_init(q);
  mpz_t m, p;
  mpz_inits(m, p, nullptr);
  std::string digits = d.int_digits + d.frac_digits;
  mpz_set_str(m, digits.c_str(), 10);
  if (d.neg) mpz_neg(m, m);
  int64_t exp = d.exp - static_cast<int64_t>(d.frac_digits.size());
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(exp < 0 ? -exp : exp));
  if (exp >= 0) {
    mpz_mul(m, m, p);
    mpq_set_z(q, m);
  } else {
    mpq_set_num(q, m);
    mpq_set_den(q, p);
    mpq_canonicalize(q);
  }
  mpq_mul(q, q, factor);
  std::optional<runtime::Number> n;
  if (mpz_cmp_ui(mpq_denref(q), 1) == 0) {
    BigInt i;
    mpz_set(i.v, mpq_numref(q));
    n = integer_number(i);
  } else if (mpz_sizeinbase(mpq_numref(q), 10) < runtime::Number::kMaxDigits) {
    n = runtime::Number::from_text(float_string(q));
  }
  mpz_clears(m, p, nullptr);
  mpq_clear(q);
  return number_result(name, std::move(n));
}

// The decimal as JSON number text, for BigFloat (Go's SetString reads the same digits).
std::string json_text(const Decimal& d) {
  std::string out = d.neg ? "-" : "";
  size_t first = d.int_digits.find_first_not_of('0');
  out += first == std::string::npos ? "0" : d.int_digits.substr(first);
  if (!d.frac_digits.empty()) out += "." + d.frac_digits;
  if (d.exp != 0) out += "e" + std::to_string(d.exp);
  return out;
}

uint64_t bytes_factor(std::string_view unit, bool& known) {
  static constexpr struct {
    std::string_view a, b;
    uint64_t factor;
  } kUnits[] = {
      {"", "", 1},
      {"kb", "k", 1000ULL},
      {"kib", "ki", 1ULL << 10},
      {"mb", "m", 1000ULL * 1000},
      {"mib", "mi", 1ULL << 20},
      {"gb", "g", 1000ULL * 1000 * 1000},
      {"gib", "gi", 1ULL << 30},
      {"tb", "t", 1000ULL * 1000 * 1000 * 1000},
      {"tib", "ti", 1ULL << 40},
      {"pb", "p", 1000ULL * 1000 * 1000 * 1000 * 1000},
      {"pib", "pi", 1ULL << 50},
      {"eb", "e", 1000ULL * 1000 * 1000 * 1000 * 1000 * 1000},
      {"eib", "ei", 1ULL << 60},
  };
  for (const auto& u : kUnits) {
    if (unit == u.a || unit == u.b) {
      known = true;
      return u.factor;
    }
  }
  known = false;
  return 0;
}

}  // namespace

BuiltinResult units_parse(BuiltinContext&, Args args) {
  constexpr std::string_view name = "units.parse";
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  std::string s = without_quotes(args[0].string_view());
  if (s.find(' ') != std::string::npos) return units_error(name, "spaces not allowed in resource strings");
  Split split = split_amount(s);
  if (split.exponent_too_large) return units_error(name, "exponent too large");
  if (split.num.empty()) return units_error(name, "no amount provided");
  std::string unit(split.unit);
  if (unit.size() > 1) unit = unit.substr(0, 1) + ascii_lower(unit.substr(1));
  mpq_t factor;
  mpq_init(factor);
  if (!si_factor(unit, factor)) {
    mpq_clear(factor);
    return units_error(name, "unit " + unit + " not recognized");
  }
  std::optional<Decimal> d = parse_decimal(split.num);
  BuiltinResult r = d ? rational_result(name, *d, factor) : units_error(name, "could not parse amount to a number");
  mpq_clear(factor);
  return r;
}

BuiltinResult units_parse_bytes(BuiltinContext&, Args args) {
  constexpr std::string_view name = "units.parse_bytes";
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  std::string s = without_quotes(ascii_lower(args[0].string_view()));
  if (s.find(' ') != std::string::npos) return units_error(name, "spaces not allowed in resource strings");
  Split split = split_amount(s);
  if (split.exponent_too_large) return units_error(name, "exponent too large");
  if (split.num.empty()) return units_error(name, "no byte amount provided");
  bool known = false;
  uint64_t factor = bytes_factor(split.unit, known);
  if (!known) return units_error(name, "byte unit " + std::string(split.unit) + " not recognized");
  std::optional<Decimal> d = parse_decimal(split.num);
  if (!d) return units_error(name, "could not parse byte amount to a number");
  std::optional<runtime::Number> n = runtime::Number::from_text(json_text(*d));
  std::optional<runtime::BigFloat> amount = n ? runtime::BigFloat::from_number(*n) : std::nullopt;
  if (!amount) return number_result(name, std::nullopt);
  // Go's SetUint64: precision 64, exact for every factor here.
  runtime::BigFloat m = runtime::BigFloat::from_parts(static_cast<int64_t>(factor), 0, 64);
  runtime::BigFloat total = runtime::BigFloat::mul(*amount, m).truncated();
  std::optional<runtime::Number> t = total.to_number();
  BigInt i;
  if (!t || !integer_value(*t, i)) return number_result(name, std::nullopt);
  return number_result(name, integer_number(i));
}

}  // namespace arcane::stdlib::impl
