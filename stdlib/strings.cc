// The strings family: searching, case, joining and splitting, substrings, format_int
// (topdown/strings.go). Positions follow OPA: indexof is a byte offset when both strings
// are ASCII and a rune offset otherwise (the same number for ASCII); indexof_n and
// substring count runes. Go's string functions decode UTF-8 their own way (go_utf8.h),
// and lower/upper map runes with Unicode's simple case mapping as Go's unicode package
// does (through the C library's tables for the C.UTF-8 locale).
#include <locale.h>
#include <wctype.h>

#include <algorithm>

#include "runtime/big_float.h"
#include "runtime/value_builder.h"
#include "stdlib/big_int.h"
#include "stdlib/families_strings.h"
#include "stdlib/go_utf8.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::vector<uint32_t> runes_of(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    goutf8::Rune r = goutf8::decode(s, i);
    out.push_back(r.r);
    i += r.width;
  }
  return out;
}

std::string string_of(std::span<const uint32_t> runes) {
  std::string out;
  for (uint32_t r : runes) goutf8::append(out, r);
  return out;
}

// Both operands must be strings.
template <typename F>
BuiltinResult two_strings(std::string_view name, Args args, F&& f) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  return f(args[0].string_view(), args[1].string_view());
}

locale_t utf8_locale() {
  static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}

// strings.ToLower / ToUpper: ASCII strings byte by byte; otherwise rune by rune, where
// an ill-formed byte becomes U+FFFD (strings.Map).
BuiltinResult map_case(std::string_view name, Args args, bool upper) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  std::string_view s = args[0].string_view();
  std::string out;
  out.reserve(s.size());
  if (is_ascii(s)) {
    for (char c : s) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out += c;
    }
  } else {
    locale_t loc = utf8_locale();
    for (size_t i = 0; i < s.size();) {
      goutf8::Rune r = goutf8::decode(s, i);
      uint32_t m = r.r;
      if (loc != nullptr && r.r != goutf8::kRuneError) {
        m = static_cast<uint32_t>(upper ? towupper_l(static_cast<wint_t>(r.r), loc)
                                        : towlower_l(static_cast<wint_t>(r.r), loc));
      }
      goutf8::append(out, m);
      i += r.width;
    }
  }
  if (out == s) return args[0];
  return Value::from_string(out);
}

// strings.Split (n < 0) and strings.SplitN (n > 0).
std::vector<std::string_view> go_split(std::string_view s, std::string_view sep, int64_t n) {
  std::vector<std::string_view> out;
  if (n == 0) return out;
  if (sep.empty()) {
    size_t count = rune_count(s);
    if (n < 0 || static_cast<uint64_t>(n) > count) n = static_cast<int64_t>(count);
    for (int64_t k = 0; k + 1 < n; ++k) {
      size_t w = goutf8::decode(s, 0).width;
      out.push_back(s.substr(0, w));
      s.remove_prefix(w);
    }
    if (n > 0) out.push_back(s);
    return out;
  }
  for (;;) {
    if (n > 0 && static_cast<int64_t>(out.size()) == n - 1) break;
    size_t m = s.find(sep);
    if (m == std::string_view::npos) break;
    out.push_back(s.substr(0, m));
    s.remove_prefix(m + sep.size());
  }
  out.push_back(s);
  return out;
}

Value string_array(std::span<const std::string_view> parts) {
  runtime::ArrayBuilder b(parts.size());
  for (std::string_view p : parts) b.push_back(Value::from_string(p));
  return b.build();
}

// OPA's StringSliceOperand behind a string-or-collection operand.
BuiltinResult string_list(std::string_view name, const Value& v, int pos, std::vector<std::string_view>& out) {
  if (v.is_string()) {
    out.push_back(v.string_view());
    return Value::boolean(true);
  }
  if (!v.is_array() && !v.is_set()) return operand_type_error(name, pos, v, {"string", "set", "array"});
  for (const Value& e : v.elements()) {
    if (!e.is_string()) return operand_element_error(name, pos, v, e, {"string"});
    out.push_back(e.string_view());
  }
  return Value::boolean(true);
}

BuiltinResult any_match(std::string_view name, Args args, bool suffix) {
  std::vector<std::string_view> strs, fixes;
  if (BuiltinResult r = string_list(name, args[0], 1, strs); r.is_error()) return r;
  if (BuiltinResult r = string_list(name, args[1], 2, fixes); r.is_error()) return r;
  for (std::string_view s : strs) {
    for (std::string_view f : fixes) {
      if (suffix ? s.ends_with(f) : s.starts_with(f)) return Value::boolean(true);
    }
  }
  return Value::boolean(false);
}

// format_int's integer: exact for integers, truncated from a 64-bit big.Float otherwise.
bool format_int_value(const runtime::Number& n, BigInt& out) {
  if (integer_value(n, out)) return true;
  std::optional<runtime::BigFloat> f = runtime::BigFloat::from_number(n);
  if (!f) return false;
  std::optional<runtime::Number> t = f->truncated().to_number();
  return t && integer_value(*t, out);
}

}  // namespace

BuiltinResult concat(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("concat", 1, args[0], {"string"});
  const Value& items = args[1];
  if (!items.is_array() && !items.is_set()) return operand_type_error("concat", 2, items, {"set", "array"});
  if (items.size() == 0) return Value::from_string("");
  if (items.size() == 1 && items.at(0).is_string()) return items.at(0);
  std::string out;
  std::string_view sep = args[0].string_view();
  for (const Value& e : items.elements()) {
    if (!e.is_string()) return operand_element_error("concat", 2, items, e, {"string"});
  }
  bool first = true;
  for (const Value& e : items.elements()) {
    if (!first) out += sep;
    first = false;
    out += e.string_view();
  }
  return Value::from_string(out);
}

BuiltinResult contains(BuiltinContext&, Args args) {
  return two_strings("contains", args, [](std::string_view s, std::string_view sub) -> BuiltinResult {
    return Value::boolean(s.find(sub) != std::string_view::npos);
  });
}

BuiltinResult startswith(BuiltinContext&, Args args) {
  return two_strings("startswith", args,
                     [](std::string_view s, std::string_view p) -> BuiltinResult { return Value::boolean(s.starts_with(p)); });
}

BuiltinResult endswith(BuiltinContext&, Args args) {
  return two_strings("endswith", args,
                     [](std::string_view s, std::string_view p) -> BuiltinResult { return Value::boolean(s.ends_with(p)); });
}

BuiltinResult strings_count(BuiltinContext&, Args args) {
  return two_strings("strings.count", args, [](std::string_view s, std::string_view sub) -> BuiltinResult {
    if (sub.empty()) return Value::integer(static_cast<int64_t>(rune_count(s)) + 1);
    int64_t n = 0;
    for (size_t at = s.find(sub); at != std::string_view::npos; at = s.find(sub, at + sub.size())) ++n;
    return Value::integer(n);
  });
}

BuiltinResult indexof(BuiltinContext&, Args args) {
  return two_strings("indexof", args, [](std::string_view base, std::string_view search) -> BuiltinResult {
    if (search.empty()) return builtin_error("indexof", "empty search character");
    if (is_ascii(base) && is_ascii(search)) {
      size_t at = base.find(search);
      return Value::integer(at == std::string_view::npos ? -1 : static_cast<int64_t>(at));
    }
    std::vector<uint32_t> b = runes_of(base), s = runes_of(search);
    auto it = std::search(b.begin(), b.end(), s.begin(), s.end());
    return Value::integer(it == b.end() ? -1 : it - b.begin());
  });
}

BuiltinResult indexof_n(BuiltinContext&, Args args) {
  return two_strings("indexof_n", args, [](std::string_view base, std::string_view search) -> BuiltinResult {
    if (search.empty()) return builtin_error("indexof_n", "empty search character");
    std::vector<uint32_t> b = runes_of(base), s = runes_of(search);
    runtime::ArrayBuilder out;
    for (size_t i = 0; i + s.size() <= b.size(); ++i) {
      if (std::equal(s.begin(), s.end(), b.begin() + static_cast<std::ptrdiff_t>(i))) {
        out.push_back(Value::integer(static_cast<int64_t>(i)));
      }
    }
    return out.build();
  });
}

BuiltinResult lower(BuiltinContext&, Args args) {
  return map_case("lower", args, false);
}

BuiltinResult upper(BuiltinContext&, Args args) {
  return map_case("upper", args, true);
}

BuiltinResult split(BuiltinContext&, Args args) {
  return two_strings("split", args, [&](std::string_view text, std::string_view delim) -> BuiltinResult {
    if (text.find(delim) == std::string_view::npos) {
      runtime::ArrayBuilder one;
      one.push_back(args[0]);
      return one.build();
    }
    return string_array(go_split(text, delim, -1));
  });
}

BuiltinResult strings_split_n(BuiltinContext&, Args args) {
  constexpr std::string_view name = "strings.split_n";
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  if (!args[2].is_number()) return operand_type_error(name, 3, args[2], {"number"});
  std::optional<int64_t> n = literal_int(args[2].number());
  if (!n) return operand_error(name, 3, "must be integer number but got floating-point number");
  std::string_view text = args[0].string_view(), delim = args[1].string_view();
  if (*n >= 0) {
    int64_t limit = *n == INT64_MAX ? -1 : *n + 1;
    std::vector<std::string_view> parts = go_split(text, delim, limit);
    if (static_cast<uint64_t>(*n) < parts.size()) parts.resize(static_cast<size_t>(*n));
    return string_array(parts);
  }
  std::vector<std::string_view> parts = go_split(text, delim, -1);
  size_t keep = *n == INT64_MIN || static_cast<uint64_t>(-*n) >= parts.size() ? parts.size()
                                                                              : static_cast<size_t>(-*n);
  return string_array(std::span(parts).subspan(parts.size() - keep));
}

BuiltinResult substring(BuiltinContext&, Args args) {
  constexpr std::string_view name = "substring";
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  std::optional<int64_t> start, length;
  for (int pos : {2, 3}) {
    const Value& v = args[static_cast<size_t>(pos - 1)];
    if (!v.is_number()) return operand_type_error(name, pos, v, {"number"});
    std::optional<int64_t> i = literal_int(v.number());
    if (!i) return operand_error(name, pos, "must be integer number but got floating-point number");
    (pos == 2 ? start : length) = i;
  }
  if (*start < 0) return builtin_error(name, "negative offset");
  std::string_view s = args[0].string_view();
  if (s.empty()) return Value::from_string("");
  auto end_of = [&](size_t size) {
    if (*length < 0) return size;
    uint64_t upto = static_cast<uint64_t>(*start) + static_cast<uint64_t>(*length);
    return static_cast<size_t>(std::min<uint64_t>(size, upto));
  };
  if (is_ascii(s)) {
    if (static_cast<uint64_t>(*start) >= s.size()) return Value::from_string("");
    if (*start == 0 && *length >= static_cast<int64_t>(s.size())) return args[0];
    return Value::from_string(s.substr(static_cast<size_t>(*start), end_of(s.size()) - static_cast<size_t>(*start)));
  }
  if (*start == 0 && *length >= static_cast<int64_t>(rune_count(s))) return args[0];
  std::vector<uint32_t> runes = runes_of(s);
  if (static_cast<uint64_t>(*start) >= runes.size()) return Value::from_string("");
  size_t from = static_cast<size_t>(*start);
  return Value::from_string(string_of(std::span(runes).subspan(from, end_of(runes.size()) - from)));
}

BuiltinResult strings_reverse(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("strings.reverse", 1, args[0], {"string"});
  std::string_view s = args[0].string_view();
  std::string out(s.size(), '\0');
  for (size_t i = 0; i < s.size();) {
    size_t w = goutf8::decode(s, i).width;
    std::copy(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(i + w),
              out.end() - static_cast<std::ptrdiff_t>(i + w));
    i += w;
  }
  return Value::from_string(out);
}

BuiltinResult strings_any_prefix_match(BuiltinContext&, Args args) {
  return any_match("strings.any_prefix_match", args, false);
}

BuiltinResult strings_any_suffix_match(BuiltinContext&, Args args) {
  return any_match("strings.any_suffix_match", args, true);
}

BuiltinResult format_int(BuiltinContext&, Args args) {
  constexpr std::string_view name = "format_int";
  if (!args[0].is_number()) return operand_type_error(name, 1, args[0], {"number"});
  if (!args[1].is_number()) return operand_type_error(name, 2, args[1], {"number"});
  // OPA compares the base's text, so 2.0 is not a base.
  std::string base_text = args[1].number().to_string();
  int base = base_text == "2" ? 2 : base_text == "8" ? 8 : base_text == "10" ? 10 : base_text == "16" ? 16 : 0;
  if (base == 0) return operand_error(name, 2, "must be one of {2, 8, 10, 16}");
  const runtime::Number& n = args[0].number();
  if (base == 10) {
    if (std::optional<int64_t> i = literal_int(n)) return Value::from_string(std::to_string(*i));
  }
  BigInt i;
  if (!format_int_value(n, i)) return number_result(name, std::nullopt);
  return Value::from_string(i.text(base));
}

}  // namespace arcane::stdlib::impl
