// Go's unicode/utf8 decoding, which the string built-ins inherit from Go: a rune is a
// well-formed sequence (no overlongs, no surrogates, at most U+10FFFF); any other byte
// decodes alone as U+FFFD with width 1, and encoding an invalid rune writes U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace arcane::stdlib::goutf8 {

inline constexpr uint32_t kRuneError = 0xFFFD;

struct Rune {
  uint32_t r;
  size_t width;
};

// utf8.DecodeRuneInString(s[i:]); i < s.size().
inline Rune decode(std::string_view s, size_t i) {
  auto at = [&](size_t k) -> uint32_t { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100; };
  auto cont = [&](size_t k, uint32_t lo = 0x80, uint32_t hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
  uint32_t c = at(i);
  if (c < 0x80) return {c, 1};
  if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) return {((c & 0x1F) << 6) | (at(i + 1) & 0x3F), 2};
  if (c >= 0xE0 && c <= 0xEF && cont(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && cont(i + 2)) {
    return {((c & 0x0F) << 12) | ((at(i + 1) & 0x3F) << 6) | (at(i + 2) & 0x3F), 3};
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && cont(i + 2) &&
      cont(i + 3)) {
    return {((c & 0x07) << 18) | ((at(i + 1) & 0x3F) << 12) | ((at(i + 2) & 0x3F) << 6) | (at(i + 3) & 0x3F), 4};
  }
  return {kRuneError, 1};
}

// utf8.DecodeLastRuneInString(s[:end]); end > 0.
inline Rune decode_last(std::string_view s, size_t end) {
  size_t lim = end >= 4 ? end - 4 : 0;
  size_t start = end - 1;
  while (start > lim && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  Rune r = decode(s.substr(0, end), start);
  if (start + r.width != end) return {kRuneError, 1};
  return r;
}

inline bool valid_rune(uint32_t r) {
  return r <= 0x10FFFF && (r < 0xD800 || r > 0xDFFF);
}

// utf8.AppendRune.
inline void append(std::string& out, uint32_t r) {
  if (!valid_rune(r)) r = kRuneError;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

}  // namespace arcane::stdlib::goutf8
