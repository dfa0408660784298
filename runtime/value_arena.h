// Chunked allocation for the nodes of one document, or of one thread's evaluations.
//
// Reading a data file creates millions of small nodes that are born together and, nearly
// always, die together when the data is replaced. Allocating them one by one from malloc
// costs time (a third of a read, measured) and 8-16 bytes of header and rounding each.
// A ValueArena carves nodes out of chunks that grow from 4 KB to 2 MB, so small inputs stay
// small and large documents pay one allocation (and, on Linux, one huge page) per 2 MB.
//
// Nodes stay individually reference counted; a chunk counts its live nodes and is freed
// by whichever thread releases the last one. The cost of that simplicity: a chunk lives
// as long as any node in it, so keeping one small value from a dropped document pins its
// chunk. The arena object itself only serves allocation and may be destroyed as soon as
// the document is built.
//
// The VM gives each machine an arena of small chunks for what its evaluations build
// (ArenaScope routes them there), and starts a chunk over when an evaluation finds all its
// nodes dead (recycle): a warm decision then allocates nothing from the heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/heap_node.h"
#include "runtime/value.h"

namespace arcane::runtime {

namespace detail {
struct HeapNode;
struct ArenaChunk;
// Where a node's memory came from; recorded in the node by adopt_memory().
struct NodeMemory {
  void* mem;
  uint32_t arena_offset;
  bool in_arena;
};
}  // namespace detail

class ValueArena {
 public:
  ValueArena() = default;
  // Chunks of at most `max_chunk` bytes (nodes larger than an eighth of that come from the
  // heap): an evaluation's arena keeps them small, since one surviving node keeps its
  // whole chunk.
  explicit ValueArena(size_t max_chunk);
  ValueArena(const ValueArena&) = delete;
  ValueArena& operator=(const ValueArena&) = delete;
  ~ValueArena();

  // A string value whose node (if it needs one) lives in this arena.
  Value string(std::string_view s);

  // 8-byte aligned memory for a node of `bytes`; from a chunk unless the request is too
  // large to share one (then from the heap). The bump is inline and the rest a call, so
  // the common case saves no registers.
  detail::NodeMemory allocate(size_t bytes) {
    bytes = (bytes + 7) & ~size_t{7};
    if (used_ + bytes > capacity_ || bytes > max_chunk_ / 8) return allocate_slow(bytes);
    detail::NodeMemory m{reinterpret_cast<char*>(chunk_) + used_, static_cast<uint32_t>(used_), true};
    used_ += bytes;
    ++allocated_;
    return m;
  }

  // Starts the current chunk over when every node handed out from it has died, so a
  // thread that runs evaluation after evaluation reuses one chunk. Otherwise allocation
  // goes on where it was: values a caller keeps (decisions it stores) are packed into
  // chunks instead of holding one each.
  void recycle();

 private:
  detail::NodeMemory allocate_slow(size_t bytes);  // a new chunk, or the heap
  void retire();

  detail::ArenaChunk* chunk_ = nullptr;
  size_t used_ = 0;
  size_t capacity_ = 0;
  size_t allocated_ = 0;  // nodes handed out from the current chunk
  size_t next_size_ = 4096;
  size_t max_chunk_ = size_t{2} << 20;  // one transparent huge page
};

// While one is alive, nodes made without an arena on this thread (detail::allocate_node
// with none, Value::from_string) come from `arena` instead, or from the heap again when it
// is null. The VM scopes each evaluation's values this way, so the sets, strings and
// arrays a decision builds and drops cost no malloc and free.
class ArenaScope {
 public:
  explicit ArenaScope(ValueArena* arena);
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  ValueArena* saved_;
};

namespace detail {
// From the arena when one is given, else from the thread's scoped arena (ArenaScope),
// else from the heap.
NodeMemory allocate_node(ValueArena* arena, size_t bytes);
// A string in `arena`'s memory, as allocate_node() chooses it.
Value string_value(ValueArena* arena, std::string_view s);
// Records in a freshly constructed node where its memory came from.
inline void adopt_memory(HeapNode* n, const NodeMemory& m) {
  if (!m.in_arena) return;
  n->flags |= kInArena;
  set_arena_offset(n, m.arena_offset);
}
// Destroys an arena node and drops its share of its chunk.
void release_arena_node(HeapNode* n);
}  // namespace detail

}  // namespace arcane::runtime
