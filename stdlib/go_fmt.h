// Go's fmt.Sprintf and strconv.FormatFloat, for the built-ins whose results are Go's text.
//
// OPA's sprintf hands Rego values to Go's fmt.Sprintf after converting each one to a
// Go value of one of four types (topdown/strings.go): an int for integer literals that
// fit, a *big.Int for larger integers, a float64 for other numbers Go can parse, and a
// string for everything else (strings as they are, other values as their Rego text).
// Policies compare the resulting strings, so this reproduces fmt's doPrintf exactly for
// those four types: flags, widths and precisions (also as `*` arguments), explicit
// argument indexes, every verb each type accepts (big.Int's own Format included), and
// fmt's error texts (%!d(string=x), %!v(MISSING), %!(EXTRA int=1), %!(NOVERB),
// %!(BADWIDTH), %!(BADINDEX)). Floats are formatted as strconv does, shortest digits
// included. strings.render_template's printf uses the same code.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace arcane::stdlib::gofmt {

struct Arg {
  enum class Kind { kInt, kBigInt, kFloat, kString };
  Kind kind = Kind::kString;
  int64_t i = 0;     // kInt
  double f = 0;      // kFloat
  std::string text;  // kBigInt: decimal digits with an optional '-'; kString: the string

  static Arg of_int(int64_t v) { return Arg{Kind::kInt, v, 0, {}}; }
  static Arg of_big(std::string decimal) { return Arg{Kind::kBigInt, 0, 0, std::move(decimal)}; }
  static Arg of_float(double v) { return Arg{Kind::kFloat, 0, v, {}}; }
  static Arg of_string(std::string s) { return Arg{Kind::kString, 0, 0, std::move(s)}; }
};

// fmt.Sprintf(format, args...).
std::string sprintf(std::string_view format, std::span<const Arg> args);
// The same into `out` (cleared first), whose capacity a caller may keep between calls.
void sprintf_to(std::string& out, std::string_view format, std::span<const Arg> args);

// strconv.FormatFloat(v, fmt, prec, 64) for fmt in b e E f g G x X; prec < 0 means the
// shortest digits that read back as v.
std::string format_float(double v, char fmt, int prec);

}  // namespace arcane::stdlib::gofmt
