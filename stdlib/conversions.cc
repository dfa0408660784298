// to_number (topdown/conversions.go): null is 0, booleans 1 and 0, numbers stay, and a
// string is a number when Go's strconv.ParseFloat accepts it (signs, leading zeros,
// ".5", "5.", digit-separating underscores and hexadecimal "0x1p-2" included), except
// the infinities and NaN, which are a type error. OPA keeps the string as the number's
// text; we keep its exact decimal value (a hexadecimal literal becomes its float64's
// shortest decimal). ParseFloat's errors are reported in Go's words.
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "stdlib/families_strings.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_digit(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f');
}

// strconv's underscoreOK.
bool underscores_ok(std::string_view s) {
  char saw = '^';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  size_t i = 0;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if (is_digit(s[i], hex)) {
      saw = '0';
    } else if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

// The parts of a literal strconv.ParseFloat accepts; nullopt on a syntax error.
struct Literal {
  bool neg = false, hex = false;
  std::string int_digits, frac_digits;
  int64_t exp = 0;
};

std::optional<Literal> read_float(std::string_view s) {
  Literal lit;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) lit.neg = s[i++] == '-';
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    lit.hex = true;
    i += 2;
  }
  bool underscores = false, sawdot = false, sawdigits = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (sawdot) break;
      sawdot = true;
    } else if (is_digit(c, lit.hex)) {
      sawdigits = true;
      (sawdot ? lit.frac_digits : lit.int_digits) += c;
    } else {
      break;
    }
  }
  if (!sawdigits) return std::nullopt;
  if (i < s.size() && lower(s[i]) == (lit.hex ? 'p' : 'e')) {
    ++i;
    if (i >= s.size()) return std::nullopt;
    int64_t sign = 1;
    if (s[i] == '+' || s[i] == '-') sign = s[i++] == '-' ? -1 : 1;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    int64_t e = 0;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i) {
      if (s[i] == '_') {
        underscores = true;
      } else if (e < 100000) {
        e = e * 10 + (s[i] - '0');
      }
    }
    lit.exp = sign * e;
  } else if (lit.hex) {
    return std::nullopt;
  }
  if (underscores && !underscores_ok(s.substr(0, i))) return std::nullopt;
  if (i != s.size()) return std::nullopt;
  return lit;
}

std::string decimal_text(const Literal& lit) {
  std::string out = lit.neg ? "-" : "";
  size_t first = lit.int_digits.find_first_not_of('0');
  out += first == std::string::npos ? "0" : lit.int_digits.substr(first);
  if (!lit.frac_digits.empty()) out += "." + lit.frac_digits;
  if (lit.exp != 0) out += "e" + std::to_string(lit.exp);
  return out;
}

BuiltinError parse_error(std::string_view s, std::string_view what) {
  std::string message = "strconv.ParseFloat: parsing ";
  append_go_quoted(message, s);
  message += ": ";
  message += what;
  return builtin_error("to_number", message);
}

std::string ascii_lower(std::string_view s) {
  std::string out;
  for (char c : s) out += lower(c);
  return out;
}

}  // namespace

BuiltinResult to_number(BuiltinContext&, Args args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::integer(0);
  if (v.is_boolean()) return Value::integer(v.as_bool() ? 1 : 0);
  if (v.is_number()) return v;
  if (!v.is_string()) return operand_type_error("to_number", 1, v, {"null", "boolean", "number", "string"});
  std::string_view s = v.string_view();
  if (std::optional<runtime::Number> n = runtime::Number::from_text(s); n && n->is_small_int()) return Value::from_number(*n);
  std::string_view unsigned_part = s.substr(std::min(s.find_first_not_of("+-"), s.size()));
  std::string special = ascii_lower(unsigned_part);
  if (special == "inf" || special == "infinity" || special == "nan") {
    return operand_type_error("to_number", 1, v, {"valid number string"});
  }
  std::optional<Literal> lit = read_float(s);
  if (!lit) return parse_error(s, "invalid syntax");
  std::string clean;
  for (char c : s) {
    if (c != '_') clean += c;
  }
  double f = std::strtod(clean.c_str(), nullptr);
  if (std::isinf(f)) return parse_error(s, "value out of range");
  if (lit->hex) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, f);
    return number_result("to_number", runtime::Number::from_text(std::string_view(buf, res.ptr - buf)));
  }
  return number_result("to_number", runtime::Number::from_text(decimal_text(*lit)));
}

}  // namespace arcane::stdlib::impl
