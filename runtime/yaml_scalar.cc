// go-yaml v2's resolve() for untyped targets, rewritten from its documented behaviour:
// a table of exact spellings, then a first-character hint decides whether numeric
// parsing is attempted at all.
#include "runtime/yaml_scalar.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "runtime/go_float.h"

namespace arcane::runtime::yaml_detail {

namespace {

using Type = Scalar::Type;

struct Spelling {
  std::string_view text;
  Type type;
  bool b;
  double f;
};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr Spelling kSpellings[] = {
    {"y", Type::kBool, true, 0},      {"Y", Type::kBool, true, 0},       {"yes", Type::kBool, true, 0},
    {"Yes", Type::kBool, true, 0},    {"YES", Type::kBool, true, 0},     {"on", Type::kBool, true, 0},
    {"On", Type::kBool, true, 0},     {"ON", Type::kBool, true, 0},      {"true", Type::kBool, true, 0},
    {"True", Type::kBool, true, 0},   {"TRUE", Type::kBool, true, 0},    {"n", Type::kBool, false, 0},
    {"N", Type::kBool, false, 0},     {"no", Type::kBool, false, 0},     {"No", Type::kBool, false, 0},
    {"NO", Type::kBool, false, 0},    {"off", Type::kBool, false, 0},    {"Off", Type::kBool, false, 0},
    {"OFF", Type::kBool, false, 0},   {"false", Type::kBool, false, 0},  {"False", Type::kBool, false, 0},
    {"FALSE", Type::kBool, false, 0}, {"~", Type::kNull, false, 0},      {"null", Type::kNull, false, 0},
    {"Null", Type::kNull, false, 0},  {"NULL", Type::kNull, false, 0},   {".nan", Type::kFloat, false, kNaN},
    {".NaN", Type::kFloat, false, kNaN}, {".NAN", Type::kFloat, false, kNaN}, {".inf", Type::kFloat, false, kInf},
    {".Inf", Type::kFloat, false, kInf}, {".INF", Type::kFloat, false, kInf}, {"+.inf", Type::kFloat, false, kInf},
    {"+.Inf", Type::kFloat, false, kInf}, {"+.INF", Type::kFloat, false, kInf}, {"-.inf", Type::kFloat, false, -kInf},
    {"-.Inf", Type::kFloat, false, -kInf}, {"-.INF", Type::kFloat, false, -kInf}, {"<<", Type::kMerge, false, 0},
};

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// strconv.ParseUint(s, 0, 64) without sign: base from the prefix, "0" alone is decimal.
std::optional<uint64_t> parse_uint_base0(std::string_view s) {
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
    s.remove_prefix(base == 8 && p != 'o' ? 1 : 2);
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    int d = digit_value(c);
    if (d >= base) return std::nullopt;
    if (__builtin_mul_overflow(v, static_cast<uint64_t>(base), &v) || __builtin_add_overflow(v, d, &v)) {
      return std::nullopt;
    }
  }
  return v;
}

// strconv.ParseInt(s, 0, 64).
std::optional<int64_t> parse_int_base0(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) neg = s[0] == '-', s.remove_prefix(1);
  std::optional<uint64_t> m = parse_uint_base0(s);
  if (!m) return std::nullopt;
  if (neg) {
    if (*m > static_cast<uint64_t>(INT64_MAX) + 1) return std::nullopt;
    return static_cast<int64_t>(0 - *m);
  }
  if (*m > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return static_cast<int64_t>(*m);
}

// go-yaml's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  } else {
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') ++i, digits();
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// strconv.ParseFloat(s, 64) for the decimal forms above; nullopt on overflow (Go
// reports a range error and go-yaml then keeps the text as a string).
std::optional<double> parse_float(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ptr != s.data() + s.size()) return std::nullopt;
  if (r.ec == std::errc::result_out_of_range) {
    // Underflow rounds to zero in Go; overflow is an error. Tell them apart by the
    // decimal exponent of the leading digit.
    size_t e = s.find_first_of("eE");
    long exp = e == std::string_view::npos ? 0 : std::strtol(std::string(s.substr(e + 1)).c_str(), nullptr, 10);
    exp = std::clamp(exp, -100000L, 100000L);  // strtol saturates; keep the sum below in range
    size_t int_digits = s.substr(0, e).find('.');
    if (int_digits == std::string_view::npos) int_digits = s.substr(0, e).size();
    if (exp + static_cast<long>(int_digits) > 0) return std::nullopt;
    return s[0] == '-' ? -0.0 : 0.0;
  }
  if (r.ec != std::errc()) return std::nullopt;
  return d;
}

Scalar numeric(std::string_view text) {
  std::string plain;
  for (char c : text) {
    if (c != '_') plain += c;
  }
  Scalar s;
  if (auto i = parse_int_base0(plain)) {
    s.type = Type::kInt, s.i = *i;
  } else if (auto u = parse_uint_base0(plain)) {
    s.type = Type::kUint, s.u = *u;
  } else if (auto f = yaml_style_float(plain) ? parse_float(plain) : std::nullopt) {
    s.type = Type::kFloat, s.f = *f;
  } else {
    s.s = std::string(text);
  }
  return s;
}

}  // namespace

Scalar resolve_scalar(std::string_view text, bool plain) {
  Scalar s;
  if (!plain) {
    s.s = std::string(text);
    return s;
  }
  if (text.empty()) {
    s.type = Type::kNull;
    return s;
  }
  for (const Spelling& sp : kSpellings) {
    if (sp.text == text) {
      s.type = sp.type, s.b = sp.b, s.f = sp.f;
      return s;
    }
  }
  char c = text[0];
  if ((c >= '0' && c <= '9') || c == '+' || c == '-') return numeric(text);
  if (c == '.') {
    if (auto f = parse_float(text); f && yaml_style_float(text)) {
      s.type = Type::kFloat, s.f = *f;
      return s;
    }
  }
  s.s = std::string(text);
  return s;
}

std::optional<Value> scalar_value(const Scalar& s) {
  switch (s.type) {
    case Type::kNull: return Value();
    case Type::kBool: return Value::boolean(s.b);
    case Type::kInt: return Value::integer(s.i);
    case Type::kUint: return Value::from_number(Number::from_uint64(s.u));
    case Type::kFloat:
      if (!std::isfinite(s.f)) return std::nullopt;
      return Value::from_number(*Number::from_text(format_go_json_float(s.f)));
    case Type::kString: return Value::from_string(s.s);
    case Type::kMerge: return Value::from_string("<<");
  }
  return std::nullopt;
}

std::optional<std::string> scalar_key(const Scalar& s) {
  switch (s.type) {
    case Type::kString: return s.s;
    case Type::kMerge: return std::string("<<");
    case Type::kBool: return std::string(s.b ? "true" : "false");
    case Type::kInt: return std::to_string(s.i);
    case Type::kFloat: {
      std::string text = format_go_g(s.f, 32);  // beyond float32 range this is "+Inf"
      if (text == "NaN") return std::string(".nan");
      if (text == "+Inf" || text == "-Inf") return std::string(text[0] == '+' ? ".inf" : "-.inf");
      return text;
    }
    case Type::kNull:
    case Type::kUint: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace arcane::runtime::yaml_detail
