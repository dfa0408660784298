// UTF-8 validation: an ASCII fast path over 8-byte words, then the table of well-formed
// multi-byte sequences.
#include "runtime/utf8.h"

#include <cstdint>
#include <cstring>

namespace arcane::runtime {

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Length of the well-formed sequence starting at p (at most `left` bytes), or 0.
size_t sequence_length(const unsigned char* p, size_t left) {
  unsigned char c = p[0];
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (c < 0xC2 || c > 0xF4 || left < n) return 0;
  // The second byte's range depends on the lead byte; the rest are plain continuations.
  unsigned char lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  if (!in(p[1], lo, hi)) return 0;
  for (size_t i = 2; i < n; ++i) {
    if (!in(p[i], 0x80, 0xBF)) return 0;
  }
  return n;
}

}  // namespace

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (i < n) {
    // Four words per step while the text is ASCII.
    while (i + 32 <= n) {
      uint64_t w[4];
      std::memcpy(w, p + i, 32);
      if (((w[0] | w[1] | w[2] | w[3]) & kHigh) != 0) break;
      i += 32;
    }
    if (i == n) break;
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = sequence_length(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace arcane::runtime
