// Rego numbers: exact, as OPA keeps them.
//
// OPA stores a number as its JSON text and compares numerically with arbitrary precision,
// so 1, 1.0 and 1.00 are equal, integers never overflow, and a number read from JSON is
// printed back with the same text (`1.50` stays `1.50`). We keep the same semantics with
// a cheaper representation, in three forms:
//   - an inline int64 (almost every number in policies and data);
//   - an inline decimal: an int64 coefficient and a scale of at most 18 fraction digits,
//     which reproduces plain literals like `0.25` or `19.90` exactly, without a heap node;
//   - a shared heap node holding coefficient × 10^exponent (int64 or GMP coefficient)
//     plus, when the literal cannot be rebuilt from that, the literal text (`1e3`, `-0`).
// Heap coefficients are normalized (no trailing zeros, an int64 whenever it fits), so
// each value has exactly one normalized form: equality and hashing follow from it.
//
// Arithmetic is exact for + - × and integer remainder; OPA leaves exact arithmetic for
// Go's big.Float as soon as an operand is not an integer, which big_float.h reproduces.
// Results that would be absurdly large (more than kMaxDigits digits, or an exponent
// beyond kMaxExponent) are refused with std::nullopt so a policy cannot exhaust memory
// with repeated squaring.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arcane::runtime {

namespace detail {
struct HeapNode;
struct NumberNode;
struct NumberAccess;
}  // namespace detail

class Value;

class Number {
 public:
  static constexpr int64_t kMaxExponent = 1'000'000'000;
  static constexpr size_t kMaxDigits = 1'000'000;

  Number() noexcept = default;  // 0
  Number(const Number& other) noexcept;
  Number(Number&& other) noexcept;
  Number& operator=(const Number& other) noexcept;
  Number& operator=(Number&& other) noexcept;
  ~Number();

  static Number from_int64(int64_t v) noexcept;
  static Number from_uint64(uint64_t v);
  // Accepts exactly JSON's number grammar; keeps the literal for printing. nullopt on a
  // syntax error, an exponent beyond kMaxExponent, or more than kMaxDigits digits.
  static std::optional<Number> from_text(std::string_view text);

  // Numeric order: -1, 0 or 1. Exact for every pair of numbers.
  int compare(const Number& other) const;
  friend bool operator==(const Number& a, const Number& b) { return a.compare(b) == 0; }
  friend std::strong_ordering operator<=>(const Number& a, const Number& b) { return a.compare(b) <=> 0; }

  bool is_integer() const;
  std::optional<int64_t> to_int64() const;
  double to_double() const;  // nearest double (correctly rounded); +-inf beyond range
  // The literal text if this number was read from text, else the canonical text of the
  // value: integers in full, decimals in plain notation (scientific only for exponents
  // beyond 10,000 places).
  std::string to_string() const;
  void append_to(std::string& out) const;
  uint64_t hash() const;  // equal numbers hash equal, whatever their text
  bool is_small_int() const { return form_ == Form::kInt; }
  int sign() const;

  // Exact arithmetic; nullopt only when a limit above is exceeded.
  friend std::optional<Number> add(const Number& a, const Number& b);
  friend std::optional<Number> subtract(const Number& a, const Number& b);
  friend std::optional<Number> multiply(const Number& a, const Number& b);
  // The truncated remainder of two integers (its sign is a's, as Go's big.Int.Rem).
  // nullopt if either is not an integer or b is zero. Exact however large the
  // exponents: 1e900000000 % 7 never materializes 1e900000000.
  friend std::optional<Number> remainder(const Number& a, const Number& b);

 private:
  friend class Value;
  friend struct detail::NumberAccess;
  enum class Form : uint8_t { kInt, kDecimal, kHeap };

  Form form_ = Form::kInt;
  uint8_t scale_ = 0;  // kDecimal: digits after the point
  union {
    int64_t i_ = 0;                   // kInt: the value; kDecimal: the coefficient
    const detail::NumberNode* node_;  // kHeap: owned reference
  };
};

}  // namespace arcane::runtime
