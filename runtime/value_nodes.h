// Heap node layouts behind Value (internal to runtime/).
//
// Every node is one allocation: the 24-byte HeapNode header, then the payload.
//   string: size bytes of text
//   array:  size Values
//   object: size ObjectEntry (sorted by key), then, when kHasIndex is set, an open
//           addressing table of index_capacity(size) uint32 slots holding entry
//           index + 1 (the capacity is a function of the size, so it is not stored)
//   set:    size Values (sorted), then the same optional index
//   shaped object (kShaped): a pointer to a set node holding its sorted keys (shared
//           with every object of the same shape, one reference held), then size Values
//           in key order; lookups use the key set's position (and index)
// One allocation per container keeps memory near the size of the JSON it came from and
// makes a scan a walk over contiguous memory; shaped objects halve the cost of records
// that repeat the same keys.
#pragma once

#include <algorithm>
#include <bit>
#include <cstring>
#include <span>
#include <string_view>

#include "runtime/heap_node.h"
#include "runtime/value.h"

namespace arcane::runtime::detail {

// Containers at least this large get a hash index; below it binary search is as fast.
inline constexpr size_t kIndexMin = 32;
// Up to this many keys, a node is scanned when the caller's equality is a comparison of
// bytes (a short-string key): cheaper than a binary search, whose branches the CPU cannot
// predict. Such a node never has an index.
inline constexpr uint32_t kScanMax = 12;
static_assert(kScanMax < kIndexMin);

inline std::string_view string_text(const HeapNode* n) { return {payload<char>(n), n->size}; }
inline const Value* value_items(const HeapNode* n) { return payload<Value>(n); }
inline const ObjectEntry* object_items(const HeapNode* n) { return payload<ObjectEntry>(n); }

inline constexpr size_t kShapedHeader = sizeof(HeapNode) + sizeof(void*);
inline const HeapNode* shaped_keys(const HeapNode* n) {
  const HeapNode* keys;
  std::memcpy(&keys, payload<char>(n), sizeof keys);
  return keys;
}
inline const Value* shaped_values(const HeapNode* n) { return payload<Value>(n, kShapedHeader); }

// The entries of an object node of either layout (n may be null: the empty object).
inline ObjectView object_view(const HeapNode* n) {
  if (n == nullptr) return {};
  if (n->flags & kShaped) {
    return ObjectView(value_items(shaped_keys(n)), sizeof(Value), shaped_values(n), sizeof(Value), n->size);
  }
  const ObjectEntry* e = object_items(n);
  return ObjectView(&e->key, sizeof(ObjectEntry), &e->value, sizeof(ObjectEntry), n->size);
}

template <typename T>
inline const uint32_t* index_slots(const HeapNode* n) {
  return reinterpret_cast<const uint32_t*>(payload<T>(n) + n->size);
}

// Slots in the index of a container of n items: a power of two, at most half full.
inline size_t index_capacity(size_t n) { return std::bit_ceil(std::max(2 * n, 2 * kIndexMin)); }

// Bytes needed for the index of a container of n items (0 when it gets none).
inline size_t index_bytes(size_t n) { return n >= kIndexMin ? index_capacity(n) * sizeof(uint32_t) : 0; }

// A new string node with one reference, always from the heap: the intern table's (an
// interned node lives on past any arena and is freed with operator delete). Other
// strings are made by string_value() (value_arena.h), which may place them in an arena.
HeapNode* new_string_node(std::string_view s, uint64_t hash = 0);

struct ValueAccess {
  static const HeapNode* node(const Value& v) { return v.is_heap() ? v.node() : nullptr; }
  static bool is_short_string(const Value& v) { return v.tag() == Value::Tag::kShortString; }
  static bool same_bits(const Value& a, const Value& b) { return a.same_bits(b); }
  static bool both_small_ints(const Value& a, const Value& b) {
    return a.tag() == Value::Tag::kInt && b.tag() == Value::Tag::kInt;
  }
  static int64_t word(const Value& v) { return v.word(); }
  // The handle's 16 bytes as two words: identical for equal short strings and for the
  // same node, which is what shape caches compare.
  static void raw_words(const Value& v, uint64_t out[2]) { std::memcpy(out, v.b_, 16); }
  // Order of two short strings from their zero-padded bytes, read as big-endian words:
  // padding compares below any byte, and equal words fall back to the lengths.
  static int compare_short_strings(const Value& a, const Value& b) {
    uint64_t x = be64(a.b_ + 2), y = be64(b.b_ + 2);
    if (x == y) x = be64(a.b_ + 8), y = be64(b.b_ + 8);
    if (x != y) return x < y ? -1 : 1;
    return (a.b_[1] > b.b_[1]) - (a.b_[1] < b.b_[1]);
  }
  // Wraps a node that already carries the reference the new Value will own.
  static Value adopt(NodeKind kind, const HeapNode* n);
  static Value short_string(std::string_view s);

 private:
  static uint64_t be64(const unsigned char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::little) w = __builtin_bswap64(w);
    return w;
  }
};

}  // namespace arcane::runtime::detail
