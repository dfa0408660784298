// Exact integers for the built-ins that compute on Go's big.Int (bits.*, format_int):
// an owned GMP integer, the integer value of a number, and the number of an integer.
#pragma once

#include <gmp.h>

#include <optional>
#include <string>

#include "runtime/number.h"

namespace arcane::stdlib {

struct BigInt {
  mpz_t v;
  BigInt() { mpz_init(v); }
  BigInt(const BigInt&) = delete;
  BigInt& operator=(const BigInt&) = delete;
  ~BigInt() { mpz_clear(v); }
  std::string text(int base = 10) const;
};

// n's exact value when it is an integer (1.0 and 1e3 count); false otherwise, or when
// the integer would have more than Number::kMaxDigits digits.
bool integer_value(const runtime::Number& n, BigInt& out);

// The integer as a number; nullopt past Number's limits.
std::optional<runtime::Number> integer_number(const BigInt& i);

}  // namespace arcane::stdlib
