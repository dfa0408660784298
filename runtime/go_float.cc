// Go float formatting on top of std::to_chars, which gives the same shortest round-trip
// digits as Go's strconv; only the choice between plain and exponent notation and the
// exponent's spelling differ, and those are settled here.
#include "runtime/go_float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace arcane::runtime {

namespace {

template <typename F>
std::string to_chars_string(F f, std::chars_format fmt) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, f, fmt);
  return std::string(buf, r.ptr);
}

// The decimal exponent of the shortest digits, read back from the scientific form.
int decimal_exponent(const std::string& scientific) {
  size_t e = scientific.find('e');
  return std::atoi(scientific.c_str() + e + 1);
}

template <typename F>
std::string go_g(F f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  std::string sci = to_chars_string(f, std::chars_format::scientific);
  int exp = decimal_exponent(sci);
  if (exp < -4 || exp >= 6) return sci;  // to_chars already writes "e+06" like Go
  return to_chars_string(f, std::chars_format::fixed);
}

}  // namespace

std::string format_go_json_float(double f) {
  double a = std::fabs(f);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    std::string s = to_chars_string(f, std::chars_format::scientific);
    size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
    return s;
  }
  return to_chars_string(f, std::chars_format::fixed);
}

std::string format_go_g(double f, int bits) {
  if (bits == 32) return go_g(static_cast<float>(f));
  return go_g(f);
}

}  // namespace arcane::runtime
