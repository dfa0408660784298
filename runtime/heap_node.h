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
};

struct HeapNode {
  mutable std::atomic<uint32_t> refs{1};  // counts change on immutable nodes
  NodeKind kind;
  uint8_t flags = 0;
  uint16_t aux = 0;   // per kind: number form
  uint32_t size = 0;  // per kind: string bytes, element or entry count, number text length
  uint32_t arena_offset = 0;  // kInArena: bytes from the start of the chunk
  mutable std::atomic<uint64_t> hash{0};  // 0 = not computed yet

  explicit HeapNode(NodeKind k) : kind(k) {}
};
static_assert(sizeof(HeapNode) == 24);

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

// Cached hashes use 0 as "absent"; a real hash of 0 is stored as 1.
inline uint64_t cacheable(uint64_t h) { return h == 0 ? 1 : h; }

}  // namespace arcane::runtime::detail
