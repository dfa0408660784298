// Rego text of values (OPA's ast String()) and Go's strconv.Quote.
#include "stdlib/value_text.h"

#include <cstdint>

namespace arcane::stdlib {

namespace {

constexpr char kHex[] = "0123456789abcdef";

struct Range {
  uint32_t lo, hi;
};

// Code points unicode.IsPrint rejects among assigned ones: C1 controls, spaces other
// than U+0020, line and paragraph separators, format characters, private use, and the
// noncharacters at the end of each plane.
constexpr Range kNotPrintable[] = {
    {0x7F, 0x9F},       {0xA0, 0xA0},        {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},
    {0x6DD, 0x6DD},     {0x70F, 0x70F},      {0x890, 0x891},     {0x8E2, 0x8E2},     {0x1680, 0x1680},
    {0x180E, 0x180E},   {0x2000, 0x200F},    {0x2028, 0x202F},   {0x205F, 0x2064},   {0x2066, 0x206F},
    {0x3000, 0x3000},   {0xE000, 0xF8FF},    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD},
    {0x110CD, 0x110CD}, {0x13430, 0x1343F},  {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

bool is_print(uint32_t r) {
  if (r < 0x20) return false;
  if ((r & 0xFFFE) == 0xFFFE) return false;
  for (const Range& range : kNotPrintable) {
    if (r >= range.lo && r <= range.hi) return false;
  }
  return true;
}

// One well-formed UTF-8 sequence at s[i]: its code point and length, or length 0.
size_t decode(std::string_view s, size_t i, uint32_t& r) {
  auto byte = [&](size_t k) -> uint32_t { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100; };
  auto cont = [&](size_t k, uint32_t lo = 0x80, uint32_t hi = 0xBF) { return byte(k) >= lo && byte(k) <= hi; };
  uint32_t c = byte(i);
  if (c < 0x80) return r = c, 1;
  if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) return r = ((c & 0x1F) << 6) | (byte(i + 1) & 0x3F), 2;
  if (c >= 0xE0 && c <= 0xEF && cont(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && cont(i + 2)) {
    return r = ((c & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F), 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && cont(i + 2) &&
      cont(i + 3)) {
    return r = ((c & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) | (byte(i + 3) & 0x3F),
           4;
  }
  return 0;
}

void append_hex(std::string& out, uint32_t v, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

void append_escaped(std::string& out, uint32_t r) {
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < 0x20 || r == 0x7F) {
    out += "\\x";
    append_hex(out, r, 2);
  } else if (r < 0x10000) {
    out += "\\u";
    append_hex(out, r, 4);
  } else {
    out += "\\U";
    append_hex(out, r, 8);
  }
}

void append_items(std::string& out, std::span<const runtime::Value> items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    append_rego_text(out, items[i]);
  }
}

}  // namespace

void append_go_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    uint32_t r = 0;
    size_t len = decode(s, i, r);
    if (len == 0) {  // an ill-formed byte
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[i]), 2);
      ++i;
      continue;
    }
    if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (is_print(r)) {
      out.append(s, i, len);
    } else {
      append_escaped(out, r);
    }
    i += len;
  }
  out += '"';
}

void append_rego_text(std::string& out, const runtime::Value& v) {
  switch (v.kind()) {
    case runtime::Kind::kNull: out += "null"; return;
    case runtime::Kind::kBoolean: out += v.as_bool() ? "true" : "false"; return;
    case runtime::Kind::kNumber: v.number().append_to(out); return;
    case runtime::Kind::kString: append_go_quoted(out, v.string_view()); return;
    case runtime::Kind::kArray:
      out += '[';
      append_items(out, v.elements());
      out += ']';
      return;
    case runtime::Kind::kSet:
      if (v.size() == 0) {
        out += "set()";
        return;
      }
      out += '{';
      append_items(out, v.elements());
      out += '}';
      return;
    case runtime::Kind::kObject: {
      out += '{';
      size_t i = 0;
      for (auto entry : v.entries()) {
        if (i++ > 0) out += ", ";
        append_rego_text(out, entry.key);
        out += ": ";
        append_rego_text(out, entry.value);
      }
      out += '}';
      return;
    }
  }
}

std::string rego_text(const runtime::Value& v) {
  std::string out;
  append_rego_text(out, v);
  return out;
}

}  // namespace arcane::stdlib
