// The header every heap-allocated value node starts with (internal to runtime/).
//
// Values are small handles; anything that does not fit in one (long strings, arrays,
// objects, sets, numbers that need more than an int64) lives in an immutable node on the
// heap, shared by reference counting. Decisions run on many threads, so the count is
// atomic, and the hash is cached in the node with relaxed atomics: two threads racing to
// fill it compute the same number, so either store is fine.
//
// One header shape for every kind keeps copy/destroy a single code path: the kind byte
// tells the destroyer which children to release; the flags say whether the node is in
// the global intern table (which changes how its last reference is dropped) or in an
// arena chunk (which changes how its memory is returned).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace arcane::runtime::detail {

enum class NodeKind : uint8_t { kNumber, kString, kArray, kObject, kSet };

enum NodeFlags : uint8_t {
  kInterned = 1,   // registered in the global intern table (strings only)
  kHasIndex = 2,   // an object/set node with a hash index after its entries
  kInArena = 4,    // allocated from a ValueArena chunk (see value_arena.h)
  kShaped = 8,     // an object whose keys are a shared set node (see value_nodes.h)
  kArenaHigh = 0x30,  // kInArena: bits 16 and 17 of the chunk offset in words (see below)
};

// 16 bytes: data held for many users is mostly small nodes (an email, a roles array, a
// record), so every header byte counts (docs/benchmarks.md, big_data). Hence a 32-bit
// cached hash (all hashes are 32-bit values, hash.h) and no field of its own for an
// arena node's offset in its chunk: that is kept in 8-byte words, its low 16 bits in
// `aux` (numbers, which use `aux`, are never in an arena) and its top 2 in the flags;
// a chunk is at most 2 MiB, 2^18 words.
struct HeapNode {
  mutable std::atomic<uint32_t> refs{1};  // counts change on immutable nodes
  NodeKind kind;
  uint8_t flags = 0;
  uint16_t aux = 0;   // numbers: the form; arena nodes: the chunk offset's low bits
  uint32_t size = 0;  // per kind: string bytes, element or entry count, number text length
  mutable std::atomic<uint32_t> hash{0};  // 0 = not computed yet

  explicit HeapNode(NodeKind k) : kind(k) {}
};
static_assert(sizeof(HeapNode) == 16);

inline constexpr size_t kMaxArenaOffset = (size_t{1} << 21) - 8;  // bytes, a multiple of 8

inline void set_arena_offset(HeapNode* n, size_t bytes) {
  size_t words = bytes >> 3;
  n->aux = static_cast<uint16_t>(words & 0xffff);
  n->flags = static_cast<uint8_t>((n->flags & ~kArenaHigh) | ((words >> 16) << 4));
}
inline size_t arena_offset(const HeapNode* n) {
  return ((static_cast<size_t>(n->flags & kArenaHigh) >> 4) << 16 | n->aux) << 3;
}

inline void retain(const HeapNode* n) {
  n->refs.fetch_add(1, std::memory_order_relaxed);
}

// Drops one reference; frees the node (and, iteratively, any children that die with it)
// when it was the last. Defined in value.cc.
void release(const HeapNode* n);

// The bytes that follow the header (string characters, elements, entries, number text).
template <typename T>
inline T* payload(HeapNode* n, size_t header = sizeof(HeapNode)) {
  return reinterpret_cast<T*>(reinterpret_cast<char*>(n) + header);
}
template <typename T>
inline const T* payload(const HeapNode* n, size_t header = sizeof(HeapNode)) {
  return reinterpret_cast<const T*>(reinterpret_cast<const char*>(n) + header);
}

// Cached hashes are 32-bit and use 0 as "absent": a 64-bit hash is folded to 32 bits,
// and a fold of 0 is stored as 1. Every hash a Value reports goes through this, so that
// cached and computed hashes agree.
inline uint64_t cacheable(uint64_t h) {
  uint32_t f = static_cast<uint32_t>(h ^ (h >> 32));
  return f == 0 ? 1 : f;
}

}  // namespace arcane::runtime::detail
