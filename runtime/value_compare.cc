// OPA's value order, equality and hashing (see value.h for the order). Equality is its
// own function rather than compare() == 0 because it can stop early: same node, different
// cached hashes, different sizes.
#include <algorithm>

#include "runtime/hash.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {

using detail::HeapNode;
using detail::ValueAccess;

namespace {

int sign(int c) { return (c > 0) - (c < 0); }

int compare_numbers(const Value& a, const Value& b) {
  if (ValueAccess::both_small_ints(a, b)) {
    int64_t x = ValueAccess::word(a), y = ValueAccess::word(b);
    return (x > y) - (x < y);
  }
  return a.number().compare(b.number());
}

int compare_sequences(std::span<const Value> a, std::span<const Value> b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = compare(a[i], b[i])) return c;
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

int compare_objects(const ObjectView& a, const ObjectView& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = compare(a.key(i), b.key(i))) return c;
    if (int c = compare(a.value(i), b.value(i))) return c;
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

bool equal_sequences(std::span<const Value> a, std::span<const Value> b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] == b[i])) return false;
  }
  return true;
}

// Two objects of one shape share their key set: only the values need comparing.
bool same_shape(const HeapNode* x, const HeapNode* y) {
  return x != nullptr && y != nullptr && (x->flags & y->flags & detail::kShaped) &&
         detail::shaped_keys(x) == detail::shaped_keys(y);
}

bool equal_objects(const HeapNode* x, const HeapNode* y) {
  ObjectView a = detail::object_view(x), b = detail::object_view(y);
  if (a.size() != b.size()) return false;
  bool keys_equal = same_shape(x, y);
  for (size_t i = 0; i < a.size(); ++i) {
    if (!keys_equal && !(a.key(i) == b.key(i))) return false;
    if (!(a.value(i) == b.value(i))) return false;
  }
  return true;
}

// Different cached hashes prove inequality without looking inside.
bool hashes_differ(const HeapNode* x, const HeapNode* y) {
  uint64_t hx = x->hash.load(std::memory_order_relaxed);
  uint64_t hy = y->hash.load(std::memory_order_relaxed);
  return hx != 0 && hy != 0 && hx != hy;
}

// Folds item i's hash into h for every item, then caches the result in the node.
template <typename Fold>
uint64_t cached_hash(const HeapNode* n, uint64_t seed, Fold fold) {
  if (n == nullptr) return detail::cacheable(hash_mix(seed));
  uint64_t h = n->hash.load(std::memory_order_relaxed);
  if (h != 0) return h;
  h = seed;
  for (uint32_t i = 0; i < n->size; ++i) h = fold(h, i);
  h = detail::cacheable(hash_mix(h ^ n->size));
  n->hash.store(h, std::memory_order_relaxed);
  return h;
}

uint64_t sequence_hash(const HeapNode* n, uint64_t seed) {
  const Value* items = n == nullptr ? nullptr : detail::value_items(n);
  return cached_hash(n, seed, [&](uint64_t h, size_t i) { return hash_combine(h, items[i].hash()); });
}

uint64_t object_hash(const HeapNode* n) {
  ObjectView view = detail::object_view(n);
  return cached_hash(n, kSeedObject, [&](uint64_t h, size_t i) {
    return hash_combine(hash_combine(h, view.key(i).hash()), view.value(i).hash());
  });
}

}  // namespace

int compare(const Value& a, const Value& b) noexcept {
  Kind ka = a.kind(), kb = b.kind();
  if (ka != kb) return ka < kb ? -1 : 1;
  if (ValueAccess::same_bits(a, b)) return 0;
  if (ValueAccess::is_short_string(a) && ValueAccess::is_short_string(b)) return ValueAccess::compare_short_strings(a, b);
  switch (ka) {
    case Kind::kNull: return 0;
    case Kind::kBoolean: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Kind::kNumber: return compare_numbers(a, b);
    case Kind::kString: return sign(a.string_view().compare(b.string_view()));
    case Kind::kArray:
    case Kind::kSet: return compare_sequences(a.elements(), b.elements());
    case Kind::kObject: return compare_objects(a.entries(), b.entries());
  }
  return 0;
}

bool Value::equal_slow(const Value& a, const Value& b) noexcept {
  if (ValueAccess::same_bits(a, b)) return true;
  // Inline strings are equal exactly when their bytes are (value.h), and never equal a
  // heap string (those are longer).
  if (ValueAccess::is_short_string(a) || ValueAccess::is_short_string(b)) return false;
  Kind k = a.kind();
  if (k != b.kind()) return false;
  const HeapNode* x = ValueAccess::node(a);
  const HeapNode* y = ValueAccess::node(b);
  if (x != nullptr && y != nullptr && k != Kind::kNumber && hashes_differ(x, y)) return false;
  switch (k) {
    case Kind::kNull: return true;
    case Kind::kBoolean: return false;  // same kind, different bits
    case Kind::kNumber: return compare_numbers(a, b) == 0;
    case Kind::kString: {
      // Two distinct interned nodes never hold the same text.
      if (x != nullptr && y != nullptr && (x->flags & y->flags & detail::kInterned)) return false;
      return a.string_view() == b.string_view();
    }
    case Kind::kArray:
    case Kind::kSet: return equal_sequences(a.elements(), b.elements());
    case Kind::kObject: return equal_objects(x, y);
  }
  return false;
}

uint64_t Value::hash() const noexcept {
  switch (kind()) {
    case Kind::kNull: return detail::cacheable(hash_mix(kSeedNull));
    case Kind::kBoolean: return detail::cacheable(hash_mix(kSeedBool + (as_bool() ? 1 : 0)));
    case Kind::kNumber: return detail::cacheable(number().hash());
    case Kind::kString: {
      if (tag() == Tag::kShortString) return hash_string(string_view());
      uint64_t h = node()->hash.load(std::memory_order_relaxed);
      if (h == 0) {
        h = hash_string(string_view());
        node()->hash.store(h, std::memory_order_relaxed);
      }
      return h;
    }
    case Kind::kArray: return sequence_hash(node(), kSeedArray);
    case Kind::kSet: return sequence_hash(node(), kSeedSet);
    case Kind::kObject: return object_hash(node());
  }
  return 0;
}

}  // namespace arcane::runtime
