// Freezing containers: move the items into one node, in canonical order (value_sort.h),
// merging duplicates, and add a hash index to large ones.
#include "runtime/value_builder.h"

#include <cstring>
#include <new>
#include <type_traits>

#include "runtime/hash.h"
#include "runtime/value_arena.h"
#include "runtime/value_nodes.h"
#include "runtime/value_sort.h"

namespace arcane::runtime {

using detail::HeapNode;
using detail::NodeKind;
using detail::ValueAccess;

namespace {

template <typename T, typename KeyOf>
void build_index(HeapNode* node, T* items, KeyOf key_of) {
  size_t cap = detail::index_capacity(node->size);
  auto* slots = reinterpret_cast<uint32_t*>(items + node->size);
  std::memset(slots, 0, cap * sizeof(uint32_t));
  size_t mask = cap - 1;
  for (uint32_t i = 0; i < node->size; ++i) {
    size_t j = key_of(items[i]).hash() & mask;
    while (slots[j] != 0) j = (j + 1) & mask;
    slots[j] = i + 1;
  }
  node->flags |= detail::kHasIndex;
}

// The order of a small container without duplicates; objects teach it to the shapes.
template <typename T, typename KeyOf>
bool small_order(std::span<const T> src, KeyOf key_of, ObjectShapes* shapes, uint16_t* order) {
  if (!detail::small_order(src, key_of, order)) return false;
  if constexpr (std::is_same_v<T, ObjectEntry>) {
    if (shapes != nullptr) shapes->remember(src, order);
  }
  return true;
}

constexpr size_t kShapeSlots = 256;

uint64_t shape_hash(std::span<const ObjectEntry> entries) {
  uint64_t h = entries.size();
  for (const ObjectEntry& e : entries) {
    uint64_t w[2];
    ValueAccess::raw_words(e.key, w);
    h = hash_combine(hash_combine(h, w[0]), w[1]);
  }
  return h;
}

// A shaped object: the shape's key set, then the values in key order.
Value make_shaped(std::span<ObjectEntry> entries, const uint16_t* order, const Value& key_set, ValueArena* arena) {
  size_t n = entries.size();
  detail::NodeMemory mem = detail::allocate_node(arena, detail::kShapedHeader + n * sizeof(Value));
  auto* node = new (mem.mem) HeapNode(NodeKind::kObject);
  detail::adopt_memory(node, mem);
  node->flags |= detail::kShaped;
  node->size = static_cast<uint32_t>(n);
  const HeapNode* keys = ValueAccess::node(key_set);
  detail::retain(keys);
  std::memcpy(detail::payload<char>(node), &keys, sizeof keys);
  Value* values = detail::payload<Value>(node, detail::kShapedHeader);
  for (size_t k = 0; k < n; ++k) new (&values[k]) Value(std::move(entries[order[k]].value));
  return ValueAccess::adopt(NodeKind::kObject, node);
}

// Moves src into items in key order; returns the item count after merging duplicates.
template <typename T, typename KeyOf, typename Merge>
size_t place_sorted(std::span<T> src, T* items, KeyOf key_of, Merge merge, ObjectShapes* shapes) {
  size_t n = src.size();
  uint16_t order[detail::kSmallSort];
  if (n <= detail::kSmallSort && small_order(std::span<const T>(src), key_of, shapes, order)) {
    for (size_t k = 0; k < n; ++k) new (&items[k]) T(std::move(src[order[k]]));
    return n;
  }
  for (size_t i = 0; i < n; ++i) new (&items[i]) T(std::move(src[i]));
  if (detail::strictly_sorted(items, n, key_of)) return n;
  detail::stable_sort_items(items, n, key_of);
  return merge(items, n);
}

// A set or object node with room for n items of T and the index a container of n gets;
// its items and size are the caller's to fill.
template <typename T>
HeapNode* new_sorted_node(NodeKind kind, size_t n, ValueArena* arena) {
  detail::NodeMemory mem = detail::allocate_node(arena, sizeof(HeapNode) + n * sizeof(T) + detail::index_bytes(n));
  auto* node = new (mem.mem) HeapNode(kind);
  detail::adopt_memory(node, mem);
  return node;
}

// The node once its `size` items are in place, in key order: indexed when large.
template <typename T, typename KeyOf>
Value finish_sorted_node(HeapNode* node, size_t size, KeyOf key_of) {
  node->size = static_cast<uint32_t>(size);
  if (size >= detail::kIndexMin) build_index(node, detail::payload<T>(node), key_of);
  return ValueAccess::adopt(node->kind, node);
}

template <typename T, typename KeyOf, typename Merge>
Value take_sorted(std::span<T> src, NodeKind kind, KeyOf key_of, Merge merge, ValueArena* arena,
                  ObjectShapes* shapes) {
  size_t n = src.size();
  if (n == 0) return ValueAccess::adopt(kind, nullptr);
  HeapNode* node = new_sorted_node<T>(kind, n, arena);
  return finish_sorted_node<T>(node, place_sorted(src, detail::payload<T>(node), key_of, merge, shapes), key_of);
}

}  // namespace

namespace {

// An array of n elements, each constructed from items[i] (moved or copied as Item says).
template <typename Item>
Value array_of(std::span<Item> items, ValueArena* arena) {
  size_t n = items.size();
  if (n == 0) return Value::empty_array();
  detail::NodeMemory mem = detail::allocate_node(arena, sizeof(HeapNode) + n * sizeof(Value));
  auto* node = new (mem.mem) HeapNode(NodeKind::kArray);
  detail::adopt_memory(node, mem);
  node->size = static_cast<uint32_t>(n);
  Value* out = detail::payload<Value>(node);
  for (size_t i = 0; i < n; ++i) {
    if constexpr (std::is_const_v<Item>) {
      new (&out[i]) Value(items[i]);
    } else {
      new (&out[i]) Value(std::move(items[i]));
    }
  }
  return ValueAccess::adopt(NodeKind::kArray, node);
}

}  // namespace

Value take_array(std::span<Value> items, ValueArena* arena) { return array_of(items, arena); }

Value copy_array(std::span<const Value> items) { return array_of(items, nullptr); }

Value take_object(std::span<ObjectEntry> entries, ValueArena* arena, ObjectShapes* shapes) {
  if (shapes != nullptr && !entries.empty() && entries.size() <= detail::kSmallSort) {
    if (std::optional<Value> v = shapes->build(entries, arena)) return std::move(*v);
  }
  return take_sorted(entries, NodeKind::kObject, detail::entry_key, detail::merge_entries, arena, shapes);
}

ObjectShapes::ObjectShapes() : shapes_(kShapeSlots) {}

ObjectShapes::Shape* ObjectShapes::find(std::span<const ObjectEntry> entries) {
  uint64_t h = shape_hash(entries);
  Shape& s = shapes_[h & (kShapeSlots - 1)];
  if (s.hash != h || s.keys.size() != entries.size()) return nullptr;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!ValueAccess::same_bits(s.keys[i], entries[i].key)) return nullptr;
  }
  return &s;
}

std::optional<Value> ObjectShapes::build(std::span<ObjectEntry> entries, ValueArena* arena) {
  Shape* s = find(entries);
  if (s == nullptr) return std::nullopt;
  if (s->key_set.is_null()) {
    std::vector<Value> sorted;
    for (uint16_t i : s->order) sorted.push_back(s->keys[i]);
    s->key_set = take_set(sorted, arena);
  }
  return make_shaped(entries, s->order.data(), s->key_set, arena);
}

void ObjectShapes::remember(std::span<const ObjectEntry> entries, const uint16_t* order) {
  uint64_t h = shape_hash(entries);
  Shape& s = shapes_[h & (kShapeSlots - 1)];
  s.hash = h;
  s.keys.clear();
  for (const ObjectEntry& e : entries) s.keys.push_back(e.key);
  s.order.assign(order, order + entries.size());
  s.key_set = Value();
}

Value take_object_ordered(std::span<ObjectEntry> entries, const uint16_t* order, ValueArena* arena) {
  size_t n = entries.size();
  if (n == 0) return Value::empty_object();
  HeapNode* node = new_sorted_node<ObjectEntry>(NodeKind::kObject, n, arena);
  auto* items = detail::payload<ObjectEntry>(node);
  for (size_t k = 0; k < n; ++k) new (&items[k]) ObjectEntry(std::move(entries[order[k]]));
  return finish_sorted_node<ObjectEntry>(node, n, detail::entry_key);
}

Value take_set(std::span<Value> items, ValueArena* arena) {
  return take_sorted(items, NodeKind::kSet, detail::itself, detail::merge_elements, arena, nullptr);
}

Value ArrayBuilder::build() {
  Value v = take_array(items_);
  items_.clear();
  return v;
}

Value ObjectBuilder::build() {
  Value v = take_object(entries_);
  entries_.clear();
  return v;
}

Value SetBuilder::build() {
  Value v = take_set(items_);
  items_.clear();
  return v;
}

}  // namespace arcane::runtime
