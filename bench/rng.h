// splitmix64: a fixed seed gives the same workload on every machine and every run. Shared
// by every generated workload of bench/ (arcane-bench and arcane-json-bench).
#pragma once

#include <cstddef>
#include <cstdint>

namespace arcane::bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  template <size_t N>
  const char* pick(const char* const (&items)[N]) {
    return items[below(N)];
  }

 private:
  uint64_t s_;
};

}  // namespace arcane::bench
