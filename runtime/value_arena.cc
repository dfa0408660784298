// ValueArena: bump allocation in chunks, and the chunk's count of live nodes.
//
// While the arena still allocates from a chunk, the chunk's count carries a large bias
// instead of a per-allocation increment (one atomic operation per chunk instead of one
// per node); retiring the chunk swaps the bias for the number of nodes handed out, and
// whoever brings the count to zero frees the chunk.
#include "runtime/value_arena.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "runtime/value_nodes.h"

namespace arcane::runtime {

using detail::HeapNode;
using detail::NodeMemory;

namespace detail {
struct ArenaChunk {
  std::atomic<uint64_t> live;
  uint32_t size;
  bool mapped;  // from map_huge_chunk, returned with munmap
};
}  // namespace detail

using detail::ArenaChunk;

namespace {

constexpr uint64_t kBias = uint64_t{1} << 62;
constexpr size_t kChunkHeader = 16;
constexpr size_t kMaxChunk = size_t{2} << 20;  // one transparent huge page
static_assert(kMaxChunk - 8 <= detail::kMaxArenaOffset, "node offsets must fit the header (heap_node.h)");

// The largest chunks are huge-page aligned and advised as transparent huge pages where
// Linux offers them: a 100 MB document then costs ~100 page faults instead of ~50,000,
// which on virtualized hosts is a large share of reading time. Elsewhere, or when
// mapping fails, chunks come from the heap.
void* map_huge_chunk() {
#ifdef __linux__
  void* p = mmap(nullptr, 2 * kMaxChunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<uintptr_t>(p);
  uintptr_t aligned = (start + kMaxChunk - 1) & ~(uintptr_t{kMaxChunk} - 1);
  if (aligned > start) munmap(p, aligned - start);
  munmap(reinterpret_cast<void*>(aligned + kMaxChunk), start + 2 * kMaxChunk - aligned - kMaxChunk);
  madvise(reinterpret_cast<void*>(aligned), kMaxChunk, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
#else
  return nullptr;
#endif
}

ArenaChunk* new_chunk(size_t size) {
  void* mem = size == kMaxChunk ? map_huge_chunk() : nullptr;
  bool mapped = mem != nullptr;
  if (!mapped) mem = ::operator new(size);
  return new (mem) ArenaChunk{{kBias}, static_cast<uint32_t>(size), mapped};
}

void free_chunk(ArenaChunk* c) {
  bool mapped = c->mapped;
  size_t size = c->size;
  c->~ArenaChunk();
#ifdef __linux__
  if (mapped) {
    munmap(c, size);
    return;
  }
#endif
  ::operator delete(c);
}

thread_local ValueArena* t_scoped = nullptr;  // ArenaScope's

}  // namespace

ValueArena::ValueArena(size_t max_chunk)
    : next_size_(std::clamp(max_chunk, size_t{64}, size_t{4096})), max_chunk_(std::clamp(max_chunk, size_t{64}, kMaxChunk)) {}

ValueArena::~ValueArena() { retire(); }

void ValueArena::recycle() {
  if (chunk_ == nullptr) return;
  // While current, the count is the bias less the nodes that died. Equal to the bias less
  // all handed out, none is alive, and no other thread can touch the chunk any more.
  if (chunk_->live.load(std::memory_order_acquire) != kBias - allocated_) return;
  chunk_->live.store(kBias, std::memory_order_relaxed);
  used_ = kChunkHeader;
  allocated_ = 0;
}

ArenaScope::ArenaScope(ValueArena* arena) : saved_(t_scoped) { t_scoped = arena; }
ArenaScope::~ArenaScope() { t_scoped = saved_; }

NodeMemory ValueArena::allocate_slow(size_t bytes) {
  if (bytes > max_chunk_ / 8) return NodeMemory{::operator new(bytes), 0, false};  // a node of its own
  retire();
  capacity_ = next_size_;
  while (capacity_ < kChunkHeader + bytes) capacity_ *= 2;  // still at most max_chunk_
  next_size_ = std::min(capacity_ * 2, max_chunk_);
  chunk_ = new_chunk(capacity_);
  used_ = kChunkHeader;
  allocated_ = 0;
  return allocate(bytes);
}

void ValueArena::retire() {
  if (chunk_ == nullptr) return;
  uint64_t handover = kBias - allocated_;
  if (chunk_->live.fetch_sub(handover, std::memory_order_acq_rel) == handover) free_chunk(chunk_);
  chunk_ = nullptr;
  used_ = capacity_ = 0;
}

Value ValueArena::string(std::string_view s) { return detail::string_value(this, s); }

namespace detail {

Value string_value(ValueArena* arena, std::string_view s) {
  if (s.size() <= Value::kInlineStringMax) return ValueAccess::short_string(s);
  NodeMemory m = allocate_node(arena, sizeof(HeapNode) + s.size());
  auto* n = new (m.mem) HeapNode(NodeKind::kString);
  n->size = static_cast<uint32_t>(s.size());
  std::memcpy(payload<char>(n), s.data(), s.size());
  adopt_memory(n, m);
  return ValueAccess::adopt(NodeKind::kString, n);
}

NodeMemory allocate_node(ValueArena* arena, size_t bytes) {
  if (arena == nullptr) arena = t_scoped;
  if (arena != nullptr) return arena->allocate(bytes);
  return NodeMemory{::operator new(bytes), 0, false};
}

void release_arena_node(HeapNode* n) {
  auto* chunk = reinterpret_cast<ArenaChunk*>(reinterpret_cast<char*>(n) - arena_offset(n));
  n->~HeapNode();
  if (chunk->live.fetch_sub(1, std::memory_order_acq_rel) == 1) free_chunk(chunk);
}

}  // namespace detail

}  // namespace arcane::runtime
