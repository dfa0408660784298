// Number: forms, parsing JSON literals, normalization, comparison, printing and hashing.
// Arithmetic lives in number_arith.cc; both meet in number_node.h.
#include <charconv>
#include <cmath>
#include <new>

#include "runtime/hash.h"
#include "runtime/number_node.h"

namespace arcane::runtime {

using detail::HeapNode;
using detail::kPow10;
using detail::Mpz;
using detail::NumberAccess;
using detail::NumberNode;
using detail::NumForm;
using detail::Parts;

namespace {

// Beyond this many places, canonical text switches to an exponent so that printing a
// tiny or huge computed number stays small.
constexpr int64_t kPlainPlaces = 10000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

uint64_t hash_int(int64_t v) { return hash_mix(static_cast<uint64_t>(v) ^ kSeedNumber); }
uint64_t hash_small(int64_t coef, int64_t exp) {
  return hash_mix(hash_combine(static_cast<uint64_t>(coef) ^ kSeedNumber, static_cast<uint64_t>(exp)));
}

// JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
struct Literal {
  bool neg = false;
  std::string_view int_digits, frac_digits;
  bool has_exp = false;
  int64_t exp = 0;  // saturates just above kMaxExponent
};

size_t scan_digits(std::string_view t, size_t i) {
  while (i < t.size() && is_digit(t[i])) ++i;
  return i;
}

std::optional<Literal> scan_literal(std::string_view t) {
  Literal lit;
  size_t i = 0;
  if (i < t.size() && t[i] == '-') lit.neg = true, ++i;
  if (i >= t.size() || !is_digit(t[i])) return std::nullopt;
  size_t end = t[i] == '0' ? i + 1 : scan_digits(t, i);
  lit.int_digits = t.substr(i, end - i);
  i = end;
  if (i < t.size() && t[i] == '.') {
    end = scan_digits(t, i + 1);
    if (end == i + 1) return std::nullopt;
    lit.frac_digits = t.substr(i + 1, end - i - 1);
    i = end;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
    end = scan_digits(t, i);
    if (end == i) return std::nullopt;
    int64_t e = 0;
    for (; i < end; ++i) {
      if (e <= Number::kMaxExponent * 10) e = e * 10 + (t[i] - '0');
    }
    lit.has_exp = true;
    lit.exp = neg ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  return lit;
}

int64_t parse_small(std::string_view digits) {  // at most 18 digits
  int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The normalized form of an exact value, before it becomes a Number.
struct Canon {
  NumForm form = NumForm::kExactInt;
  int64_t small = 0;
  int64_t exp = 0;
  Mpz big;
};

bool exact_int(int64_t coef, int64_t exp, int64_t* out) {
  if (exp < 0 || exp > 18) return false;
  return !__builtin_mul_overflow(coef, kPow10[exp], out);
}

void classify_small(Canon& c) {
  int64_t v;
  if (exact_int(c.small, c.exp, &v)) {
    c.form = NumForm::kExactInt;
    c.small = v;
    c.exp = 0;
  } else {
    c.form = NumForm::kSmallCoef;
  }
}

bool canon_from_mpz(mpz_t coef, int64_t exp, Canon& c) {
  if (mpz_sgn(coef) == 0) {
    c.form = NumForm::kExactInt;
    c.small = 0;
    c.exp = 0;
    return true;
  }
  if (mpz_divisible_ui_p(coef, 10)) {
    Mpz ten(10);
    exp += static_cast<int64_t>(mpz_remove(coef, coef, ten.v));
  }
  if (exp > Number::kMaxExponent || exp < -Number::kMaxExponent) return false;
  c.exp = exp;
  if (mpz_fits_slong_p(coef)) {
    c.small = mpz_get_si(coef);
    classify_small(c);
    return true;
  }
  if (mpz_sizeinbase(coef, 10) > Number::kMaxDigits) return false;
  c.form = NumForm::kBigCoef;
  mpz_swap(c.big.v, coef);
  return true;
}

void set_mpz_i128(mpz_t out, __int128 v) {
  bool neg = v < 0;
  unsigned __int128 m = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  mpz_set_ui(out, static_cast<unsigned long>(m >> 64));
  mpz_mul_2exp(out, out, 64);
  mpz_add_ui(out, out, static_cast<unsigned long>(m & ~0UL));
  if (neg) mpz_neg(out, out);
}

bool canon_from_i128(__int128 coef, int64_t exp, Canon& c) {
  if (coef == 0) return canon_from_mpz(c.big.v, 0, c);  // c.big is 0
  while (coef % 10 == 0) coef /= 10, ++exp;
  if (exp > Number::kMaxExponent || exp < -Number::kMaxExponent) return false;
  if (coef >= INT64_MIN && coef <= INT64_MAX) {
    c.small = static_cast<int64_t>(coef);
    c.exp = exp;
    classify_small(c);
    return true;
  }
  c.form = NumForm::kBigCoef;
  c.exp = exp;
  set_mpz_i128(c.big.v, coef);
  return true;
}

const NumberNode* new_node(Canon& c, std::string_view text) {
  void* mem = ::operator new(sizeof(NumberNode) + text.size());
  auto* n = new (mem) NumberNode();
  n->aux = static_cast<uint16_t>(c.form);
  n->small = c.small;
  n->exp = c.exp;
  if (c.form == NumForm::kBigCoef) {
    mpz_init(n->big);
    mpz_swap(n->big, c.big.v);
  }
  n->size = static_cast<uint32_t>(text.size());
  if (!text.empty()) std::memcpy(detail::payload<char>(n, sizeof(NumberNode)), text.data(), text.size());
  return n;
}

void append_digits(std::string& out, uint64_t m) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, m);
  out.append(buf, r.ptr);
}

uint64_t magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// sign, digits of |coefficient|, exponent -> canonical text.
void append_canonical(std::string& out, bool neg, std::string_view digits, int64_t exp) {
  if (neg) out += '-';
  if (exp >= 0) {
    out += digits;
    if (exp > kPlainPlaces) {
      out += "e+" + std::to_string(exp);
    } else if (digits != "0") {
      out.append(static_cast<size_t>(exp), '0');
    }
    return;
  }
  uint64_t places = static_cast<uint64_t>(-exp);
  if (places > kPlainPlaces) {
    out += digits;
    out += "e-" + std::to_string(places);
  } else if (digits.size() > places) {
    out += digits.substr(0, digits.size() - places);
    out += '.';
    out += digits.substr(digits.size() - places);
  } else {
    out += "0.";
    out.append(places - digits.size(), '0');
    out += digits;
  }
}

void append_small(std::string& out, int64_t coef, int64_t exp) {
  std::string digits;
  append_digits(digits, magnitude(coef));
  append_canonical(out, coef < 0, digits, exp);
}

}  // namespace

namespace detail {

Number NumberAccess::adopt(const NumberNode* n) {
  Number out;
  if (n == nullptr) return out;
  out.form_ = Number::Form::kHeap;
  out.node_ = n;
  return out;
}

Parts NumberAccess::parts(const Number& n) {
  Parts p;
  switch (n.form_) {
    case Number::Form::kInt: p.coef = n.i_; break;
    case Number::Form::kDecimal: p.coef = n.i_, p.exp = -static_cast<int64_t>(n.scale_); break;
    case Number::Form::kHeap:
      p.exp = n.node_->exp;
      if (n.node_->form() == NumForm::kBigCoef) {
        p.big = true;
        p.z = n.node_->big;
      } else {
        p.coef = n.node_->small;
      }
      break;
  }
  return p;
}

std::optional<Number> NumberAccess::make(__int128 coef, int64_t exp) {
  Canon c;
  if (!canon_from_i128(coef, exp, c)) return std::nullopt;
  if (c.form == NumForm::kSmallCoef && c.exp < 0 && c.exp >= -18) {
    Number n;
    n.form_ = Number::Form::kDecimal;
    n.scale_ = static_cast<uint8_t>(-c.exp);
    n.i_ = c.small;
    return n;
  }
  if (c.form == NumForm::kExactInt) return Number::from_int64(c.small);
  return adopt(new_node(c, {}));
}

std::optional<Number> NumberAccess::make(mpz_t coef, int64_t exp) {
  Canon c;
  if (!canon_from_mpz(coef, exp, c)) return std::nullopt;
  if (c.form == NumForm::kBigCoef) return adopt(new_node(c, {}));
  return make(static_cast<__int128>(c.small), c.exp);
}

void destroy_number_node(NumberNode* n) {
  if (n->form() == NumForm::kBigCoef) mpz_clear(n->big);
  n->~NumberNode();
  ::operator delete(n);
}

void set_mpz(mpz_t out, const Parts& p) {
  if (p.big) {
    mpz_set(out, p.z);
  } else {
    mpz_set_si(out, p.coef);
  }
}

int sign_of(const Parts& p) {
  if (p.big) return mpz_sgn(p.z);
  return (p.coef > 0) - (p.coef < 0);
}

}  // namespace detail

// --- lifetime ---------------------------------------------------------------------

Number::Number(const Number& o) noexcept : form_(o.form_), scale_(o.scale_), i_(o.i_) {
  if (form_ == Form::kHeap) detail::retain(node_);
}

Number::Number(Number&& o) noexcept : form_(o.form_), scale_(o.scale_), i_(o.i_) {
  o.form_ = Form::kInt;
  o.i_ = 0;
}

Number& Number::operator=(const Number& o) noexcept {
  Number copy(o);
  *this = std::move(copy);
  return *this;
}

Number& Number::operator=(Number&& o) noexcept {
  if (this != &o) {
    if (form_ == Form::kHeap) detail::release(node_);
    form_ = o.form_;
    scale_ = o.scale_;
    i_ = o.i_;
    o.form_ = Form::kInt;
    o.i_ = 0;
  }
  return *this;
}

Number::~Number() {
  if (form_ == Form::kHeap) detail::release(node_);
}

// --- construction -------------------------------------------------------------------

Number Number::from_int64(int64_t v) noexcept {
  Number n;
  n.i_ = v;
  return n;
}

Number Number::from_uint64(uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return from_int64(static_cast<int64_t>(v));
  return *NumberAccess::make(static_cast<__int128>(v), 0);
}

std::optional<Number> Number::from_text(std::string_view text) {
  std::optional<Literal> lit = scan_literal(text);
  if (!lit) return std::nullopt;
  size_t ndigits = lit->int_digits.size() + lit->frac_digits.size();
  if (ndigits > kMaxDigits) return std::nullopt;
  bool plain_int = !lit->has_exp && lit->frac_digits.empty();
  if (ndigits <= 18 && !lit->has_exp) {
    int64_t coef = parse_small(lit->int_digits) * kPow10[lit->frac_digits.size()] + parse_small(lit->frac_digits);
    if (!(lit->neg && coef == 0)) {  // "-0" keeps its text on the heap
      if (lit->neg) coef = -coef;
      if (plain_int) return from_int64(coef);
      Number n;
      n.form_ = Form::kDecimal;
      n.scale_ = static_cast<uint8_t>(lit->frac_digits.size());
      n.i_ = coef;
      return n;
    }
  }
  Mpz coef;
  std::string digits;
  digits.reserve(ndigits + 1);
  if (lit->neg) digits += '-';
  digits += lit->int_digits;
  digits += lit->frac_digits;
  mpz_set_str(coef.v, digits.c_str(), 10);
  int64_t exp = lit->exp - static_cast<int64_t>(lit->frac_digits.size());
  Canon c;
  if (!canon_from_mpz(coef.v, exp, c)) return std::nullopt;
  // A plain integer literal prints the same canonically; anything else keeps its text.
  bool keep_text = !plain_int || (lit->neg && c.small == 0 && c.form == NumForm::kExactInt);
  if (!keep_text) {
    if (c.form == NumForm::kExactInt) return from_int64(c.small);
    return NumberAccess::adopt(new_node(c, {}));
  }
  return NumberAccess::adopt(new_node(c, text));
}

// --- queries ------------------------------------------------------------------------

int Number::sign() const { return detail::sign_of(NumberAccess::parts(*this)); }

int Number::compare(const Number& o) const {
  if (form_ == Form::kInt && o.form_ == Form::kInt) return (i_ > o.i_) - (i_ < o.i_);
  return detail::compare_parts(NumberAccess::parts(*this), NumberAccess::parts(o));
}

bool Number::is_integer() const {
  switch (form_) {
    case Form::kInt: return true;
    case Form::kDecimal: return i_ % kPow10[scale_] == 0;
    case Form::kHeap: return node_->form() == NumForm::kExactInt || node_->exp >= 0;
  }
  return false;
}

std::optional<int64_t> Number::to_int64() const {
  switch (form_) {
    case Form::kInt: return i_;
    case Form::kDecimal:
      if (i_ % kPow10[scale_] == 0) return i_ / kPow10[scale_];
      return std::nullopt;
    case Form::kHeap:
      if (node_->form() == NumForm::kExactInt) return node_->small;
      return std::nullopt;
  }
  return std::nullopt;
}

double Number::to_double() const {
  if (form_ == Form::kInt) return static_cast<double>(i_);
  std::string text = to_string();
  double d = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), d);
  if (r.ec == std::errc::result_out_of_range) {
    // from_chars leaves d alone: decide between overflow and underflow by magnitude.
    Parts p = NumberAccess::parts(*this);
    bool huge = p.exp > 0;
    d = huge ? HUGE_VAL : 0.0;
    if (sign() < 0) d = -d;
  }
  return d;
}

void Number::append_to(std::string& out) const {
  switch (form_) {
    case Form::kInt:
      if (i_ < 0) out += '-';
      append_digits(out, magnitude(i_));
      return;
    case Form::kDecimal: append_small(out, i_, -static_cast<int64_t>(scale_)); return;
    case Form::kHeap: break;
  }
  if (node_->size > 0) {
    out += node_->text();
  } else if (node_->form() == NumForm::kBigCoef) {
    std::string digits(mpz_sizeinbase(node_->big, 10) + 2, '\0');
    mpz_get_str(digits.data(), 10, node_->big);
    digits.resize(std::strlen(digits.c_str()));
    bool neg = digits[0] == '-';
    append_canonical(out, neg, std::string_view(digits).substr(neg ? 1 : 0), node_->exp);
  } else {
    append_small(out, node_->small, node_->exp);
  }
}

std::string Number::to_string() const {
  std::string out;
  append_to(out);
  return out;
}

uint64_t Number::hash() const {
  switch (form_) {
    case Form::kInt: return hash_int(i_);
    case Form::kDecimal: {
      int64_t c = i_;
      int64_t s = scale_;
      while (s > 0 && c % 10 == 0) c /= 10, --s;
      return s == 0 ? hash_int(c) : hash_small(c, -s);
    }
    case Form::kHeap: break;
  }
  switch (node_->form()) {
    case NumForm::kExactInt: return hash_int(node_->small);
    case NumForm::kSmallCoef: return hash_small(node_->small, node_->exp);
    case NumForm::kBigCoef: break;
  }
  uint64_t h = node_->hash.load(std::memory_order_relaxed);
  if (h != 0) return h;
  const mp_limb_t* limbs = mpz_limbs_read(node_->big);
  size_t n = mpz_size(node_->big);
  h = hash_bytes(limbs, n * sizeof(mp_limb_t), kSeedNumber ^ static_cast<uint64_t>(mpz_sgn(node_->big)));
  h = detail::cacheable(hash_mix(hash_combine(h, static_cast<uint64_t>(node_->exp))));
  node_->hash.store(h, std::memory_order_relaxed);
  return h;
}

}  // namespace arcane::runtime
