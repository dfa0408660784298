// UTF-8 validation and literal decoding (see utf8.h).
#include "compiler/parse/utf8.h"

#include <cstdlib>

namespace arcane::compiler::parse {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid.
size_t sequence_length(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  size_t n = 0;
  uint32_t min = 0;
  uint32_t cp = 0;
  if ((b & 0xE0) == 0xC0) {
    n = 2, min = 0x80, cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3, min = 0x800, cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4, min = 0x10000, cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the 4 hex digits after "\u" at s[i]; -1 if they are not hex.
int32_t read_hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    int h = hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// Decodes \uXXXX at s[i] (i at the 'u'), combining a surrogate pair; advances i past it.
bool decode_unicode(std::string_view s, size_t& i, std::string& out) {
  int32_t cp = read_hex4(s, i + 1);
  if (cp < 0) return false;
  i += 5;
  if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
    int32_t low = read_hex4(s, i + 2);
    if (low >= 0xDC00 && low < 0xE000) {
      append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
      i += 6;
      return true;
    }
  }
  append_utf8(out, (cp >= 0xD800 && cp < 0xE000) ? 0xFFFD : static_cast<uint32_t>(cp));
  return true;
}

}  // namespace

Utf8Problem find_utf8_problem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\0') return {Utf8Problem::Kind::Nul, static_cast<uint32_t>(i)};
    size_t n = sequence_length(text, i);
    if (n == 0) return {Utf8Problem::Kind::Invalid, static_cast<uint32_t>(i)};
    if (n == 3 && i > 0 && text.substr(i, 3) == "\xEF\xBB\xBF") return {Utf8Problem::Kind::Bom, static_cast<uint32_t>(i)};
    i += n;
  }
  return {};
}

std::optional<std::string> unescape_string(std::string_view inner, bool template_braces) {
  std::string out;
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size();) {
    char c = inner[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 >= inner.size()) return std::nullopt;
    char e = inner[i + 1];
    switch (e) {
      case '"': case '\\': case '/': out += e; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u':
        ++i;
        if (!decode_unicode(inner, i, out)) return std::nullopt;
        continue;
      case '{':
        if (!template_braces) return std::nullopt;
        out += '{';
        break;
      default:
        return std::nullopt;
    }
    i += 2;
  }
  return out;
}

std::string unescape_raw_template(std::string_view inner) {
  std::string out;
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\\' && i + 1 < inner.size() && inner[i + 1] == '{') continue;
    out += inner[i];
  }
  return out;
}

std::string check_number(std::string_view literal) {
  std::string_view digits = literal;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  bool dot_prefix = !digits.empty() && digits[0] == '.';
  if (!dot_prefix && digits.size() > 1 && digits[0] == '0') {
    bool decimal = digits[1] == '.';
    bool scientific = digits.size() > 2 && (digits[1] == 'e' || digits[1] == 'E');
    if (!decimal && !scientific) return "expected number without leading zero";
  }
  // OPA refuses binary exponents beyond 1e5 (about 30103 decimal digits of exponent),
  // so that printing the number cannot take unbounded time.
  size_t e = digits.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::string exp(digits.substr(e + 1));
    if (exp.size() > 7 || std::labs(std::strtol(exp.c_str(), nullptr, 10)) > 30000) return "number too big";
  }
  size_t int_digits = digits.find_first_of(".eE");
  if (int_digits == std::string_view::npos) int_digits = digits.size();
  if (int_digits > 30000) return "number too big";
  return "";
}

}  // namespace arcane::compiler::parse
