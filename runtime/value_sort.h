// Putting container items in canonical order (internal to value_builder.cc).
//
// Building an object or set means sorting its keys by the value order, and a data read
// does it millions of times, so the common cases get their own paths: small containers
// sort an index array by insertion (which also spots duplicate keys for free), large
// string-keyed ones sort 8-byte key prefixes, and keys that are both short strings compare
// as two big-endian words without touching memcmp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "runtime/value.h"

namespace arcane::runtime::detail {

// The value order, with fast paths for string keys.
int key_compare(const Value& a, const Value& b);

inline const Value& entry_key(const ObjectEntry& e) { return e.key; }
inline const Value& itself(const Value& v) { return v; }

// Containers up to this size are ordered through an index array.
inline constexpr size_t kSmallSort = 32;

// Fills order[0..n) with the positions of items in key order (stable). Returns false if
// two keys are equal: the caller then takes the general path, which merges them.
template <typename T, typename KeyOf>
bool small_order(std::span<const T> items, KeyOf key_of, uint16_t* order) {
  bool unique = true;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t j = i;
    for (; j > 0; --j) {
      int c = key_compare(key_of(items[i]), key_of(items[order[j - 1]]));
      if (c == 0) unique = false;
      if (c >= 0) break;
      order[j] = order[j - 1];
    }
    order[j] = static_cast<uint16_t>(i);
  }
  return unique;
}

template <typename T, typename KeyOf>
bool strictly_sorted(const T* items, size_t n, KeyOf key_of) {
  for (size_t i = 1; i < n; ++i) {
    if (key_compare(key_of(items[i - 1]), key_of(items[i])) >= 0) return false;
  }
  return true;
}

uint64_t big_endian_prefix(std::string_view s);

// Sorting a large object by comparing keys through their nodes misses the cache at every
// step. When all keys are strings, sort (8-byte prefix, position) pairs instead, which
// touches each key once; zero-padded prefixes order like the strings, and ties fall back
// to the full key, then the position (for stability). Returns false if a key is not a
// string.
template <typename T, typename KeyOf>
bool sort_by_prefix(T* items, size_t n, KeyOf key_of) {
  struct Prefixed {
    uint64_t prefix;
    size_t index;
  };
  std::vector<Prefixed> order(n);
  for (size_t i = 0; i < n; ++i) {
    const Value& k = key_of(items[i]);
    if (!k.is_string()) return false;
    order[i] = {big_endian_prefix(k.string_view()), i};
  }
  std::sort(order.begin(), order.end(), [&](const Prefixed& a, const Prefixed& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (int c = key_compare(key_of(items[a.index]), key_of(items[b.index]))) return c < 0;
    return a.index < b.index;
  });
  std::vector<T> sorted;
  sorted.reserve(n);
  for (const Prefixed& p : order) sorted.push_back(std::move(items[p.index]));
  std::move(sorted.begin(), sorted.end(), items);
  return true;
}

// Stable, so that among equal keys the input order survives for the merge step.
template <typename T, typename KeyOf>
void stable_sort_items(T* items, size_t n, KeyOf key_of) {
  if (sort_by_prefix(items, n, key_of)) return;
  std::stable_sort(items, items + n,
                   [&](const T& a, const T& b) { return key_compare(key_of(a), key_of(b)) < 0; });
}

// After a stable sort: objects keep the first key and the last value of equal keys, sets
// the first element. Slots past the returned count are destroyed.
size_t merge_entries(ObjectEntry* e, size_t n);
size_t merge_elements(Value* v, size_t n);

}  // namespace arcane::runtime::detail
