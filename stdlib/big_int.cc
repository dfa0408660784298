// Exact integers from numbers' text and back.
#include "stdlib/big_int.h"

#include <charconv>
#include <cstdlib>
#include <memory>

namespace arcane::stdlib {

std::string BigInt::text(int base) const {
  std::unique_ptr<char, void (*)(void*)> s(mpz_get_str(nullptr, base, v), std::free);
  return s.get();
}

bool integer_value(const runtime::Number& n, BigInt& out) {
  if (std::optional<int64_t> i = n.is_small_int() ? n.to_int64() : std::nullopt) {
    mpz_set_si(out.v, *i);
    return true;
  }
  if (!n.is_integer()) return false;
  // A number's text is JSON's grammar: -?digits(.digits)?([eE][+-]?digits)?.
  std::string text = n.to_string();
  bool neg = !text.empty() && text[0] == '-';
  std::string digits;
  int64_t exp = 0;
  size_t i = neg ? 1 : 0;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') continue;
    digits += text[i];
  }
  size_t point = text.find('.');
  if (point != std::string::npos) {
    size_t frac_end = text.find_first_of("eE");
    if (frac_end == std::string::npos) frac_end = text.size();
    exp -= static_cast<int64_t>(frac_end - point - 1);
  }
  if (i < text.size()) {
    std::string_view e(text.data() + i + 1, text.size() - i - 1);
    if (!e.empty() && e[0] == '+') e.remove_prefix(1);
    int64_t x = 0;
    std::from_chars(e.data(), e.data() + e.size(), x);
    exp += x;
  }
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    mpz_set_ui(out.v, 0);
    return true;
  }
  while (exp < 0 && digits.size() > first + 1 && digits.back() == '0') {
    digits.pop_back();
    ++exp;
  }
  if (exp < 0) return false;  // is_integer() said otherwise; be safe
  if (static_cast<int64_t>(digits.size() - first) + exp > static_cast<int64_t>(runtime::Number::kMaxDigits)) {
    return false;
  }
  mpz_set_str(out.v, digits.c_str() + first, 10);
  if (exp > 0) {
    BigInt p;
    mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(exp));
    mpz_mul(out.v, out.v, p.v);
  }
  if (neg) mpz_neg(out.v, out.v);
  return true;
}

std::optional<runtime::Number> integer_number(const BigInt& i) {
  if (mpz_fits_slong_p(i.v)) return runtime::Number::from_int64(mpz_get_si(i.v));
  if (mpz_sizeinbase(i.v, 10) > runtime::Number::kMaxDigits) return std::nullopt;
  return runtime::Number::from_text(i.text());
}

}  // namespace arcane::stdlib
