// Hashing primitives shared by values, numbers and the intern table.
//
// The only contract is "equal values hash equal"; the functions are ours, small and fast
// for the short strings that dominate policy data (keys, role names, ids). Seeds keep
// different kinds apart so that, say, the string "1" and the number 1 rarely collide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace arcane::runtime {

// Seeds per value kind; part of the hash definition, so never change one silently.
inline constexpr uint64_t kSeedNull = 0x6a09e667f3bcc908ULL;
inline constexpr uint64_t kSeedBool = 0xbb67ae8584caa73bULL;
inline constexpr uint64_t kSeedNumber = 0x3c6ef372fe94f82bULL;
inline constexpr uint64_t kSeedString = 0xa54ff53a5f1d36f1ULL;
inline constexpr uint64_t kSeedArray = 0x510e527fade682d1ULL;
inline constexpr uint64_t kSeedObject = 0x9b05688c2b3e6c1fULL;
inline constexpr uint64_t kSeedSet = 0x1f83d9abfb41bd6bULL;

// A full-avalanche finalizer: every input bit affects every output bit.
inline uint64_t hash_mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Folds one more word into a running hash (order-sensitive, as our containers are
// canonically ordered).
inline uint64_t hash_combine(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

uint64_t hash_bytes(const void* data, size_t n, uint64_t seed);

// The hash of a string value; object lookups by std::string_view use it directly. A
// 32-bit value and never 0, as nodes cache hashes (heap_node.h's cacheable()).
inline uint64_t hash_string(std::string_view s) {
  uint64_t h = hash_bytes(s.data(), s.size(), kSeedString);
  uint32_t f = static_cast<uint32_t>(h ^ (h >> 32));
  return f == 0 ? 1 : f;
}

}  // namespace arcane::runtime
