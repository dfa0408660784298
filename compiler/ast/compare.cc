// OPA's term order (see compare.h).
#include "compiler/ast/compare.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "compiler/ast/ast_string.h"

namespace arcane::compiler::ast {

namespace {

// A decimal literal as sign, significant digits and the exponent of the first digit:
// value = sign * 0.d1d2d3... * 10^exp.
struct Decimal {
  bool negative = false;
  std::string digits;  // no leading or trailing zeros; empty means zero
  long exp = 0;
};

Decimal parse_decimal(std::string_view s) {
  Decimal d;
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.negative = s[i++] == '-';
  long point = -1;
  long count = 0;
  for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
    if (s[i] == '.') {
      point = count;
      continue;
    }
    d.digits += s[i];
    ++count;
  }
  if (point < 0) point = count;
  long exp = 0;
  if (i < s.size()) exp = std::strtol(std::string(s.substr(i + 1)).c_str(), nullptr, 10);
  size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) return Decimal{};  // zero (sign dropped)
  d.digits.erase(0, lead);
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
  d.exp = point - static_cast<long>(lead) + exp;
  return d;
}

int compare_magnitude(const Decimal& a, const Decimal& b) {
  if (a.digits.empty() || b.digits.empty()) return a.digits.empty() ? (b.digits.empty() ? 0 : -1) : 1;
  if (a.exp != b.exp) return a.exp < b.exp ? -1 : 1;
  int c = a.digits.compare(b.digits);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// Indexed by the alternatives of ast::Value, in their order.
static_assert(std::variant_size_v<Value> == 14);

int sort_order(const Value& v) {
  switch (v.index()) {
    case 9: return 9;    // array comprehension
    case 10: return 11;  // set comprehension sorts after object comprehension in OPA
    case 11: return 10;
    default: return static_cast<int>(v.index());
  }
}

int compare_slices(const std::vector<Term>& a, const std::vector<Term>& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = compare(a[i], b[i])) return c;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

std::vector<const Term*> sorted(const std::vector<Term>& items) {
  std::vector<const Term*> out;
  for (const auto& t : items) out.push_back(&t);
  std::sort(out.begin(), out.end(), [](const Term* x, const Term* y) { return compare(*x, *y) < 0; });
  return out;
}

int compare_sets(const Set& a, const Set& b) {
  auto x = sorted(a.items);
  auto y = sorted(b.items);
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = compare(*x[i], *y[i])) return c;
  }
  return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

int compare_objects(const Object& a, const Object& b) {
  auto order = [](const Object& o) {
    std::vector<const ObjectItem*> out;
    for (const auto& it : o.items) out.push_back(&it);
    std::sort(out.begin(), out.end(), [](const ObjectItem* x, const ObjectItem* y) { return compare(x->key, y->key) < 0; });
    return out;
  };
  auto x = order(a);
  auto y = order(b);
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = compare(x[i]->key, y[i]->key)) return c;
    if (int c = compare(x[i]->value, y[i]->value)) return c;
  }
  return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

int compare_text(const std::string& a, const std::string& b) {
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

int compare_numbers(std::string_view a, std::string_view b) {
  Decimal x = parse_decimal(a);
  Decimal y = parse_decimal(b);
  bool xneg = x.negative && !x.digits.empty();
  bool yneg = y.negative && !y.digits.empty();
  if (xneg != yneg) return xneg ? -1 : 1;
  int m = compare_magnitude(x, y);
  return xneg ? -m : m;
}

int compare(const Term& a, const Term& b) {
  int oa = sort_order(a.value);
  int ob = sort_order(b.value);
  if (oa != ob) return oa < ob ? -1 : 1;
  switch (a.value.index()) {
    case 0: return 0;
    case 1: return static_cast<int>(std::get<Boolean>(a.value).value) - static_cast<int>(std::get<Boolean>(b.value).value);
    case 2: return compare_numbers(std::get<Number>(a.value).text, std::get<Number>(b.value).text);
    case 3: return compare_text(std::get<String>(a.value).value, std::get<String>(b.value).value);
    case 4: return compare_text(std::get<Var>(a.value).name, std::get<Var>(b.value).name);
    case 5: return compare_slices(std::get<Ref>(a.value).parts, std::get<Ref>(b.value).parts);
    case 6: return compare_slices(std::get<Array>(a.value).items, std::get<Array>(b.value).items);
    case 7: return compare_objects(std::get<Object>(a.value), std::get<Object>(b.value));
    case 8: return compare_sets(std::get<Set>(a.value), std::get<Set>(b.value));
    case 12: return compare_slices(std::get<Call>(a.value).terms, std::get<Call>(b.value).terms);
    default: return compare_text(to_string(a), to_string(b));  // comprehensions, templates
  }
}

}  // namespace arcane::compiler::ast
