// sprintf(format, values): Go's fmt.Sprintf over the values as OPA converts them
// (topdown/strings.go builtinSprintf). A number becomes an int when its text is an
// int64 literal, a *big.Int when its text is a longer integer literal, a float64 when
// Go's ParseFloat reads it (1.0 and 1e3 are floats, not ints), and otherwise its text
// as a string (2e308, out of float range); a string stays a string; every other value
// is passed as its Rego text, so %s of true is "true" and %d of true is
// %!d(string=true).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "stdlib/families_strings.h"
#include "stdlib/go_fmt.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

bool is_integer_literal(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

gofmt::Arg number_arg(const runtime::Number& n) {
  if (std::optional<int64_t> i = literal_int(n)) return gofmt::Arg::of_int(*i);
  std::string text = n.to_string();
  if (is_integer_literal(text)) {
    std::string_view digits = text;
    bool neg = digits[0] == '-';
    if (digits[0] == '-' || digits[0] == '+') digits.remove_prefix(1);
    size_t first = digits.find_first_not_of('0');
    std::string canonical = first == std::string_view::npos ? "0" : std::string(digits.substr(first));
    if (neg && canonical != "0") canonical.insert(canonical.begin(), '-');
    return gofmt::Arg::of_big(canonical);
  }
  errno = 0;
  char* end = nullptr;
  double f = std::strtod(text.c_str(), &end);
  if (end == text.c_str() + text.size() && !std::isinf(f)) return gofmt::Arg::of_float(f);
  return gofmt::Arg::of_string(std::move(text));
}

// Larger buffers are let go after the call rather than kept by the thread.
constexpr size_t kKeptBytes = 4096;
constexpr size_t kKeptArgs = 64;

// Go's %s of a string is the string itself. A format whose verbs are all a plain `%s`
// (or `%%`), with one string operand per `%s` and none left over, is therefore the
// concatenation, which is most messages (`sprintf("agent %s is %s", [id, status])`).
// False (out unspecified) for anything else: the printer decides those.
bool concat_strings(std::string& out, std::string_view format, std::span<const Value> args) {
  out.clear();
  size_t next = 0;
  while (!format.empty()) {
    size_t at = format.find('%');
    out.append(format.substr(0, at));
    if (at == std::string_view::npos) break;
    if (at + 1 >= format.size()) return false;
    char verb = format[at + 1];
    if (verb == '%') {
      out.push_back('%');
    } else if (verb == 's' && next < args.size() && args[next].is_string()) {
      out.append(args[next++].string_view());
    } else {
      return false;
    }
    format.remove_prefix(at + 2);
  }
  return next == args.size();
}

}  // namespace

gofmt::Arg go_value(const Value& v) {
  if (v.is_number()) return number_arg(v.number());
  if (v.is_string()) return gofmt::Arg::of_string(std::string(v.string_view()));
  return gofmt::Arg::of_string(rego_text(v));
}

BuiltinResult sprintf(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("sprintf", 1, args[0], {"string"});
  if (!args[1].is_array()) return operand_type_error("sprintf", 2, args[1], {"array"});
  // Buffers kept by the thread: a decision formats a message or two, and each would
  // otherwise cost an allocation for the arguments and one for the text.
  thread_local std::vector<gofmt::Arg> values;
  thread_local std::string text;
  if (!concat_strings(text, args[0].string_view(), args[1].elements())) {
    values.clear();
    for (const Value& v : args[1].elements()) values.push_back(go_value(v));
    gofmt::sprintf_to(text, args[0].string_view(), values);
  }
  Value out = Value::from_string(text);
  if (text.capacity() > kKeptBytes) std::string().swap(text);
  if (values.capacity() > kKeptArgs) std::vector<gofmt::Arg>().swap(values);
  return out;
}

}  // namespace arcane::stdlib::impl
