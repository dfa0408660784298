// The global key intern table and the per-reader key cache.
//
// Lifetime protocol: a node's count only goes from 1 to 0 while its shard lock is held,
// and lookups increment under that lock, so a node found in the table is always alive.
// Releases above 1 are lock-free compare-and-swaps.
#include "runtime/intern.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <vector>

#include "runtime/hash.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {

using detail::HeapNode;

namespace {

// One shard: open addressing with linear probing over (hash, node) slots, so a probe
// touches a node only when the full hash matches. Deletion shifts later entries back
// instead of leaving tombstones, which keeps probes short as bundles come and go.
class ShardTable {
 public:
  const HeapNode* find(std::string_view s, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.node == nullptr) return nullptr;
      if (slot.hash == h && detail::string_text(slot.node) == s) return slot.node;
    }
  }

  void insert(const HeapNode* n, uint64_t h) {
    if ((count_ + 1) * 4 > slots_.size() * 3) resize(std::max<size_t>(64, slots_.size() * 2));
    place(n, h);
    ++count_;
  }

  void erase(const HeapNode* n, uint64_t h) {
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].node != n) i = (i + 1) & mask;
    for (size_t j = (i + 1) & mask; slots_[j].node != nullptr; j = (j + 1) & mask) {
      size_t home = slots_[j].hash & mask;
      // Move slot j back into the hole at i unless its home lies cyclically in (i, j].
      bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!stays) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
    --count_;
    if (slots_.size() > 64 && count_ * 8 < slots_.size()) resize(slots_.size() / 2);
  }

  size_t size() const { return count_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const HeapNode* node = nullptr;
  };

  void place(const HeapNode* n, uint64_t h) {
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].node != nullptr) i = (i + 1) & mask;
    slots_[i] = Slot{h, n};
  }

  void resize(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& s : old) {
      if (s.node != nullptr) place(s.node, s.hash);
    }
  }

  std::vector<Slot> slots_;
  size_t count_ = 0;
};

struct Shard {
  std::mutex mu;
  ShardTable nodes;
};

constexpr size_t kShardBits = 6;

class InternTable {
 public:
  Value get(std::string_view s, uint64_t h) {
    Shard& shard = shard_for(h);
    std::lock_guard<std::mutex> lock(shard.mu);
    if (const HeapNode* found = shard.nodes.find(s, h)) {
      detail::retain(found);
      return detail::ValueAccess::adopt(detail::NodeKind::kString, found);
    }
    HeapNode* n = detail::new_string_node(s, h);
    n->flags |= detail::kInterned;
    shard.nodes.insert(n, h);
    return detail::ValueAccess::adopt(detail::NodeKind::kString, n);
  }

  void release(const HeapNode* n) {
    uint32_t r = n->refs.load(std::memory_order_relaxed);
    auto& refs = n->refs;
    while (r > 1) {
      if (refs.compare_exchange_weak(r, r - 1, std::memory_order_acq_rel)) return;
    }
    uint64_t h = n->hash.load(std::memory_order_relaxed);
    Shard& shard = shard_for(h);
    {
      std::lock_guard<std::mutex> lock(shard.mu);
      if (refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
      shard.nodes.erase(n, h);
    }
    ::operator delete(const_cast<HeapNode*>(n));
  }

  size_t size() {
    size_t total = 0;
    for (Shard& s : shards_) {
      std::lock_guard<std::mutex> lock(s.mu);
      total += s.nodes.size();
    }
    return total;
  }

 private:
  Shard& shard_for(uint64_t h) { return shards_[h >> (64 - kShardBits)]; }
  std::array<Shard, size_t{1} << kShardBits> shards_;
};

// Never destroyed: values in static storage may release keys during exit.
InternTable& table() {
  static InternTable* t = new InternTable;
  return *t;
}

constexpr size_t kCacheSlots = 1024;

}  // namespace

Value intern_key(std::string_view s) {
  if (s.size() <= Value::kInlineStringMax) return detail::ValueAccess::short_string(s);
  return table().get(s, hash_string(s));
}

size_t interned_count() { return table().size(); }

KeyCache::KeyCache() : slots_(kCacheSlots) {}

Value KeyCache::get(std::string_view s) {
  if (s.size() <= Value::kInlineStringMax) return detail::ValueAccess::short_string(s);
  uint64_t h = hash_string(s);
  Slot& slot = slots_[h & (kCacheSlots - 1)];
  if (slot.hash == h && slot.key.string_view() == s) return slot.key;
  Value v = table().get(s, h);
  slot.hash = h;
  slot.key = v;
  return v;
}

namespace detail {
void release_interned(const HeapNode* n) { table().release(n); }
}  // namespace detail

}  // namespace arcane::runtime
