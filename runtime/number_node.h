// Internals of Number shared by number.cc (parsing, printing, hashing, comparison) and
// number_arith.cc: the heap node, a uniform "coefficient × 10^exponent" view of every
// form, and the one function that turns an exact result back into its normalized form.
// GMP appears only here and in those two files.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/heap_node.h"
#include "runtime/number.h"

namespace arcane::runtime::detail {

inline constexpr int64_t kPow10[19] = {
    1,           10,           100,           1000,           10000,           100000,           1000000,
    10000000,    100000000,    1000000000,    10000000000,    100000000000,    1000000000000,    10000000000000,
    100000000000000, 1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000};

// Heap number forms (HeapNode::aux). All are normalized: the coefficient has no
// trailing zeros, and it is an int64 whenever it fits.
enum class NumForm : uint16_t {
  kExactInt,    // an integer that fits int64 (only on the heap to keep literal text)
  kSmallCoef,   // small × 10^exp, not an int64 integer
  kBigCoef,     // big × 10^exp, coefficient beyond int64
};

struct NumberNode : HeapNode {
  int64_t small = 0;
  int64_t exp = 0;
  mpz_t big;  // initialized only for kBigCoef

  NumberNode() : HeapNode(NodeKind::kNumber) {}
  NumForm form() const { return static_cast<NumForm>(aux); }
  std::string_view text() const { return {payload<char>(this, sizeof(NumberNode)), size}; }
};

void destroy_number_node(NumberNode* n);

// An owned mpz_t.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  explicit Mpz(int64_t x) { mpz_init_set_si(v, x); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  ~Mpz() { mpz_clear(v); }
};

// value = coefficient × 10^exp. Not necessarily normalized (inline forms are not).
struct Parts {
  bool big = false;
  int64_t coef = 0;         // when !big
  mpz_srcptr z = nullptr;   // when big; points into a NumberNode
  int64_t exp = 0;
};

struct NumberAccess {
  static Parts parts(const Number& n);
  static Number make_int(int64_t v) { return Number::from_int64(v); }
  // Normalizes coefficient × 10^exp into the canonical form; nullopt beyond the limits.
  static std::optional<Number> make(__int128 coef, int64_t exp);
  static std::optional<Number> make(mpz_t coef, int64_t exp);  // may modify coef
  static Number adopt(const NumberNode* n);
};

// Helpers used by both files.
void set_mpz(mpz_t out, const Parts& p);     // coefficient only
int compare_parts(const Parts& a, const Parts& b);
int sign_of(const Parts& p);

}  // namespace arcane::runtime::detail
