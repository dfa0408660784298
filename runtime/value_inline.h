// Value operations inline for the interpreter's hot paths, where a call and the general
// case's dispatch cost more than the common case's work.
//
// find_key: an object's value for a key, inline where it is cheapest: a short-string key
// (most keys of input and data documents) in an object small enough to scan (kScanMax,
// as Value::find scans), of either layout (value_nodes.h). Two such keys are equal exactly when their 16 bytes are,
// so the scan compares two words per entry. Anything else is Value::find. A call, a
// key-kind dispatch and a layout dispatch per lookup were a third of `dot`'s cost.
//
// order: compare() with two integers (counts, tiers, limits) compared inline.
//
// container_size, scan_key, scan_value: a scan's step over an array, set or object of
// either layout, without the calls of size(), elements() and entries().
#pragma once

#include <cstdint>

#include "runtime/value.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {

// `object` must be an object.
inline const Value* find_key(const Value& object, const Value& key) noexcept {
  using detail::ValueAccess;
  const detail::HeapNode* n = ValueAccess::node(object);
  if (n == nullptr) return nullptr;
  if (!ValueAccess::is_short_string(key) || n->size > detail::kScanMax) return object.find(key);
  uint64_t k[2], w[2];
  ValueAccess::raw_words(key, k);
  if (n->flags & detail::kShaped) {
    const Value* items = detail::value_items(detail::shaped_keys(n));
    for (uint32_t i = 0; i < n->size; ++i) {
      ValueAccess::raw_words(items[i], w);
      if (w[0] == k[0] && w[1] == k[1]) return &detail::shaped_values(n)[i];
    }
    return nullptr;
  }
  const ObjectEntry* e = detail::object_items(n);
  for (uint32_t i = 0; i < n->size; ++i) {
    ValueAccess::raw_words(e[i].key, w);
    if (w[0] == k[0] && w[1] == k[1]) return &e[i].value;
  }
  return nullptr;
}

// Elements or entries of an array, set or object; 0 for any other kind.
inline uint32_t container_size(const Value& c) noexcept {
  const detail::HeapNode* n = detail::ValueAccess::node(c);
  return n != nullptr && c.kind() >= Kind::kArray ? n->size : 0;
}

// Position i (below container_size) of an array or set: the element; of an object: the
// entry's key (scan_key) and value (scan_value).
inline const Value& scan_key(const Value& c, uint32_t i) noexcept {
  const detail::HeapNode* n = detail::ValueAccess::node(c);
  if (c.kind() != Kind::kObject) return detail::value_items(n)[i];
  if (n->flags & detail::kShaped) return detail::value_items(detail::shaped_keys(n))[i];
  return detail::object_items(n)[i].key;
}
inline const Value& scan_value(const Value& c, uint32_t i) noexcept {
  const detail::HeapNode* n = detail::ValueAccess::node(c);
  if (c.kind() != Kind::kObject) return detail::value_items(n)[i];
  if (n->flags & detail::kShaped) return detail::shaped_values(n)[i];
  return detail::object_items(n)[i].value;
}

inline int order(const Value& a, const Value& b) noexcept {
  using detail::ValueAccess;
  if (ValueAccess::both_small_ints(a, b)) {
    int64_t x = ValueAccess::word(a), y = ValueAccess::word(b);
    return (x > y) - (x < y);
  }
  return compare(a, b);
}

}  // namespace arcane::runtime
