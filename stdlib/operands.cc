// Operand error messages in OPA's words, and Go's views of numbers and strings.
#include "stdlib/operands.h"

#include <charconv>
#include <string>

namespace arcane::stdlib {

namespace {

std::string joined(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

BuiltinError make(std::string_view code, std::string_view name, std::string message) {
  std::string text(name);
  text += ": ";
  text += message;
  return BuiltinError{std::string(code), std::move(text)};
}

std::string_view value_name(const runtime::Value& v) {
  return runtime::kind_name(v.kind());
}

}  // namespace

BuiltinError operand_type_error(std::string_view name, int pos, const runtime::Value& got,
                                std::initializer_list<std::string_view> expected) {
  std::string detail =
      expected.size() == 1 ? "must be " + std::string(*expected.begin()) : "must be one of {" + joined(expected) + "}";
  detail += " but got ";
  detail += value_name(got);
  return operand_error(name, pos, detail);
}

BuiltinError operand_element_error(std::string_view name, int pos, const runtime::Value& composite,
                                   const runtime::Value& element, std::initializer_list<std::string_view> expected) {
  std::string kind(value_name(composite));
  std::string detail = "must be " + kind + " of ";
  detail += expected.size() == 1 ? std::string(*expected.begin()) + "s" : "(any of) {" + joined(expected) + "}";
  detail += " but got " + kind + " containing ";
  detail += value_name(element);
  return operand_error(name, pos, detail);
}

BuiltinError operand_error(std::string_view name, int pos, std::string_view detail) {
  return make(kTypeError, name, "operand " + std::to_string(pos) + " " + std::string(detail));
}

BuiltinError builtin_error(std::string_view name, std::string_view message) {
  return make(kBuiltinError, name, std::string(message));
}

BuiltinResult number_result(std::string_view name, std::optional<runtime::Number> n) {
  if (!n) return builtin_error(name, "number too large");
  return runtime::Value::from_number(std::move(*n));
}

BuiltinResult float_result(std::string_view name, const runtime::BigFloat& f) {
  return number_result(name, f.to_number());
}

std::optional<int64_t> literal_int(const runtime::Number& n) {
  if (n.is_small_int()) return n.to_int64();
  std::string text = n.to_string();
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// Go's decoding: a rune is a well-formed sequence (no overlongs, no surrogates, at most
// U+10FFFF); anything else is one byte.
size_t rune_count(std::string_view s) {
  size_t count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < n && p[k] >= lo && p[k] <= hi;
  };
  while (i < n) {
    unsigned char c = p[i];
    size_t len = 1;
    if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (cont(i + 1, lo, hi) && cont(i + 2)) len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3)) len = 4;
    }
    i += len;
    ++count;
  }
  return count;
}

}  // namespace arcane::stdlib
