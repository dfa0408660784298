// Key comparison fast paths, merging of equal keys, and the object shape cache.
#include "runtime/value_sort.h"

#include <cstring>

#include "runtime/value_nodes.h"

namespace arcane::runtime {

namespace detail {

int key_compare(const Value& a, const Value& b) {
  if (ValueAccess::is_short_string(a) && ValueAccess::is_short_string(b)) {
    return ValueAccess::compare_short_strings(a, b);
  }
  if (a.is_string() && b.is_string()) {
    int c = a.string_view().compare(b.string_view());
    return (c > 0) - (c < 0);
  }
  return compare(a, b);
}

uint64_t big_endian_prefix(std::string_view s) {
  unsigned char b[8] = {};
  std::memcpy(b, s.data(), std::min<size_t>(8, s.size()));
  uint64_t v = 0;
  for (unsigned char c : b) v = (v << 8) | c;
  return v;
}

// Slots [0, w) hold kept items, [w, i) are destroyed.
size_t merge_entries(ObjectEntry* e, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; ++i) {
    if (w > 0 && key_compare(e[w - 1].key, e[i].key) == 0) {
      e[w - 1].value = std::move(e[i].value);  // last value wins, first key spelling stays
    } else if (w != i) {
      new (&e[w++]) ObjectEntry(std::move(e[i]));
    } else {
      ++w;
      continue;
    }
    e[i].~ObjectEntry();
  }
  return w;
}

size_t merge_elements(Value* v, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; ++i) {
    if (w > 0 && key_compare(v[w - 1], v[i]) == 0) {
      // keep the first
    } else if (w != i) {
      new (&v[w++]) Value(std::move(v[i]));
    } else {
      ++w;
      continue;
    }
    v[i].~Value();
  }
  return w;
}

}  // namespace detail

}  // namespace arcane::runtime
