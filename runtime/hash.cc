// Byte hashing: eight bytes per step, multiply-and-rotate, then a full finalizer. Short
// keys (most object keys) take one or two steps.
#include "runtime/hash.h"

namespace arcane::runtime {

namespace {

constexpr uint64_t kMul1 = 0x87c37b91114253d5ULL;
constexpr uint64_t kMul2 = 0x4cf5ad432745937fULL;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline uint64_t load64(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The last 1..7 bytes, zero-extended; the length is folded in separately so "a" and
// "a\0" differ.
inline uint64_t load_tail(const unsigned char* p, size_t n) {
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  return w;
}

inline uint64_t step(uint64_t h, uint64_t w) { return rotl(h ^ (w * kMul1), 29) * kMul2; }

}  // namespace

uint64_t hash_bytes(const void* data, size_t n, uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = seed ^ (static_cast<uint64_t>(n) * 0x9e3779b97f4a7c15ULL);
  while (n >= 8) {
    h = step(h, load64(p));
    p += 8;
    n -= 8;
  }
  if (n > 0) h = step(h, load_tail(p, n));
  return hash_mix(h);
}

}  // namespace arcane::runtime
