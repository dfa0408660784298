// Value: construction, copying, accessors, lookups, and the iterative destroyer.
// Ordering, equality and hashing are in value_compare.cc; building containers in
// value_builder.cc.
#include "runtime/value.h"

#include <algorithm>
#include <new>
#include <vector>

#include "runtime/hash.h"
#include "runtime/intern.h"
#include "runtime/number_node.h"
#include "runtime/value_arena.h"
#include "runtime/value_nodes.h"
#include "runtime/value_sort.h"

namespace arcane::runtime {

using detail::entry_key;
using detail::HeapNode;
using detail::itself;
using detail::NodeKind;

namespace {

bool is_container(NodeKind k) { return k == NodeKind::kArray || k == NodeKind::kObject || k == NodeKind::kSet; }

// The containers a destruction has still to empty: a few inline (a decision's result
// object holding its array of reasons), a vector past that. A deep value needs it, since
// the destroyer does not recurse.
class DyingNodes {
 public:
  bool empty() const { return n_ == 0 && more_.empty(); }
  void push(HeapNode* n) {
    if (n_ < kInline) {
      inline_[n_++] = n;
    } else {
      more_.push_back(n);
    }
  }
  HeapNode* pop() {
    if (!more_.empty()) {
      HeapNode* n = more_.back();
      more_.pop_back();
      return n;
    }
    return inline_[--n_];
  }

 private:
  static constexpr size_t kInline = 8;
  HeapNode* inline_[kInline];
  size_t n_ = 0;
  std::vector<HeapNode*> more_;
};

void free_node(HeapNode* n) {
  if (n->kind == NodeKind::kNumber) {
    detail::destroy_number_node(static_cast<detail::NumberNode*>(n));
  } else if (n->flags & detail::kInArena) {
    detail::release_arena_node(n);
  } else {
    n->~HeapNode();
    ::operator delete(n);
  }
}

// Drops a child's reference; a dying container is queued rather than recursed into, so
// destroying a deeply nested value cannot overflow the stack.
void drop_node(const HeapNode* c, DyingNodes& work) {
  if (c == nullptr) return;
  if (c->flags & detail::kInterned) {
    detail::release_interned(c);
    return;
  }
  if (c->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  auto* n = const_cast<HeapNode*>(c);
  if (is_container(n->kind)) {
    work.push(n);
  } else {
    free_node(n);
  }
}

void drop(const Value& v, DyingNodes& work) { drop_node(detail::ValueAccess::node(v), work); }

void drop_values(const Value* v, size_t n, DyingNodes& work) {
  for (size_t i = 0; i < n; ++i) drop(v[i], work);
}

void drop_children(const HeapNode* n, DyingNodes& work) {
  if (n->kind == NodeKind::kObject && (n->flags & detail::kShaped)) {
    drop_node(detail::shaped_keys(n), work);
    drop_values(detail::shaped_values(n), n->size, work);
  } else if (n->kind == NodeKind::kObject) {
    const ObjectEntry* e = detail::object_items(n);
    for (uint32_t i = 0; i < n->size; ++i) {
      drop(e[i].key, work);
      drop(e[i].value, work);
    }
  } else if (n->kind == NodeKind::kArray || n->kind == NodeKind::kSet) {
    const Value* v = detail::value_items(n);
    for (uint32_t i = 0; i < n->size; ++i) drop(v[i], work);
  }
}

void destroy(HeapNode* root) {
  DyingNodes work;
  HeapNode* n = root;
  for (;;) {
    drop_children(n, work);
    free_node(n);
    if (work.empty()) return;
    n = work.pop();
  }
}

// Binary search over a sorted run of keys with a three-way comparison against the
// sought key.
template <typename T, typename KeyOf, typename Cmp>
const T* sorted_find(const T* items, size_t n, KeyOf key_of, Cmp cmp) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp(key_of(items[mid]));
    if (c == 0) return &items[mid];
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

template <typename T, typename KeyOf, typename Eq>
const T* indexed_find(const HeapNode* n, uint64_t h, KeyOf key_of, Eq eq) {
  const T* items = detail::payload<T>(n);
  const uint32_t* slots = detail::index_slots<T>(n);
  size_t mask = detail::index_capacity(n->size) - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t s = slots[i];
    if (s == 0) return nullptr;
    if (eq(key_of(items[s - 1]))) return &items[s - 1];
  }
}

int compare_to_string(const Value& k, std::string_view s) {
  if (!k.is_string()) return k.kind() < Kind::kString ? -1 : 1;
  int c = k.string_view().compare(s);
  return (c > 0) - (c < 0);
}

// Finds a key among a pairs object's entries or a set's elements: by the hash index when
// the node has one, by a scan when `scan_small` and the node is small, else by binary
// search.
template <typename T, typename KeyOf, typename Hash, typename Eq, typename Cmp>
const T* locate(const HeapNode* n, KeyOf key_of, Hash hash, Eq eq, Cmp cmp, bool scan_small = false) {
  if (n->flags & detail::kHasIndex) return indexed_find<T>(n, hash(), key_of, eq);
  const T* items = detail::payload<T>(n);
  if (scan_small && n->size <= detail::kScanMax) {
    for (uint32_t i = 0; i < n->size; ++i) {
      if (eq(key_of(items[i]))) return &items[i];
    }
    return nullptr;
  }
  return sorted_find(items, n->size, key_of, cmp);
}

// A shaped object finds the key's position in its shared key set.
template <typename Hash, typename Eq, typename Cmp>
const Value* find_in_object(const HeapNode* n, Hash hash, Eq eq, Cmp cmp, bool scan_small = false) {
  if (n == nullptr) return nullptr;
  if (n->flags & detail::kShaped) {
    const HeapNode* keys = detail::shaped_keys(n);
    const Value* k = locate<Value>(keys, itself, hash, eq, cmp, scan_small);
    return k == nullptr ? nullptr : &detail::shaped_values(n)[k - detail::value_items(keys)];
  }
  const ObjectEntry* e = locate<ObjectEntry>(n, entry_key, hash, eq, cmp, scan_small);
  return e == nullptr ? nullptr : &e->value;
}

// Calls search(hash, eq, cmp, scan_small) with the probes for `key`. Most keys are short
// strings, equal exactly to the keys with the same bytes and ordered among themselves by
// them: small nodes are scanned, and the binary search compares inline instead of
// calling compare() per probe.
template <typename Search>
auto search_for(const Value& key, Search search) {
  auto hash = [&] { return key.hash(); };
  if (detail::ValueAccess::is_short_string(key)) {
    return search(
        hash, [&](const Value& k) { return detail::ValueAccess::same_bits(k, key); },
        [&](const Value& k) {
          if (detail::ValueAccess::is_short_string(k)) return detail::ValueAccess::compare_short_strings(k, key);
          return compare(k, key);
        },
        true);
  }
  return search(
      hash, [&](const Value& k) { return k == key; }, [&](const Value& k) { return compare(k, key); }, false);
}

}  // namespace

namespace detail {

void release(const HeapNode* n) {
  if (n->flags & kInterned) {
    release_interned(n);
    return;
  }
  if (n->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  destroy(const_cast<HeapNode*>(n));
}

HeapNode* new_string_node(std::string_view s, uint64_t hash) {
  void* mem = ::operator new(sizeof(HeapNode) + s.size());
  auto* n = new (mem) HeapNode(NodeKind::kString);
  n->size = static_cast<uint32_t>(s.size());
  if (hash != 0) n->hash.store(hash, std::memory_order_relaxed);
  std::memcpy(payload<char>(n), s.data(), s.size());
  return n;
}

Value ValueAccess::adopt(NodeKind kind, const HeapNode* n) {
  static constexpr Value::Tag kTags[] = {Value::Tag::kBigNumber, Value::Tag::kString, Value::Tag::kArray,
                                         Value::Tag::kObject, Value::Tag::kSet};
  Value v;
  v.set_node(kTags[static_cast<int>(kind)], n);
  return v;
}

Value ValueAccess::short_string(std::string_view s) {
  Value v;
  v.b_[0] = static_cast<uint8_t>(Value::Tag::kShortString);
  v.b_[1] = static_cast<uint8_t>(s.size());
  if (!s.empty()) std::memcpy(v.b_ + 2, s.data(), s.size());
  return v;
}

}  // namespace detail

// --- lifetime -------------------------------------------------------------------------

void Value::take_reference() noexcept {
  b_[1] = 0;
  if (node() != nullptr) detail::retain(node());
}

void Value::release_node() noexcept {
  if (const HeapNode* n = node()) detail::release(n);
}

// --- construction ---------------------------------------------------------------------


Value Value::from_number(Number n) noexcept {
  Value v;
  switch (n.form_) {
    case Number::Form::kInt: v.b_[0] = static_cast<uint8_t>(Tag::kInt); break;
    case Number::Form::kDecimal:
      v.b_[0] = static_cast<uint8_t>(Tag::kDecimal);
      v.b_[1] = n.scale_;
      break;
    case Number::Form::kHeap: v.b_[0] = static_cast<uint8_t>(Tag::kBigNumber); break;
  }
  v.set_word(n.i_);  // the int64 or, bit for bit, the node pointer we take over
  n.form_ = Number::Form::kInt;
  n.i_ = 0;
  return v;
}

Value Value::from_string(std::string_view s) {
  return detail::string_value(nullptr, s);  // the heap, or the thread's scoped arena
}

Value Value::key(std::string_view s) { return intern_key(s); }

Value Value::empty_array() noexcept { return detail::ValueAccess::adopt(NodeKind::kArray, nullptr); }
Value Value::empty_object() noexcept { return detail::ValueAccess::adopt(NodeKind::kObject, nullptr); }
Value Value::empty_set() noexcept { return detail::ValueAccess::adopt(NodeKind::kSet, nullptr); }

// --- accessors ------------------------------------------------------------------------

const char* kind_name(Kind k) {
  static constexpr const char* kNames[] = {"null", "boolean", "number", "string", "array", "object", "set"};
  return kNames[static_cast<int>(k)];
}

Number Value::number() const noexcept {
  Number n;
  switch (tag()) {
    case Tag::kDecimal:
      n.form_ = Number::Form::kDecimal;
      n.scale_ = b_[1];
      n.i_ = word();
      break;
    case Tag::kBigNumber:
      n.form_ = Number::Form::kHeap;
      n.node_ = static_cast<const detail::NumberNode*>(node());
      detail::retain(n.node_);
      break;
    default: n.i_ = word(); break;
  }
  return n;
}

std::string_view Value::string_view() const noexcept {
  if (tag() == Tag::kShortString) return {reinterpret_cast<const char*>(b_ + 2), b_[1]};
  return detail::string_text(node());
}

size_t Value::size() const noexcept {
  if (tag() < Tag::kArray) return 0;
  const HeapNode* n = node();
  return n == nullptr ? 0 : n->size;
}

std::span<const Value> Value::elements() const noexcept {
  const HeapNode* n = node();
  if (n == nullptr) return {};
  return {detail::value_items(n), n->size};
}

ObjectView Value::entries() const noexcept { return detail::object_view(node()); }

const Value* Value::find(const Value& key) const noexcept {
  return search_for(key, [&](auto hash, auto eq, auto cmp, bool scan_small) {
    return find_in_object(node(), hash, eq, cmp, scan_small);
  });
}

const Value* Value::find(std::string_view key) const noexcept {
  return find_in_object(
      node(), [&] { return hash_string(key); },
      [&](const Value& k) { return k.is_string() && k.string_view() == key; },
      [&](const Value& k) { return compare_to_string(k, key); });
}

bool Value::contains(const Value& element) const noexcept {
  const HeapNode* n = node();
  if (n == nullptr) return false;
  return search_for(element, [&](auto hash, auto eq, auto cmp, bool scan_small) {
           return locate<Value>(n, itself, hash, eq, cmp, scan_small);
         }) != nullptr;
}

}  // namespace arcane::runtime
